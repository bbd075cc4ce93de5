using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model
{
    public sealed class EntityTypeModel
    {
        public EntityTypeModel(string name, string? shortName = null)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("An entity type needs a name.", nameof(name));
            Name = name;
            ShortName = shortName ?? ShortNameOf(name);
        }

        /// <summary>The CLR type's full name, or the shared-type name of a property bag.</summary>
        public string Name { get; }

        /// <summary>The name users see in messages (the CLR type's simple name).</summary>
        public string ShortName { get; }

        public Fact<TableMappingKind> Mapping { get; set; }

        /// <summary>Table, view or function name, when <see cref="Mapping"/> names one.</summary>
        public string? TableName { get; set; }

        public string? Schema { get; set; }

        public Fact<bool> IsKeyless { get; set; } = Fact<bool>.Known(false);

        /// <summary>An owned type (<c>OwnsOne</c>, <c>OwnsMany</c>, <c>[Owned]</c>): its rows belong to the owner.</summary>
        public bool IsOwned { get; set; }

        /// <summary>The join entity of a many-to-many relationship.</summary>
        public bool IsJoinEntity { get; set; }

        /// <summary>A shared-type entity (<c>Dictionary&lt;string, object&gt;</c>) without a CLR type of its own.</summary>
        public bool IsPropertyBag { get; set; }

        public string? BaseTypeName { get; set; }

        public Fact<InheritanceStrategy> InheritanceStrategy { get; set; } = Fact<InheritanceStrategy>.Known(Model.InheritanceStrategy.None);

        /// <summary>Whether nullable reference types are enabled where the CLR type is declared.</summary>
        public Fact<bool> NullableReferenceTypes { get; set; }

        public SourceLocation? Location { get; set; }

        /// <summary>
        /// The package that declares the CLR type (its NuGet package id, or the framework's name), or null when the application
        /// declares it (or the front end could not tell). Findings on a package's entity type are not reported unless
        /// <c>schemalint.include_package_entities</c> is on (see <see cref="PackageOwnership"/>).
        /// </summary>
        public string? Package { get; set; }

        // Not readonly: WithPropertiesReplaced gives its copy a list of its own.
        private List<PropertyModel> _properties = new List<PropertyModel>();

        /// <summary>Properties declared on this type (inherited ones live on the base type).</summary>
        public List<PropertyModel> Properties => _properties;

        /// <summary>The primary key (<see cref="KeyModel.IsPrimary"/>) and alternate keys declared on this type.</summary>
        public List<KeyModel> Keys { get; } = new List<KeyModel>();

        /// <summary>Relationships in which this type is the dependent.</summary>
        public List<ForeignKeyModel> ForeignKeys { get; } = new List<ForeignKeyModel>();

        public List<IndexModel> Indexes { get; } = new List<IndexModel>();

        public List<CheckConstraintModel> CheckConstraints { get; } = new List<CheckConstraintModel>();

        /// <summary>
        /// Which of the collections above are known to be complete. A front end that saw code it could not follow
        /// clears the matching flag, and rules that reason about absence ("no index covers this") stay silent.
        /// </summary>
        public ModelCompleteness Completeness { get; set; } = ModelCompleteness.All;

        public KeyModel? PrimaryKey => Keys.FirstOrDefault(k => k.IsPrimary);

        public PropertyModel? FindDeclaredProperty(string name) =>
            Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

        public PropertyModel AddProperty(PropertyModel property)
        {
            Properties.Add(property ?? throw new ArgumentNullException(nameof(property)));
            return property;
        }

        public bool IsComplete(ModelCompleteness facts) => (Completeness & facts) == facts;

        /// <summary>
        /// A copy of this entity type whose properties are those of <paramref name="replacements"/> where it names them, in the
        /// same order; keys, foreign keys, indexes and every other fact are shared with this one, so both must stay frozen.
        /// </summary>
        public EntityTypeModel WithPropertiesReplaced(IReadOnlyDictionary<PropertyModel, PropertyModel> replacements)
        {
            if (replacements is null) throw new ArgumentNullException(nameof(replacements));
            var copy = (EntityTypeModel)MemberwiseClone();
            copy._properties = _properties.Select(p => replacements.TryGetValue(p, out var replacement) ? replacement : p).ToList();
            return copy;
        }

        public override string ToString() => Name;

        internal static string ShortNameOf(string name)
        {
            var generic = name.IndexOf('`');
            var plain = generic >= 0 ? name.Substring(0, generic) : name;
            var lastSeparator = Math.Max(plain.LastIndexOf('.'), plain.LastIndexOf('+'));
            return lastSeparator >= 0 ? plain.Substring(lastSeparator + 1) : plain;
        }
    }

    [Flags]
    public enum ModelCompleteness
    {
        None = 0,
        Properties = 1,
        Keys = 2,
        ForeignKeys = 4,
        Indexes = 8,
        CheckConstraints = 16,
        All = Properties | Keys | ForeignKeys | Indexes | CheckConstraints,
    }
}
