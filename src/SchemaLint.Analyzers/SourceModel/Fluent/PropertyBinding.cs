using System.Linq;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary><c>PropertyBuilder&lt;T&gt;</c>: column facts.</summary>
    internal sealed class PropertyBinding : Binding
    {
        private readonly PropertyDraft _property;

        public PropertyBinding(PropertyDraft property)
        {
            _property = property;
        }

        public override void Taint() => _property.IsOpaque = true;

        public override bool SelectsOnly => true;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            var location = step.Location;
            switch (step.Name)
            {
                case "HasMaxLength":
                {
                    var length = step.Int(0);
                    if (length is null) return null;
                    _property.MaxLength = new Configured<int?>(length, location);
                    return this;
                }

                case "IsRequired":
                {
                    var required = step.Arguments.Count == 0 ? true : step.Bool(0);
                    if (required is null) return null;
                    _property.Required = new Configured<bool>(required.Value, location);
                    return this;
                }

                case "HasPrecision":
                {
                    var precision = step.Int(0);
                    var scale = step.Arguments.Count > 1 ? step.Int(1) : null;
                    if (precision is null || (step.Arguments.Count > 1 && scale is null)) return null;
                    _property.Precision = new Configured<(int?, int?)>((precision, scale), location);
                    return this;
                }

                case "HasColumnType":
                {
                    var type = step.String(0);
                    if (type is null) return null;
                    _property.StoreType = new Configured<string?>(type, location);
                    return this;
                }

                case "HasDefaultValue":
                    _property.HasDefaultValue = new Configured<bool>(true, location);
                    return this;
                case "HasDefaultValueSql":
                {
                    if (step.Arguments.Count == 0) return null;
                    var sql = step.String(0);
                    if (sql is null && !Arguments.IsNullLiteral(step.Argument(0))) return null;
                    _property.DefaultValueSql = new Configured<string?>(sql, location);
                    return this;
                }

                case "HasComputedColumnSql":
                {
                    if (step.Arguments.Count == 0) return null;
                    var sql = step.String(0);
                    if (sql is null) return null;
                    _property.ComputedColumnSql = new Configured<string?>(sql, location);
                    return this;
                }

                case "ValueGeneratedOnAdd":
                    _property.ValueGenerated = new Configured<ValueGeneration>(ValueGeneration.OnAdd, location);
                    return this;
                case "ValueGeneratedNever":
                    _property.ValueGenerated = new Configured<ValueGeneration>(ValueGeneration.Never, location);
                    return this;
                case "ValueGeneratedOnUpdate":
                    _property.ValueGenerated = new Configured<ValueGeneration>(ValueGeneration.OnUpdate, location);
                    return this;
                case "ValueGeneratedOnAddOrUpdate":
                case "IsRowVersion":
                    _property.ValueGenerated = new Configured<ValueGeneration>(ValueGeneration.OnAddOrUpdate, location);
                    return this;
                case "UseIdentityByDefaultColumn":
                case "UseIdentityAlwaysColumn":
                case "UseIdentityColumn":
                case "UseSerialColumn":
                case "UseHiLo":
                case "UseSequence":
                    _property.ValueGenerated ??= new Configured<ValueGeneration>(ValueGeneration.OnAdd, location);
                    return this;
                case "HasColumnName":
                {
                    var name = step.String(0);
                    if (name is null) return null;
                    _property.ColumnName = name;
                    return this;
                }

                case "IsUnicode":
                case "IsFixedLength":
                case "HasAnnotation":
                case "HasColumnOrder":
                case "IsSparse":
                case "HasSrid":
                case "HasComment":
                case "HasConversion":
                case "IsConcurrencyToken":
                case "HasField":
                case "UsePropertyAccessMode":
                case "HasSentinel":
                case "UseCollation":
                case "HasJsonPropertyName":
                case "HasPostgresArrayConversion":
                case "ElementType":
                    return this;
                default:
                    return null;
            }
        }
    }

    /// <summary><c>KeyBuilder</c>: names and annotations only.</summary>
    internal sealed class KeyBinding : Binding
    {
        private readonly EntityDraft _entity;

        public KeyBinding(EntityDraft entity)
        {
            _entity = entity;
        }

        public override void Taint() => _entity.Unknown |= ModelCompleteness.Keys;

        public override Binding? Apply(ChainStep step) => step.IsCall && (step.Name == "HasName" || step.Name == "IsClustered") ? this : null;
    }

    /// <summary><c>IndexBuilder</c>: uniqueness, filter and name.</summary>
    internal sealed class IndexBinding : Binding
    {
        private readonly EntityDraft _entity;
        private readonly IndexDraft _index;

        public IndexBinding(EntityDraft entity, IndexDraft index)
        {
            _entity = entity;
            _index = index;
        }

        public override void Taint() => _entity.Unknown |= ModelCompleteness.Indexes;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            switch (step.Name)
            {
                case "IsUnique":
                {
                    var unique = step.Arguments.Count == 0 ? true : step.Bool(0);
                    if (unique is null) return null;
                    _index.IsUnique = unique.Value;
                    _index.IsUniqueConfigured = true;
                    return this;
                }

                case "HasFilter":
                {
                    var filter = step.String(0);
                    if (filter is null && !Arguments.IsNullLiteral(step.Argument(0))) return null;
                    _index.Filter = filter;
                    return this;
                }

                case "HasDatabaseName":
                case "HasName":
                    _index.Name = step.String(0);
                    return this;
                case "IncludeProperties":
                case "IsDescending":
                case "HasMethod":
                case "HasOperators":
                case "IsTsVectorExpressionIndex":
                case "HasSortOrder":
                case "HasNullSortOrder":
                case "UseCollation":
                case "IsClustered":
                    _index.HasOptions = true;
                    return this;
                case "IsCreatedConcurrently":
                case "AreNullsDistinct":
                case "HasFillFactor":
                    return this;
                default:
                    return null;
            }
        }
    }

    /// <summary>The table builder of <c>ToTable(..., t =&gt; ...)</c>: check constraints.</summary>
    internal sealed class TableBinding : Binding
    {
        private readonly EntityDraft _entity;

        public TableBinding(EntityDraft entity)
        {
            _entity = entity;
        }

        public override void Taint() => _entity.Unknown |= ModelCompleteness.CheckConstraints;

        public override bool SelectsOnly => true;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            switch (step.Name)
            {
                case "HasCheckConstraint":
                    return AddCheckConstraint(_entity, step) ? InertBinding.Instance : null;
                case "HasComment":
                case "HasTrigger":
                case "ExcludeFromMigrations":
                case "IsTemporal":
                    return this;
                default:
                    return null;
            }
        }

        /// <summary><c>HasCheckConstraint("CK_Name", "sql")</c> on the table builder or (obsolete) on the entity builder.</summary>
        public static bool AddCheckConstraint(EntityDraft entity, ChainStep step)
        {
            if (step.Arguments.Count < 2) return false;
            var name = step.String(0);
            var sql = step.String(1);
            if (name is null || sql is null) return false;
            entity.CheckConstraints.Add(new CheckConstraintModel(name, sql) { Location = step.Location });
            return true;
        }
    }

    /// <summary><c>WithOwner()</c> on an owned builder: naming the foreign key is read; any other call changes keys this reader does not model.</summary>
    internal sealed class OwnershipBinding : Binding
    {
        private readonly EntityDraft _owned;

        public OwnershipBinding(EntityDraft owned)
        {
            _owned = owned;
        }

        public override void Taint() => _owned.MakeOpaque();

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall || step.Name != "HasForeignKey" || step.TypeArguments.Count != 0) return null;
            var names = Arguments.MemberNames(step.Arguments);
            if (names is null) return null;
            _owned.OwnershipForeignKeyNames = names;
            return this;
        }
    }

    /// <summary><c>Navigation(e =&gt; e.X)</c>: loading options are harmless; requiredness changes relationships.</summary>
    internal sealed class NavigationBinding : Binding
    {
        private readonly FluentReader _reader;
        private readonly EntityDraft _entity;

        public NavigationBinding(FluentReader reader, EntityDraft entity, string navigation)
        {
            _reader = reader;
            _entity = entity;
            Navigation = navigation;
        }

        public string Navigation { get; }

        public override void Taint() => _entity.MakeOpaque();

        public override bool SelectsOnly => true;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            if (step.Name is "AutoInclude" or "UsePropertyAccessMode" or "HasField" or "EnableLazyLoading") return this;

            // A required owned navigation changes what the owned type's columns allow: only that owned type becomes unknown.
            if (step.Name == "IsRequired" && _reader.Model.OwnedThrough(_entity, Navigation) is { } owned)
            {
                owned.MakeOpaque();
                return this;
            }

            return null;
        }
    }
}
