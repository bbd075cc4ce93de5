using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.EntityFrameworkCore.Diagnostics
{
    /// <summary>
    /// Decides what becomes of each EF Core model warning: a warning that states the fact a catalog rule checks is that
    /// rule's business, so it is reported once, under the rule's id, by the rule; the rest become notes.
    /// </summary>
    /// <remarks>
    /// The rules read the same facts from the model that EF Core warns about (a shadow foreign key property is in the model
    /// as a shadow property of a foreign key), so reporting EF Core's warning beside the rule's finding would say the same
    /// thing twice under two names, and other front ends, which never see EF Core's warnings, would disagree with this one.
    /// A mapped warning the rule did not confirm (its finer conditions did not hold, or the user silenced the rule or
    /// excluded the entity) becomes a note, never a finding: the rule's verdict stands.
    /// </remarks>
    internal static class WarningReconciler
    {
        /// <summary>EF Core validation events (by short name) and the catalog rule that checks the same fact.</summary>
        public static readonly IReadOnlyDictionary<string, string> RuleForEvent = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // CoreEventId: "The foreign key property 'Post.UserId1' was created in shadow state because a conflicting property ... exists".
            ["ShadowForeignKeyPropertyCreated"] = RuleIds.ShadowForeignKey,

            // SqlServerEventId: "No store type was specified for the decimal property ...".
            ["DecimalTypeDefaultWarning"] = RuleIds.DecimalWithoutPrecision,
        };

        public static IReadOnlyList<string> Notes(IReadOnlyList<EfModelWarning> warnings, IReadOnlyList<Finding> findings, SchemaLintOptions options)
        {
            var notes = new List<string>();
            foreach (var warning in warnings)
            {
                if (!RuleForEvent.TryGetValue(warning.ShortEventName, out var ruleId))
                {
                    notes.Add(warning.ToString());
                    continue;
                }

                if (findings.Any(f => f.RuleId == ruleId && Concerns(f, warning))) continue;
                if (IsSilencedByOptions(ruleId, warning, options)) continue;
                notes.Add($"{warning} ({ruleId} checks this but found nothing to report.)");
            }

            return notes;
        }

        private static bool Concerns(Finding finding, EfModelWarning warning) =>
            warning.EntityName is null || string.Equals(finding.EntityName, warning.EntityName, StringComparison.Ordinal);

        private static bool IsSilencedByOptions(string ruleId, EfModelWarning warning, SchemaLintOptions options) =>
            (options.TryGetConfiguredSeverity(ruleId, out var severity) && severity == Severity.None)
            || options.IsExcludedEntityName(warning.EntityName);
    }
}
