using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model
{
    public sealed class KeyModel
    {
        public KeyModel(IEnumerable<string> propertyNames, bool isPrimary)
        {
            PropertyNames = propertyNames?.ToArray() ?? throw new ArgumentNullException(nameof(propertyNames));
            if (PropertyNames.Count == 0) throw new ArgumentException("A key needs at least one property.", nameof(propertyNames));
            IsPrimary = isPrimary;
        }

        public IReadOnlyList<string> PropertyNames { get; }

        public bool IsPrimary { get; }

        public SourceLocation? Location { get; set; }
    }

    public sealed class IndexModel
    {
        public IndexModel(IEnumerable<string> propertyNames, bool isUnique = false)
        {
            PropertyNames = propertyNames?.ToArray() ?? throw new ArgumentNullException(nameof(propertyNames));
            if (PropertyNames.Count == 0) throw new ArgumentException("An index needs at least one property.", nameof(propertyNames));
            IsUnique = isUnique;
        }

        public IReadOnlyList<string> PropertyNames { get; }

        public bool IsUnique { get; }

        /// <summary>
        /// A plain index: the default access method, ascending keys, no included columns, operator classes or collations.
        /// Only a plain index can stand in for another on a prefix of its columns; a GIN index on the same columns cannot.
        /// </summary>
        public Fact<bool> IsPlain { get; set; }

        /// <summary>A partial index's filter; such an index covers only some rows.</summary>
        public string? Filter { get; set; }

        public string? Name { get; set; }

        public SourceLocation? Location { get; set; }
    }

    public sealed class CheckConstraintModel
    {
        public CheckConstraintModel(string name, string sql)
        {
            Name = name ?? string.Empty;
            Sql = sql ?? string.Empty;
        }

        public string Name { get; }

        public string Sql { get; }

        public SourceLocation? Location { get; set; }
    }

    /// <summary>A relationship, seen from its dependent side.</summary>
    public sealed class ForeignKeyModel
    {
        public ForeignKeyModel(IEnumerable<string> propertyNames, string principalEntityName, IEnumerable<string>? principalKeyPropertyNames = null)
        {
            PropertyNames = propertyNames?.ToArray() ?? throw new ArgumentNullException(nameof(propertyNames));
            if (PropertyNames.Count == 0) throw new ArgumentException("A foreign key needs at least one property.", nameof(propertyNames));
            if (string.IsNullOrEmpty(principalEntityName)) throw new ArgumentException("A foreign key needs a principal.", nameof(principalEntityName));
            PrincipalEntityName = principalEntityName;
            PrincipalKeyPropertyNames = principalKeyPropertyNames?.ToArray() ?? Array.Empty<string>();
        }

        /// <summary>Dependent properties, in order.</summary>
        public IReadOnlyList<string> PropertyNames { get; }

        public string PrincipalEntityName { get; }

        /// <summary>The principal key's properties, in order; empty when the front end could not tell.</summary>
        public IReadOnlyList<string> PrincipalKeyPropertyNames { get; }

        /// <summary>Whether the model makes the relationship required (FK columns NOT NULL).</summary>
        public Fact<bool> IsRequired { get; set; }

        /// <summary>What the code declared about requiredness (navigation annotation, <c>[Required]</c>, <c>IsRequired(...)</c>).</summary>
        public Fact<DeclaredRequiredness> DeclaredRequiredness { get; set; }

        public Fact<DeleteBehaviorKind> DeleteBehavior { get; set; }

        /// <summary>Whether the delete behavior was chosen in code (<c>OnDelete</c>, <c>[DeleteBehavior]</c>) rather than by convention.</summary>
        public Fact<bool> IsDeleteBehaviorExplicit { get; set; }

        public string? DependentNavigation { get; set; }

        /// <summary>
        /// How the dependent-to-principal navigation is annotated where it is declared (which may be a base class in another
        /// file); NotApplicable when there is no navigation. It speaks for a shadow foreign key, which has no declaration of its own.
        /// </summary>
        public Fact<ReferenceNullability> DependentNavigationNullability { get; set; }

        public string? PrincipalNavigation { get; set; }

        /// <summary>The relationship between an owner and its owned type.</summary>
        public bool IsOwnership { get; set; }

        /// <summary>One-to-one.</summary>
        public bool IsUnique { get; set; }

        /// <summary>The navigation or the <c>HasOne</c>/<c>HasMany</c> call that defines the relationship.</summary>
        public SourceLocation? Location { get; set; }

        /// <summary>
        /// The package that declares every part of the relationship (its foreign-key properties and navigations), or null
        /// when the application declares any of them; see <see cref="PackageOwnership.OfDeclaredParts"/>.
        /// </summary>
        public string? Package { get; set; }

        public string Describe() => $"({string.Join(", ", PropertyNames)}) -> {EntityTypeModel.ShortNameOf(PrincipalEntityName)}";
    }
}
