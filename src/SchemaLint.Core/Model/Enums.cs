namespace SchemaLint.Core.Model
{
    public enum DatabaseProvider
    {
        Unknown,
        PostgreSql,
        SqlServer,
        Sqlite,
        MySql,
    }

    /// <summary>What an entity type's rows live in.</summary>
    public enum TableMappingKind
    {
        /// <summary>A table of its own, or one it shares (TPH, table splitting, owned types in their owner's table).</summary>
        Table,
        View,
        SqlQuery,
        Function,
        /// <summary>A JSON document inside its owner's column.</summary>
        Json,
        /// <summary>Not mapped to any relational object (for example a non-relational provider, or an abstract TPC base).</summary>
        None,
    }

    public enum InheritanceStrategy
    {
        None,
        /// <summary>Table per hierarchy: derived columns live in the root's table and are nullable by design.</summary>
        Tph,
        Tpt,
        Tpc,
    }

    /// <summary>Mirrors EF Core's DeleteBehavior, so front ends map it one to one.</summary>
    public enum DeleteBehaviorKind
    {
        ClientSetNull,
        Restrict,
        SetNull,
        Cascade,
        ClientCascade,
        NoAction,
        ClientNoAction,
    }

    public enum ValueGeneration
    {
        Never,
        OnAdd,
        OnUpdate,
        OnAddOrUpdate,
    }

    /// <summary>How a reference-typed CLR member is annotated under nullable reference types.</summary>
    public enum ReferenceNullability
    {
        /// <summary>Value types: nullability is carried by <see cref="PropertyModel.IsNullableValueType"/>.</summary>
        NotApplicable,
        /// <summary>Declared where nullable annotations are disabled: the code says nothing.</summary>
        Oblivious,
        /// <summary><c>string?</c></summary>
        Annotated,
        /// <summary><c>string</c> under nullable reference types.</summary>
        NotAnnotated,
    }

    /// <summary>What the code explicitly declared about requiredness, beyond conventions.</summary>
    public enum DeclaredRequiredness
    {
        /// <summary>Nothing explicit: requiredness comes from conventions alone.</summary>
        Unspecified,
        /// <summary><c>[Required]</c>, <c>IsRequired()</c>, or a non-nullable navigation under nullable reference types.</summary>
        Required,
        /// <summary><c>IsRequired(false)</c>, or a nullable navigation under nullable reference types.</summary>
        Optional,
    }
}
