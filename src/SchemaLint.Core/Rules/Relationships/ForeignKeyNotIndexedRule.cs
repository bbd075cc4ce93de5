using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class ForeignKeyNotIndexedRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.ForeignKeyNotIndexed,
            "Foreign key not indexed",
            "Foreign key ({0}) of '{1}' to '{2}' is not covered by the leading columns of any index or key; joins and deletes of '{2}' rows scan the table",
            RuleCategories.Relationships,
            Severity.Warning,
            "No index or key starts with the foreign key's columns, in order, so every join from the principal and every delete of a principal row scans the dependent table.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            if (!RuleFacts.IsKnownTable(entity) || !RuleFacts.IsComplete(index, entity, ModelCompleteness.Indexes | ModelCompleteness.Keys)) return;
            foreach (var foreignKey in entity.ForeignKeys)
            {
                if (foreignKey.IsOwnership || RuleFacts.IsCoveredByLeadingColumns(index, entity, foreignKey.PropertyNames)) continue;
                context.Report(entity, foreignKey.DependentNavigation ?? foreignKey.PropertyNames[0], foreignKey.Location,
                    RuleFacts.Describe(foreignKey.PropertyNames), entity.ShortName, EntityTypeModel.ShortNameOf(foreignKey.PrincipalEntityName));
            }
        }
    }
}
