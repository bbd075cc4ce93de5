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
                var visible = context.Findings.Where(f => AuditReportData.ParseSeverity(f.Severity) >= Severity.Suggestion).ToList();
                var checkedAgainst = context.Database is null ? string.Empty : $"; checked against {context.Database}";
                var provider = context.ModelProvider is null ? context.Provider : $"{context.Provider} by schemalint.provider, model built for {context.ModelProvider}";
                writer.WriteLine(Paint($"{context.Name}", Bold) + Paint($" ({provider}, created by {context.CreatedBy}{checkedAgainst})", Dim));
                if (visible.Count == 0) writer.WriteLine("  no findings");
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

            writer.WriteLine(Summary(report.Contexts));
        }

        /// <summary>"Skipped 5 entity types owned by packages (...); set schemalint.include_package_entities = true to review them.", or null.</summary>
        private static string? SkippedPackages(ContextResult context) =>
            PackageEntityTypes.Sentence(context.SkippedPackageEntityTypes.Select(p => new PackageEntityTypes(p.Package, p.EntityTypes)).ToList());

        // A database finding on a table the model does not map has no entity: its table is what it is about.
        private static string Group(FindingResult finding) =>
            finding.Entity ?? (finding.Table is null ? "(code)" : "table " + finding.Table);

        public static string Summary(IReadOnlyList<ContextResult> contexts)
        {
            int Count(Severity severity) => contexts.Sum(c => c.Findings.Count(f => AuditReportData.ParseSeverity(f.Severity) == severity));
            string Plural(int count, string word) => $"{count} {word}{(count == 1 ? string.Empty : "s")}";
            return $"{Plural(Count(Severity.Error), "error")}, {Plural(Count(Severity.Warning), "warning")}, {Plural(Count(Severity.Suggestion), "suggestion")} in {Plural(contexts.Count, "context")}.";
        }

        private static string SeverityColour(Severity severity) => severity switch
        {
            Severity.Error => "\u001b[31m",
            Severity.Warning => "\u001b[33m",
            _ => "\u001b[36m",
        };
    }
}
