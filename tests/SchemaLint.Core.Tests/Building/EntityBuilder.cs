using SchemaLint.Core.Model;

namespace SchemaLint.Core.Tests.Building;

/// <summary>
/// Describes one entity type. By default it is what a front end records for a plain entity: mapped to a table
/// named after it, not keyless, not owned, no inheritance, every collection complete.
/// </summary>
public sealed class EntityBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly SchemaModel _model;

    internal EntityBuilder(SchemaBuilder schema, SchemaModel model, EntityTypeModel entity)
    {
        _schema = schema;
        _model = model;
        Entity = entity;
        entity.Mapping = TableMappingKind.Table;
        entity.TableName = entity.ShortName + "s";
        entity.NullableReferenceTypes = schema.NullableReferenceTypes;
    }

    public EntityTypeModel Entity { get; }

    /// <summary>The primary key; missing key properties are added as store-generated ints.</summary>
    public EntityBuilder Key(params string[] propertyNames)
    {
        foreach (var name in propertyNames.Where(n => _model.FindProperty(Entity, n) is null))
            Property(name, typeof(int), p => p.Generated(propertyNames.Length == 1 ? ValueGeneration.OnAdd : ValueGeneration.Never));
        Entity.Keys.Add(new KeyModel(propertyNames, isPrimary: true));
        return this;
    }

    public EntityBuilder AlternateKey(params string[] propertyNames)
    {
        Entity.Keys.Add(new KeyModel(propertyNames, isPrimary: false));
        return this;
    }

    public EntityBuilder Property(string name, Type clrType, Action<PropertyBuilder>? configure = null)
    {
        var property = Entity.AddProperty(PropertyBuilder.Plain(name, clrType, Entity.NullableReferenceTypes.Is(true), _schema.SourceObserved));
        configure?.Invoke(new PropertyBuilder(property, Entity));
        return this;
    }

    public EntityBuilder Property<T>(string name, Action<PropertyBuilder>? configure = null) => Property(name, typeof(T), configure);

    /// <summary>A non-nullable value-type property of a CLR type the tests do not reference (<c>NodaTime.Instant</c>).</summary>
    public EntityBuilder Property(string name, string clrTypeFullName, Action<PropertyBuilder>? configure = null)
    {
        var property = Entity.AddProperty(new PropertyModel(name, clrTypeFullName)
        {
            ReferenceNullability = ReferenceNullability.NotApplicable,
            IsColumnNullable = false,
            DeclaredRequiredness = DeclaredRequiredness.Unspecified,
            MaxLength = Fact<int?>.Known(null),
            Precision = Fact<int?>.Known(null),
            Scale = Fact<int?>.Known(null),
            StoreType = Fact<string?>.Known(null),
            HasDefaultValue = false,
            DefaultValueSql = Fact<string?>.Known(null),
            ComputedColumnSql = Fact<string?>.Known(null),
            ValueGenerated = ValueGeneration.Never,
            HasRangeValidation = false,
        });
        configure?.Invoke(new PropertyBuilder(property, Entity));
        return this;
    }

    /// <summary>A property the CLR type has no member for (added by <c>Property&lt;T&gt;("Name")</c> in the model).</summary>
    public EntityBuilder ShadowProperty(string name, Type clrType, Action<PropertyBuilder>? configure = null) =>
        Property(name, clrType, p =>
        {
            p.Shadow();
            configure?.Invoke(p);
        });

    /// <summary>
    /// A relationship in which this entity is the dependent. Missing FK properties are added as ints. As EF Core does,
    /// requiredness follows the FK columns, the delete behavior follows requiredness (Cascade or ClientSetNull), and an
    /// index is added unless a key or index already starts with the FK's columns.
    /// </summary>
    public EntityBuilder ForeignKey(string propertyName, string principal, Action<ForeignKeyBuilder>? configure = null) =>
        ForeignKey(new[] { propertyName }, principal, configure);

    public EntityBuilder ForeignKey(string[] propertyNames, string principal, Action<ForeignKeyBuilder>? configure = null)
    {
        foreach (var name in propertyNames.Where(n => _model.FindProperty(Entity, n) is null))
            Property(name, typeof(int));
        var builder = new ForeignKeyBuilder(propertyNames, principal);
        configure?.Invoke(builder);
        builder.AddTo(_model, Entity);
        return this;
    }

    public EntityBuilder Index(params string[] propertyNames) => AddIndex(new IndexModel(propertyNames) { IsPlain = true });

    /// <summary>An index with provider options (a method such as GIN, included columns, ...), not interchangeable with a plain one.</summary>
    public EntityBuilder IndexWithOptions(params string[] propertyNames) => AddIndex(new IndexModel(propertyNames) { IsPlain = false });

    public EntityBuilder IndexOfUnknownKind(params string[] propertyNames) => AddIndex(new IndexModel(propertyNames));

    public EntityBuilder UniqueIndex(params string[] propertyNames) => AddIndex(new IndexModel(propertyNames, isUnique: true) { IsPlain = true });

    public EntityBuilder FilteredIndex(string filter, bool unique, params string[] propertyNames) =>
        AddIndex(new IndexModel(propertyNames, unique) { Filter = filter, IsPlain = true });

    public EntityBuilder CheckConstraint(string name, string sql)
    {
        Entity.CheckConstraints.Add(new CheckConstraintModel(name, sql));
        return this;
    }

    /// <summary>A created timestamp the database fills (<c>HasDefaultValueSql("now()")</c>).</summary>
    public EntityBuilder CreatedAt(string name = "CreatedAt") =>
        Property<DateTime>(name, p => p.DefaultSql("now()").Generated(ValueGeneration.OnAdd));

    /// <summary>An updated timestamp that a SaveChanges override sets on insert and update.</summary>
    public EntityBuilder UpdatedAt(string name = "UpdatedAt") =>
        Property<DateTime>(name, p => p.AssignedByCode().UpdatedByCode());

    public EntityBuilder Timestamps() => CreatedAt().UpdatedAt();

    public EntityBuilder Keyless()
    {
        Entity.IsKeyless = true;
        return this;
    }

    public EntityBuilder ToTable(string table, string? schema = null)
    {
        Entity.Mapping = TableMappingKind.Table;
        Entity.TableName = table;
        Entity.Schema = schema;
        return this;
    }

    public EntityBuilder ToView(string view) => MappedTo(TableMappingKind.View, view);

    public EntityBuilder ToSqlQuery() => MappedTo(TableMappingKind.SqlQuery, null);

    public EntityBuilder ToJson() => MappedTo(TableMappingKind.Json, null);

    public EntityBuilder MappedTo(TableMappingKind kind, string? name)
    {
        Entity.Mapping = kind;
        Entity.TableName = name;
        return this;
    }

    /// <summary>An owned type stored in its owner's table (table splitting), as <c>OwnsOne</c> does by default.</summary>
    public EntityBuilder OwnedBy(string owner)
    {
        var ownerEntity = _model.FindEntity(owner) ?? throw new InvalidOperationException($"Declare the owner '{owner}' before its owned type.");
        Entity.IsOwned = true;
        Entity.TableName = ownerEntity.TableName;
        Entity.Schema = ownerEntity.Schema;
        return this;
    }

    /// <summary>An owned type with a table of its own (<c>OwnsMany</c>).</summary>
    public EntityBuilder Owned()
    {
        Entity.IsOwned = true;
        return this;
    }

    public EntityBuilder JoinEntity()
    {
        Entity.IsJoinEntity = true;
        return this;
    }

    public EntityBuilder PropertyBag()
    {
        Entity.IsPropertyBag = true;
        return this;
    }

    /// <summary>The root of a table-per-hierarchy mapping.</summary>
    public EntityBuilder Tph() => Inheritance(InheritanceStrategy.Tph);

    public EntityBuilder Tpt() => Inheritance(InheritanceStrategy.Tpt);

    public EntityBuilder Inheritance(InheritanceStrategy strategy)
    {
        Entity.InheritanceStrategy = strategy;
        return this;
    }

    /// <summary>Derives from an entity declared earlier; under TPH the derived type shares its root's table.</summary>
    public EntityBuilder DerivedFrom(string baseEntity)
    {
        var baseType = _model.FindEntity(baseEntity) ?? throw new InvalidOperationException($"Declare the base type '{baseEntity}' before '{Entity.ShortName}'.");
        Entity.BaseTypeName = baseType.Name;
        var root = _model.Root(baseType);
        Entity.InheritanceStrategy = root.InheritanceStrategy;
        if (root.InheritanceStrategy.Is(InheritanceStrategy.Tph))
        {
            Entity.TableName = root.TableName;
            Entity.Schema = root.Schema;
        }

        return this;
    }

    /// <summary>Properties declared after this call live where nullable reference types are off.</summary>
    public EntityBuilder NullableOblivious()
    {
        Entity.NullableReferenceTypes = false;
        return this;
    }

    /// <summary>The front end saw code it could not follow: these collections may be missing members.</summary>
    public EntityBuilder Incomplete(ModelCompleteness facts)
    {
        Entity.Completeness &= ~facts;
        return this;
    }

    public EntityBuilder UnknownMapping()
    {
        Entity.Mapping = Fact<TableMappingKind>.Unknown;
        return this;
    }

    public EntityBuilder UnknownKeyless()
    {
        Entity.IsKeyless = Fact<bool>.Unknown;
        return this;
    }

    public EntityBuilder UnknownNullableReferenceTypes()
    {
        Entity.NullableReferenceTypes = Fact<bool>.Unknown;
        return this;
    }

    public EntityBuilder At(int line)
    {
        Entity.Location = Code.Line(line);
        return this;
    }

    /// <summary>A package declares the CLR type (Identity's <c>IdentityRole</c>).</summary>
    public EntityBuilder FromPackage(string package)
    {
        Entity.Package = package;
        return this;
    }

    private EntityBuilder AddIndex(IndexModel index)
    {
        Entity.Indexes.Add(index);
        return this;
    }
}
