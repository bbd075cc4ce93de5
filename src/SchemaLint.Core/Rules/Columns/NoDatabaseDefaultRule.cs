using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class NoDatabaseDefaultRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.NoDatabaseDefault,
            "No database default",
            "'{0}.{1}' is a non-nullable {2} with no default in the database; inserts from anything but this code (scripts, other services, a new migration's backfill) fail or guess",
            RuleCategories.Columns,
            Severity.Suggestion,
            "A non-nullable flag, status or created-timestamp column whose default lives only in CLR code, or nowhere.")
        {
            ReadsCodeFacts = true,
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            var provider = context.Provider.ToString();
            if (!RuleFacts.IsKnownTable(entity) || RuleFacts.IsTphDerived(index, entity)) return;
            foreach (var property in entity.Properties)
            {
                if (!property.IsColumnNullable.Is(false) || !property.HasDatabaseDefault.Is(false)) continue;
                if (property.ValueGenerated.Is(ValueGeneration.OnAdd) || property.ValueGenerated.Is(ValueGeneration.OnAddOrUpdate) || !property.ValueGenerated.IsKnown) continue;
                if (RuleFacts.IsKeyProperty(index, entity, property.Name) || RuleFacts.IsForeignKeyProperty(index, entity, property.Name)) continue;

                var kind = Kind(context, property);
                if (kind is null) continue;
                context.Report(entity, property.Name, property.Location,
                    RuleFacts.Properties((FindingProperties.Provider, provider), (FindingProperties.ColumnKind, kind)), null,
                    entity.ShortName, property.Name, kind);
            }
        }

        private static string? Kind(RuleContext context, PropertyModel property)
        {
            if (property.IsBoolean) return "flag";
            if (context.Index.Matches(context.Options.StatusNames, property.Name) && (property.IsEnum || property.IsString || RuleFacts.IsNumeric(property))) return "status";

            // A created timestamp that nothing sets at all is SL3002's finding, not this one.
            if (property.IsDateTimeLike && context.Index.Matches(context.Options.CreatedNames, property.Name) && !property.IsAssignedByCode.Is(false)) return "created timestamp";
            return null;
        }
    }
}
