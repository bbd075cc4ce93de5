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
            foreach (var rule in _rules)
            {
                if (options.EffectiveSeverity(rule.Descriptor) == Severity.None) continue;

                // Source-only rules have nothing to read when the front end saw no code.
                if (rule.Descriptor.RequiresSource && !model.Code.IsObserved) continue;
                if (rule.Descriptor.RequiresDatabase && model.LiveDatabase is null) continue;
                if (rule.Descriptor.RequiresMigrations && model.Migrations is null) continue;
                rule.Analyze(new RuleContext(model, options, rule.Descriptor, findings));
            }

            return findings
                .OrderBy(f => f.EntityName ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(f => f.Location?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(f => f.Location?.Line ?? 0)
                .ThenBy(f => f.Location?.Column ?? 0)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.MemberName ?? string.Empty, StringComparer.Ordinal)
                .ToList();
        }
    }
}
