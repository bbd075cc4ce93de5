using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Timestamps
{
    public sealed class MissingTimestampsRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.MissingTimestamps,
            "Table without created/updated timestamps",
            "Table of '{0}' has no {1} timestamp; nobody can tell when a row appeared or last changed",
            RuleCategories.Timestamps,
            Severity.Suggestion,
            "Every table wants created and updated timestamps, recognised by type, name and value generation. Append-only tables (entries, events, logs) need only a created one. Inherited and shadow properties count; join tables, owned types and keyless types are exempt.");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>A table is judged once, as its owner: the first entity type stored in it that is neither owned nor derived.</summary>
        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            var table = index.TableOf(entity);
            if (table is null) return;
            var owner = table.FirstOrDefault(e => !e.IsOwned && e.BaseTypeName is null) ?? table.FirstOrDefault(e => !e.IsOwned);
            if (!ReferenceEquals(owner, entity) || RuleFacts.IsExemptFromTableDemands(owner)) return;
            if (table.Any(e => !RuleFacts.IsComplete(index, e, ModelCompleteness.Properties))) return;

            // Every entity type stored in the table contributes columns: TPH siblings, table-split and owned types alike.
            var (hasCreated, hasUpdated) = Timestamps(index, context.Options, table);
            if (hasCreated && hasUpdated) return;

            // A ledger entry, an event or a log row is written once: its created timestamp is the whole story.
            if (hasCreated && table.Any(e => !e.IsOwned && context.Index.Matches(context.Options.AppendOnlyNames, e.ShortName))) return;

            var missing = !hasCreated && !hasUpdated ? "created,updated" : !hasCreated ? "created" : "updated";
            var words = missing == "created,updated" ? "created or updated" : missing;
            context.Report(owner, null, owner.Location, RuleFacts.Properties((FindingProperties.MissingTimestamps, missing)), null, owner.ShortName, words);
        }

        private static (bool HasCreated, bool HasUpdated) Timestamps(ModelIndex index, SchemaLintOptions options, IReadOnlyList<EntityTypeModel> table)
        {
            bool hasCreated = false, hasUpdated = false;
            foreach (var entity in table)
            {
                foreach (var property in index.AllProperties(entity))
                {
                    var role = TimestampRoles.Of(property, options, index);
                    hasCreated |= role == TimestampRole.Created;
                    hasUpdated |= role == TimestampRole.Updated;

                    // Both found: the other columns cannot change the answer.
                    if (hasCreated && hasUpdated) return (true, true);
                }
            }

            return (hasCreated, hasUpdated);
        }
    }
}
