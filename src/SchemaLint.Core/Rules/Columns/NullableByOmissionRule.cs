using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class NullableByOmissionRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.NullableByOmission,
            "Column nullable by omission",
            "'{0}.{1}' is nullable only because nothing says otherwise (nullable reference types are off); mark it [Required] or IsRequired() if every row needs one",
            RuleCategories.Columns,
            Severity.Warning,
            "In nullable-oblivious code every string column is nullable unless configured; a required-looking string (name, email, title, ...) left so accepts rows without it.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;

            // A TPH-derived column is nullable by design: [Required] would not make it NOT NULL.
            if (RuleFacts.IsTphDerived(index, entity)) return;
            foreach (var property in entity.Properties)
            {
                if (!property.IsString || property.IsShadow || !property.ReferenceNullability.Is(ReferenceNullability.Oblivious)) continue;
                if (!property.DeclaredRequiredness.Is(DeclaredRequiredness.Unspecified) || !property.IsColumnNullable.Is(true)) continue;
                if (!index.Matches(context.Options.RequiredNames, property.Name)) continue;
                if (RuleFacts.IsForeignKeyProperty(index, entity, property.Name)) continue;
                context.Report(entity, property.Name, property.Location, entity.ShortName, property.Name);
            }
        }
    }
}
