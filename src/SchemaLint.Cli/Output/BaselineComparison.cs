using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// The audit's findings against a baseline file: which ones it holds (not reported), and which of its entries this run
    /// could have matched but did not (stale: fixed since the file was written).
    /// </summary>
    internal sealed class BaselineComparison
    {
        private readonly HashSet<string> _auditedContexts;
        private readonly bool _databaseChecked;

        public BaselineComparison(string file, BaselineFile baseline, IReadOnlyList<ContextResult> contexts, bool databaseChecked)
        {
            File = file;
            Baseline = baseline;
            _databaseChecked = databaseChecked;
            _auditedContexts = new HashSet<string>(contexts.Select(c => FindingFingerprint.NormalizeContext(ContextName(c)) ?? string.Empty), StringComparer.Ordinal);
            var current = contexts.SelectMany(c => c.Findings.Select(f => Fingerprint(c, f))).ToList();
            BaselinedCount = current.Count(baseline.Contains);
            Stale = baseline.StaleEntries(current, entry => IsJudged(entry));
        }

        /// <summary>The baseline file's full path.</summary>
        public string File { get; }

        public BaselineFile Baseline { get; }

        public int BaselinedCount { get; }

        public IReadOnlyList<FindingFingerprint> Stale { get; }

        public static FindingFingerprint Fingerprint(ContextResult context, FindingResult finding) =>
            new FindingFingerprint(finding.RuleId, ContextName(context), finding.Entity, finding.Member, finding.Fingerprint);

        private static string ContextName(ContextResult context) => context.FullName.Length > 0 ? context.FullName : context.Name;

        public bool IsBaselined(ContextResult context, FindingResult finding) => Baseline.Contains(Fingerprint(context, finding));

        /// <summary>
        /// Whether this run could have produced the entry's finding: a context it audited, and a rule it ran. Rules that need
        /// source code are the analyzers' alone: judged only when their findings were collected from a compile
        /// (<paramref name="analyzerFindingsCollected"/>), else kept and never stale; database rules run with --database only.
        /// </summary>
        public bool IsJudged(FindingFingerprint entry, bool analyzerFindingsCollected = false)
        {
            if (!_auditedContexts.Contains(entry.Context ?? string.Empty)) return false;
            var rule = RuleCatalog.Find(entry.RuleId);
            if (rule is null) return false;
            if (rule.RequiresSource) return analyzerFindingsCollected;
            return !rule.RequiresDatabase || _databaseChecked;
        }
    }
}
