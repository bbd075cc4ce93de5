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
        public IReadOnlyList<Finding> Analyze(SchemaModel model, SchemaLintOptions? options = null)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            options ??= SchemaLintOptions.Default;
            var findings = new List<Finding>();

            // One index per run, shared by every rule: what one rule learns about an entity's hierarchy or a name, the next reuses.
            var index = new ModelIndex(model);
            foreach (var rule in _rules)
            {
                if (options.EffectiveSeverity(rule.Descriptor) == Severity.None) continue;

                // Source-only rules have nothing to read when the front end saw no code.
                if (rule.Descriptor.RequiresSource && !model.Code.IsObserved) continue;
                if (rule.Descriptor.RequiresDatabase && model.LiveDatabase is null) continue;
                if (rule.Descriptor.RequiresMigrations && model.Migrations is null) continue;
                rule.Analyze(new RuleContext(model, options, rule.Descriptor, findings, index));
            }

            return InStableOrder(findings);
        }

        /// <summary>
        /// Entity, file, line, column, rule id, member; findings equal on all of these keep the order they were reported in.
        /// One sort with one comparison, rather than a chain of key selectors that allocates a key array per level.
        /// </summary>
        private static List<Finding> InStableOrder(List<Finding> findings)
        {
            var positioned = new KeyValuePair<Finding, int>[findings.Count];
            for (var i = 0; i < positioned.Length; i++) positioned[i] = new KeyValuePair<Finding, int>(findings[i], i);
            Array.Sort(positioned, (a, b) =>
            {
                var order = Compare(a.Key, b.Key);
                return order != 0 ? order : a.Value.CompareTo(b.Value);
            });

            var sorted = new List<Finding>(positioned.Length);
            foreach (var pair in positioned) sorted.Add(pair.Key);
            return sorted;
        }

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
    }
}
