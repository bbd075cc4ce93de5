using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Timestamps
{
    public sealed class MissingTimestampsRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.MissingTimestamps,
            "Table without created/updated timestamps",
            "Table of '{0}' has no {1} timestamp; nobody can tell when a row appeared or last changed",
            RuleCategories.Timestamps,
            Severity.Suggestion,
            "Every table wants created and updated timestamps, recognised by type, name and value generation. Append-only tables (entries, events, logs) need only a created one. Inherited and shadow properties count; join tables, owned types and keyless types are exempt.");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var index = context.Index;
            foreach (var table in Tables(index))
            {
                var owner = table.FirstOrDefault(e => !e.IsOwned && e.BaseTypeName is null) ?? table.FirstOrDefault(e => !e.IsOwned);
                if (owner is null || context.Options.IsExcluded(owner) || RuleFacts.IsExemptFromTableDemands(owner)) continue;
                if (table.Any(e => !RuleFacts.IsComplete(index, e, ModelCompleteness.Properties))) continue;

                // Every entity type stored in the table contributes columns: TPH siblings, table-split and owned types alike.
                var (hasCreated, hasUpdated) = Timestamps(index, context.Options, table);
                if (hasCreated && hasUpdated) continue;

                // A ledger entry, an event or a log row is written once: its created timestamp is the whole story.
                if (hasCreated && table.Any(e => !e.IsOwned && context.Index.Matches(context.Options.AppendOnlyNames, e.ShortName))) continue;

                var missing = !hasCreated && !hasUpdated ? "created,updated" : !hasCreated ? "created" : "updated";
                var words = missing == "created,updated" ? "created or updated" : missing;
                context.Report(owner, null, owner.Location, RuleFacts.Properties((FindingProperties.MissingTimestamps, missing)), null, owner.ShortName, words);
            }
        }

        /// <summary>Whether some column of the table is a created timestamp, and whether some is an updated one.</summary>
        private static (bool HasCreated, bool HasUpdated) Timestamps(ModelIndex index, SchemaLintOptions options, List<EntityTypeModel> table)
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

        /// <summary>Entity types grouped by the table they are stored in; a TPH hierarchy or table splitting is one table.</summary>
        private static IEnumerable<List<EntityTypeModel>> Tables(ModelIndex index)
        {
            var byTable = new Dictionary<string, List<EntityTypeModel>>(StringComparer.Ordinal);
            var order = new List<List<EntityTypeModel>>();
            foreach (var entity in index.Model.Entities)
            {
                if (!RuleFacts.IsKnownTable(entity)) continue;
                List<EntityTypeModel>? group;
                if (entity.TableName is null)
                {
                    // Without a table name, a TPH-derived type still lives in its root's table.
                    if (RuleFacts.IsTphDerived(index, entity)) continue;
                    group = new List<EntityTypeModel>();
                    order.Add(group);
                }
                else
                {
                    var key = (entity.Schema ?? string.Empty) + "." + entity.TableName;
                    if (!byTable.TryGetValue(key, out group))
                    {
                        byTable[key] = group = new List<EntityTypeModel>();
                        order.Add(group);
                    }
                }

                group.Add(entity);
            }

            // Without table names, a TPH root's group includes its derived types (indexed by root once: the rule stays linear).
            var derivedByRoot = new Dictionary<EntityTypeModel, List<EntityTypeModel>>();
            foreach (var entity in index.Model.Entities)
            {
                if (entity.TableName is not null || !RuleFacts.IsTphDerived(index, entity)) continue;
                var root = index.Root(entity);
                if (root == entity) continue;
                if (!derivedByRoot.TryGetValue(root, out var derived)) derivedByRoot[root] = derived = new List<EntityTypeModel>();
                derived.Add(entity);
            }

            foreach (var group in order.Where(g => g.Count == 1 && g[0].TableName is null))
            {
                if (derivedByRoot.TryGetValue(group[0], out var derived)) group.AddRange(derived);
            }

            return order;
        }
    }
}
