using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class NullabilityMismatchRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.NullabilityMismatch,
            "CLR nullability and column nullability disagree",
            "'{0}.{1}' is declared {2} but configured {3}; the code and the database disagree about whether it can be null",
            RuleCategories.Columns,
            Severity.Warning,
            "A string? configured IsRequired(), or a non-nullable string under nullable reference types configured IsRequired(false).");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            foreach (var property in entity.Properties)
            {
                if (property.IsShadow || !property.ReferenceNullability.TryGet(out var annotation) || !property.DeclaredRequiredness.TryGet(out var declared)) continue;
                if (RuleFacts.IsForeignKeyProperty(index, entity, property.Name) || RuleFacts.IsKeyProperty(index, entity, property.Name)) continue;

                string? clr = null, configured = null;
                if (annotation == ReferenceNullability.Annotated && declared == DeclaredRequiredness.Required)
                {
                    clr = "nullable";
                    configured = "required";
                }
                else if (annotation == ReferenceNullability.NotAnnotated && declared == DeclaredRequiredness.Optional)
                {
                    clr = "non-nullable";
                    configured = "optional";
                }

                if (clr is null) continue;
                context.Report(entity, property.Name, property.DeclaredRequiredness.Location ?? property.Location, entity.ShortName, property.Name, clr, configured);
            }
        }
    }
}
