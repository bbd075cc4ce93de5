using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Output
{
    /// <summary>For people: findings grouped by context and entity, and a summary line with counts per severity.</summary>
    internal static class TextReport
    {
        private const string Reset = "\u001b[0m";
        private const string Bold = "\u001b[1m";
        private const string Dim = "\u001b[2m";

        public static void Write(AuditReportData report, TextWriter writer, bool colour)
        {
            string Paint(string text, string code) => colour ? code + text + Reset : text;

            foreach (var context in report.Contexts)
            {
                var visible = report.Reported(context).Where(f => AuditReportData.ParseSeverity(f.Severity) >= Severity.Suggestion).ToList();
                var checkedAgainst = context.Database is null ? string.Empty : $"; checked against {context.Database}";
                var provider = context.ModelProvider is null ? context.Provider : $"{context.Provider} by schemalint.provider, model built for {context.ModelProvider}";
                writer.WriteLine(Paint($"{context.Name}", Bold) + Paint($" ({provider}, created by {context.CreatedBy}{checkedAgainst})", Dim));
                if (visible.Count == 0) writer.WriteLine(report.Baseline is null ? "  no findings" : "  no findings beyond the baseline");
                foreach (var entity in visible.GroupBy(Group))
                {
                    writer.WriteLine("  " + Paint(entity.Key, Bold));
                    foreach (var finding in entity)
                    {
                        var severity = AuditReportData.ParseSeverity(finding.Severity);
                        var where = finding.File is null ? string.Empty : $"{report.DisplayPath(finding.File)}{(finding.Line is null ? string.Empty : $"({finding.Line})")}: ";
                        writer.WriteLine($"    {where}{Paint(finding.Severity, SeverityColour(severity))} {finding.RuleId}: {finding.Message}");
                    }
                }

                if (SkippedPackages(context) is { } skipped) writer.WriteLine("  " + Paint(skipped, Dim));
            }

            writer.WriteLine(Summary(report));
            if (report.Baseline is { Stale.Count: > 0 } baseline)
            {
                var (entries, match, them) = baseline.Stale.Count == 1 ? ("1 entry", "matches", "it") : ($"{baseline.Stale.Count} entries", "match", "them");
                writer.WriteLine($"{entries} of the baseline {match} nothing now (fixed: remove {them} from {report.DisplayPath(baseline.File)}, or rewrite it with --write-baseline):");
                foreach (var entry in baseline.Stale)
                    writer.WriteLine($"  {entry.RuleId} {entry.Entity ?? "(no entity)"}{(entry.Member is null ? string.Empty : "." + entry.Member)} in {entry.Context ?? "(no context)"} ({entry.Hash})");
            }
        }

        /// <summary>"Skipped 5 entity types owned by packages (...); set schemalint.include_package_entities = true to review them.", or null.</summary>
        private static string? SkippedPackages(ContextResult context) =>
            PackageEntityTypes.Sentence(context.SkippedPackageEntityTypes.Select(p => new PackageEntityTypes(p.Package, p.EntityTypes)).ToList());

        // A database finding on a table the model does not map has no entity: its table is what it is about.
        private static string Group(FindingResult finding) =>
            finding.Entity ?? (finding.Table is null ? "(code)" : "table " + finding.Table);

        /// <summary>Counts of what is reported, per severity; with a baseline, how many findings it held back.</summary>
        private static string Summary(AuditReportData report)
        {
            var reported = report.ReportedFindings.Select(f => AuditReportData.ParseSeverity(f.Finding.Severity)).ToList();
            string Count(Severity severity, string word) => Plural(reported.Count(s => s == severity), word, word + "s");
            var counts = $"{Count(Severity.Error, "error")}, {Count(Severity.Warning, "warning")}, {Count(Severity.Suggestion, "suggestion")} in {Plural(report.Contexts.Count, "context", "contexts")}";
            return report.Baseline is null
                ? counts + "."
                : $"{counts}; {Plural(report.Baseline.BaselinedCount, "finding", "findings")} in the baseline {report.DisplayPath(report.Baseline.File)}.";
        }

        private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

        private static string SeverityColour(Severity severity) => severity switch
        {
            Severity.Error => "\u001b[31m",
            Severity.Warning => "\u001b[33m",
            _ => "\u001b[36m",
        };
    }
}
