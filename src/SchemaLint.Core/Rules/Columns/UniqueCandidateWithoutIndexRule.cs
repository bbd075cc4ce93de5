using System;
using System.Linq;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class UniqueCandidateWithoutIndexRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.UniqueCandidateWithoutIndex,
            "Unique candidate without a unique index",
            "'{0}.{1}' should be unique but no unique index or key covers it; two rows can claim the same value",
            RuleCategories.Columns,
            Severity.Warning,
            "Email, username, slug, sku and the like with no unique index or alternate key that includes them. A composite unique index (with a tenant id, say) counts.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var model = context.Model;
            foreach (var entity in context.Entities)
            {
                if (!RuleFacts.IsKnownTable(entity) || entity.IsOwned || !entity.IsKeyless.Is(false)) continue;
                if (!RuleFacts.IsComplete(model, entity, ModelCompleteness.Indexes | ModelCompleteness.Keys)) continue;
                foreach (var property in entity.Properties)
                {
                    if (!context.Options.UniqueNames.Matches(property.Name)) continue;
                    var covered = model.AllKeys(entity).Any(k => k.PropertyNames.Contains(property.Name, StringComparer.Ordinal))
                        || model.AllIndexes(entity).Any(i => i.IsUnique && i.PropertyNames.Contains(property.Name, StringComparer.Ordinal));
                    if (covered) continue;
                    context.Report(entity, property.Name, property.Location, entity.ShortName, property.Name);
                }
            }
        }
    }
}
