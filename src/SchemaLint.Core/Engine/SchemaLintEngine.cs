using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Engine
{
    /// <summary>The one rule engine: every front end fills a <see cref="SchemaModel"/> and asks this for findings.</summary>
    public sealed class SchemaLintEngine
    {
        private readonly IReadOnlyList<SchemaRule> _rules;

        public SchemaLintEngine()
            : this(RuleCatalog.Rules)
        {
        }

        public SchemaLintEngine(IEnumerable<SchemaRule> rules)
        {
            _rules = rules?.ToArray() ?? throw new ArgumentNullException(nameof(rules));
        }

        public static SchemaLintEngine Default { get; } = new SchemaLintEngine();

        /// <summary>Runs every enabled rule; findings come back in a stable order (entity, location, rule id).</summary>
        public IReadOnlyList<Finding> Analyze(SchemaModel model, SchemaLintOptions? options = null) => AnalyzeByRule(model, options).All;

        /// <summary>As <see cref="Analyze"/>, keeping each rule's findings apart for <see cref="AnalyzeAgain"/> and <see cref="AnalyzeEdited"/>.</summary>
        public RuleFindings AnalyzeByRule(SchemaModel model, SchemaLintOptions? options = null)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            return Run(model, options ?? SchemaLintOptions.Default, null, null, null);
        }

        /// <summary>
        /// The findings of <paramref name="model"/>, which differs from the model of <paramref name="previous"/> only in facts
        /// that the rules <paramref name="affected"/> selects read (<see cref="RuleDescriptor.ReadsCodeFacts"/>, say): those
        /// rules run again, every other rule keeps its findings. The same findings as <see cref="AnalyzeByRule"/>, in the same
        /// order, for a fraction of the work when few rules read the facts that changed.
        /// </summary>
        public RuleFindings AnalyzeAgain(SchemaModel model, RuleFindings previous, Func<RuleDescriptor, bool> affected)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (previous is null) throw new ArgumentNullException(nameof(previous));
            if (affected is null) throw new ArgumentNullException(nameof(affected));
            if (!ReferenceEquals(previous.Engine, this)) throw new ArgumentException("The findings come from another engine.", nameof(previous));
            return Run(model, previous.Options, previous, affected, null);
        }

        /// <summary>
        /// The findings of <paramref name="model"/>, an edit of the model <paramref name="previous"/> was found in: the same
        /// findings as <see cref="AnalyzeByRule"/>, in the same order. An entity type that is the same object in both models
        /// is taken as unchanged (models are not changed once analysed); an <see cref="EntityRule"/> then keeps its findings
        /// about every entity type whose neighbourhood is unchanged and judges only the others, and a whole-model rule keeps
        /// all of its findings, as long as the rule reads the same of every changed entity type as before
        /// (<see cref="SchemaRule.FactsReadOf"/>); otherwise the rule runs again on the whole model. When the options, the
        /// model's own settings or its entity types' names differ, everything runs again.
        /// </summary>
        public RuleFindings AnalyzeEdited(SchemaModel model, RuleFindings previous, SchemaLintOptions? options = null)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (previous is null) throw new ArgumentNullException(nameof(previous));
            if (!ReferenceEquals(previous.Engine, this)) throw new ArgumentException("The findings come from another engine.", nameof(previous));
            options ??= SchemaLintOptions.Default;
            var edited = EditedNeighbourhoods.Between(previous, model, options);
            return Run(model, options, edited is null ? null : previous, null, edited);
        }

        private RuleFindings Run(SchemaModel model, SchemaLintOptions options, RuleFindings? previous, Func<RuleDescriptor, bool>? affected, EditedNeighbourhoods? edited)
        {
            var perRule = new List<Finding>?[_rules.Count];
            var entityRanges = new int[]?[_rules.Count];

            // After an edit most findings are the snapshot before's, already in order: only what this run found is sorted,
            // and merged into them (at 1,000 entity types, sorting every finding again was a tenth of the engine's time).
            var fresh = previous is null ? null : new List<Finding>();
            var dropped = previous is null ? null : new HashSet<Finding>(ReferenceComparer.Instance);

            // One index per run, shared by every rule: what one rule learns about an entity's hierarchy or a name, the next reuses.
            ModelIndex? index = null;
            bool[]? included = null;
            bool? sameEntityNames = null;
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                var before = previous?.PerRule[i];
                if (!Runs(rule.Descriptor, model, options))
                {
                    if (before is not null) dropped!.UnionWith(before);
                    continue;
                }

                if (affected is not null && !affected(rule.Descriptor))
                {
                    perRule[i] = previous!.PerRule[i];
                    sameEntityNames ??= previous.SameEntityNames(model);
                    entityRanges[i] = sameEntityNames.Value ? previous.EntityRanges[i] : null;
                    continue;
                }

                // Whether the rule reads beyond the neighbourhoods an edit changed anything it reads.
                var sameFactsRead = edited is not null && edited.SameFactsRead(rule);
                if (sameFactsRead && rule is not EntityRule && before is not null)
                {
                    perRule[i] = before;
                    continue;
                }

                index ??= edited?.Index ?? new ModelIndex(model);
                var findings = new List<Finding>();
                var context = new RuleContext(model, options, rule.Descriptor, findings, index);
                if (rule is EntityRule entityRule)
                {
                    included ??= Included(model, options, index);
                    var kept = sameFactsRead ? previous!.PerRule[i] : null;
                    var keptRanges = sameFactsRead ? previous!.EntityRanges[i] : null;
                    if (kept is null || keptRanges is null)
                    {
                        entityRanges[i] = JudgeEveryEntity(entityRule, context, model, included, findings);
                        Replaced(before, findings, fresh, dropped);
                    }
                    else
                    {
                        entityRanges[i] = JudgeEditedEntities(entityRule, context, model, included, findings, edited!, kept, keptRanges, fresh!, dropped!);
                    }
                }
                else
                {
                    rule.Analyze(context);
                    Replaced(before, findings, fresh, dropped);
                }

                perRule[i] = findings;
            }

            return new RuleFindings(this, model, options, perRule, entityRanges,
                previous is null ? InStableOrder(AllInRuleOrder(perRule)) : Merged(previous.All, dropped!, InStableOrder(fresh!)));
        }

        private static bool Runs(RuleDescriptor rule, SchemaModel model, SchemaLintOptions options)
        {
            if (options.EffectiveSeverity(rule) == Severity.None) return false;

            // Source-only rules have nothing to read when the front end saw no code.
            if (rule.RequiresSource && !model.Code.IsObserved) return false;
            if (rule.RequiresDatabase && model.LiveDatabase is null) return false;
            return !rule.RequiresMigrations || model.Migrations is not null;
        }

        /// <summary>A rule ran again on the whole model: all it found is new, and all it had found before is gone.</summary>
        private static void Replaced(List<Finding>? before, List<Finding> found, List<Finding>? fresh, HashSet<Finding>? dropped)
        {
            if (fresh is null || dropped is null) return;
            fresh.AddRange(found);
            if (before is not null) dropped.UnionWith(before);
        }

        /// <summary>In rule order, as one shared list would have had them: the stable sort then breaks ties the same way.</summary>
        private static List<Finding> AllInRuleOrder(List<Finding>?[] perRule)
        {
            var count = 0;
            foreach (var findings in perRule) count += findings?.Count ?? 0;
            var all = new List<Finding>(count);
            foreach (var findings in perRule)
            {
                if (findings is not null) all.AddRange(findings);
            }

            return all;
        }

        /// <summary>
        /// The snapshot before's findings in order, less those this run dropped, merged with what it found, sorted: the order
        /// <see cref="InStableOrder"/> gives all of them. A finding kept and one found again never tie on every key: they
        /// tie only within one rule and one entity type, and an entity rule keeps or judges again all of an entity type's
        /// findings, every other rule all of its own.
        /// </summary>
        private static List<Finding> Merged(IReadOnlyList<Finding> before, HashSet<Finding> dropped, List<Finding> found)
        {
            var merged = new List<Finding>(before.Count - Math.Min(dropped.Count, before.Count) + found.Count);
            var next = 0;
            foreach (var finding in before)
            {
                if (dropped.Contains(finding)) continue;
                while (next < found.Count && Compare(found[next], finding) < 0) merged.Add(found[next++]);
                merged.Add(finding);
            }

            while (next < found.Count) merged.Add(found[next++]);
            return merged;
        }

        /// <summary>The order of <see cref="SortKey.Compare"/> without its last key, comparing the strings themselves.</summary>
        private static int Compare(Finding a, Finding b)
        {
            var order = string.CompareOrdinal(a.EntityName ?? string.Empty, b.EntityName ?? string.Empty);
            if (order != 0) return order;
            order = string.CompareOrdinal(a.Location?.FilePath ?? string.Empty, b.Location?.FilePath ?? string.Empty);
            if (order != 0) return order;
            order = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
            if (order != 0) return order;
            order = (a.Location?.Column ?? 0).CompareTo(b.Location?.Column ?? 0);
            if (order != 0) return order;
            order = string.CompareOrdinal(a.RuleId, b.RuleId);
            return order != 0 ? order : string.CompareOrdinal(a.MemberName ?? string.Empty, b.MemberName ?? string.Empty);
        }

        /// <summary>Findings by identity: a finding kept from the snapshot before is the very object it reported.</summary>
        private sealed class ReferenceComparer : IEqualityComparer<Finding>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(Finding? x, Finding? y) => ReferenceEquals(x, y);

            public int GetHashCode(Finding obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        /// <summary>Which of the model's entity types (by position) the options leave to the rules.</summary>
        private static bool[] Included(SchemaModel model, SchemaLintOptions options, ModelIndex index)
        {
            var included = new bool[model.Entities.Count];
            var notExcluded = index.EntitiesNotExcluded(options);
            for (int i = 0, next = 0; i < included.Length && next < notExcluded.Count; i++)
            {
                if (!ReferenceEquals(model.Entities[i], notExcluded[next])) continue;
                included[i] = true;
                next++;
            }

            return included;
        }

        /// <summary>
        /// Judges every included entity type in model order, as <see cref="EntityRule.Analyze"/> does, and returns where each
        /// one's findings start: entity type <c>e</c>'s are <c>[ranges[e], ranges[e + 1])</c>.
        /// </summary>
        private static int[] JudgeEveryEntity(EntityRule rule, RuleContext context, SchemaModel model, bool[] included, List<Finding> findings)
        {
            var entities = model.Entities;
            var ranges = new int[entities.Count + 1];
            for (var e = 0; e < entities.Count; e++)
            {
                ranges[e] = findings.Count;
                if (included[e]) rule.AnalyzeEntity(context.Judging(entities[e]), entities[e]);
            }

            ranges[entities.Count] = findings.Count;
            return ranges;
        }

        /// <summary>
        /// As <see cref="JudgeEveryEntity"/>, taking the findings about an entity type whose neighbourhood the edit left alone
        /// from <paramref name="kept"/> (positions are the same: the edit kept every entity type's name and place).
        /// </summary>
        private static int[] JudgeEditedEntities(EntityRule rule, RuleContext context, SchemaModel model, bool[] included, List<Finding> findings,
            EditedNeighbourhoods edited, List<Finding> kept, int[] keptRanges, List<Finding> fresh, HashSet<Finding> dropped)
        {
            var entities = model.Entities;
            var ranges = new int[entities.Count + 1];
            for (var e = 0; e < entities.Count; e++)
            {
                ranges[e] = findings.Count;
                if (edited.IsEdited(e))
                {
                    if (included[e]) rule.AnalyzeEntity(context.Judging(entities[e]), entities[e]);
                    for (var f = ranges[e]; f < findings.Count; f++) fresh.Add(findings[f]);
                    for (var f = keptRanges[e]; f < keptRanges[e + 1]; f++) dropped.Add(kept[f]);
                    continue;
                }

                for (var f = keptRanges[e]; f < keptRanges[e + 1]; f++) findings.Add(kept[f]);
            }

            ranges[entities.Count] = findings.Count;
            return ranges;
        }

        /// <summary>
        /// Entity, file, line, column, rule id, member; findings equal on all of these keep the order they were reported in.
        /// Entity names and file paths are long and share long prefixes ("Shop.Model.", "/src/Shop/Model/"), so each distinct
        /// one is ranked once and the sort compares ranks: the same order as comparing the strings ordinally, for a fraction
        /// of the cost.
        /// </summary>
        private static List<Finding> InStableOrder(List<Finding> findings)
        {
            var entityRanks = OrdinalRanks(findings, f => f.EntityName ?? string.Empty);
            var fileRanks = OrdinalRanks(findings, f => f.Location?.FilePath ?? string.Empty);
            var keyed = new SortKey[findings.Count];
            for (var i = 0; i < keyed.Length; i++)
            {
                var finding = findings[i];
                keyed[i] = new SortKey(
                    finding, entityRanks[finding.EntityName ?? string.Empty], fileRanks[finding.Location?.FilePath ?? string.Empty], i);
            }

            Array.Sort(keyed, SortKey.Compare);
            var sorted = new List<Finding>(keyed.Length);
            foreach (var key in keyed) sorted.Add(key.Finding);
            return sorted;
        }

        /// <summary>Each distinct value's position among the distinct values in ordinal order.</summary>
        private static Dictionary<string, int> OrdinalRanks(List<Finding> findings, Func<Finding, string> value)
        {
            var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var finding in findings) ranks[value(finding)] = 0;
            var distinct = new List<string>(ranks.Keys);
            distinct.Sort(StringComparer.Ordinal);
            for (var i = 0; i < distinct.Count; i++) ranks[distinct[i]] = i;
            return ranks;
        }

        private readonly struct SortKey
        {
            public SortKey(Finding finding, int entityRank, int fileRank, int position)
            {
                Finding = finding;
                EntityRank = entityRank;
                FileRank = fileRank;
                Position = position;
            }

            public Finding Finding { get; }

            public int EntityRank { get; }

            public int FileRank { get; }

            /// <summary>Where the finding was reported: the last key, which makes the sort stable.</summary>
            public int Position { get; }

            public static int Compare(SortKey a, SortKey b)
            {
                var order = a.EntityRank.CompareTo(b.EntityRank);
                if (order != 0) return order;
                order = a.FileRank.CompareTo(b.FileRank);
                if (order != 0) return order;
                order = (a.Finding.Location?.Line ?? 0).CompareTo(b.Finding.Location?.Line ?? 0);
                if (order != 0) return order;
                order = (a.Finding.Location?.Column ?? 0).CompareTo(b.Finding.Location?.Column ?? 0);
                if (order != 0) return order;
                order = string.CompareOrdinal(a.Finding.RuleId, b.Finding.RuleId);
                if (order != 0) return order;
                order = string.CompareOrdinal(a.Finding.MemberName ?? string.Empty, b.Finding.MemberName ?? string.Empty);
                return order != 0 ? order : a.Position.CompareTo(b.Position);
            }
        }
    }
}
