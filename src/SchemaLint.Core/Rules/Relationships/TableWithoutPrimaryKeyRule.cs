using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class TableWithoutPrimaryKeyRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.TableWithoutPrimaryKey,
            "Table without primary key",
            "'{0}' is keyless but mapped to table '{1}'; rows cannot be identified, updated or deleted one at a time, and duplicates go unnoticed",
            RuleCategories.Relationships,
            Severity.Warning,
            "A keyless entity type mapped to a table. Keyless types belong on views and SQL queries.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            if (!entity.IsKeyless.Is(true) || !RuleFacts.IsKnownTable(entity) || entity.IsOwned) return;
            context.Report(entity, null, entity.IsKeyless.Location ?? entity.Location, entity.ShortName, entity.TableName ?? entity.ShortName);
        }
    }
}
