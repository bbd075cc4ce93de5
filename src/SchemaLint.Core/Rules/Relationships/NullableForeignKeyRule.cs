using System.Linq;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class NullableForeignKeyRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.NullableForeignKey,
            "Nullable foreign key without declared intent, or against it",
            "Foreign key '{0}.{1}' to '{2}' is nullable {3}",
            RuleCategories.Relationships,
            Severity.Warning,
            "The foreign key admits null while the model says the relationship is required, or is an oblivious reference (or shadow) property where nothing says the relationship is optional; rows without a parent slip in. An int? or Guid? is declared intent in any nullable context.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            foreach (var foreignKey in entity.ForeignKeys)
            {
                var problem = Diagnose(context.Index, entity, foreignKey);
                if (problem is null) continue;
                var (nullable, reason) = problem.Value;
                context.Report(entity, nullable.Name, nullable.Location ?? foreignKey.Location,
                    entity.ShortName, nullable.Name, EntityTypeModel.ShortNameOf(foreignKey.PrincipalEntityName), reason);
            }
        }

        /// <summary>
        /// The nullable foreign-key property and why that is wrong, or null when the relationship is fine.
        /// SL1004 asks too: while it is open whether a relationship is optional at all, its delete behavior is a later question.
        /// </summary>
        internal static (PropertyModel Property, string Reason)? Diagnose(ModelIndex index, EntityTypeModel entity, ForeignKeyModel foreignKey)
        {
            if (foreignKey.IsOwnership) return null;
            var nullable = foreignKey.PropertyNames
                .Select(name => index.FindProperty(entity, name))
                .FirstOrDefault(p => p is not null && IsNullable(p));
            if (nullable is null) return null;

            if (foreignKey.DeclaredRequiredness.Is(DeclaredRequiredness.Required))
                return (nullable, "although the relationship is declared required");
            if (foreignKey.DeclaredRequiredness.Is(DeclaredRequiredness.Unspecified) && IsOblivious(entity, foreignKey, nullable) && foreignKey.IsRequired.Is(false))
                return (nullable, "and nothing declares the relationship optional (nullable reference types are off; use IsRequired(false) if it is)");
            return null;
        }

        // An oblivious string and a shadow property have no CLR nullability to read; their column's nullability is what counts.
        private static bool IsNullable(PropertyModel property) =>
            property.IsShadow || property.ReferenceNullability.Is(ReferenceNullability.Oblivious)
                ? property.IsColumnNullable.Is(true)
                : property.IsClrNullable.Is(true);

        // The declaration says nothing about intent: nullable reference types are off where it lives. That is the declaring
        // member's context, which for an inherited property may differ from the entity class's. An int? or Guid? says
        // "optional" in any context, so a nullable value type is never oblivious. A shadow FK has no declaration; the
        // navigation beside it speaks for it, or, when the front end could not tell, the entity's code.
        private static bool IsOblivious(EntityTypeModel entity, ForeignKeyModel foreignKey, PropertyModel property)
        {
            if (property.IsShadow)
            {
                if (foreignKey.DependentNavigationNullability.TryGet(out var navigation) && navigation != ReferenceNullability.NotApplicable)
                    return navigation == ReferenceNullability.Oblivious;
                return entity.NullableReferenceTypes.Is(false);
            }

            return !property.IsNullableValueType && property.ReferenceNullability.Is(ReferenceNullability.Oblivious);
        }
    }
}
