using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Integrity
{
    public sealed class RedundantIndexRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.RedundantIndex,
            "Redundant index",
            "Index ({0}) on '{1}' is a leading prefix of {2}; it costs every write and serves no query the other cannot",
            RuleCategories.Integrity,
            Severity.Suggestion,
            "A plain (default method, no included columns), non-unique, unfiltered index whose columns are a leading prefix of another plain index or key on the same table.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var modelIndex = context.Index;
            if (!RuleFacts.IsKnownTable(entity) || !RuleFacts.IsComplete(modelIndex, entity, ModelCompleteness.Indexes | ModelCompleteness.Keys)) return;
            var allIndexes = modelIndex.AllIndexes(entity).ToList();
            var keys = modelIndex.AllKeys(entity).ToList();
            foreach (var index in entity.Indexes)
            {
                if (index.IsUnique || index.Filter is not null || !index.IsPlain.Is(true)) continue;
                var wider = Wider(index, allIndexes, keys);
                if (wider is null) continue;
                context.Report(entity, string.Join(",", index.PropertyNames), index.Location ?? entity.Location,
                    RuleFacts.Properties((FindingProperties.RedundantWith, wider)), null,
                    RuleFacts.Describe(index.PropertyNames), entity.ShortName, wider);
            }
        }

        private static string? Wider(IndexModel index, List<IndexModel> indexes, List<KeyModel> keys)
        {
            foreach (var key in keys)
            {
                if (RuleFacts.StartsWith(key.PropertyNames, index.PropertyNames))
                    return $"the {(key.IsPrimary ? "primary" : "alternate")} key ({RuleFacts.Describe(key.PropertyNames)})";
            }

            var position = indexes.IndexOf(index);
            for (var i = 0; i < indexes.Count; i++)
            {
                var other = indexes[i];
                if (ReferenceEquals(other, index) || other.Filter is not null || !other.IsPlain.Is(true) || !RuleFacts.StartsWith(other.PropertyNames, index.PropertyNames)) continue;

                // Two identical non-unique indexes: report only the later one.
                if (RuleFacts.SameColumns(other.PropertyNames, index.PropertyNames) && !other.IsUnique && i > position) continue;
                return $"index ({RuleFacts.Describe(other.PropertyNames)})";
            }

            return null;
        }
    }
}
