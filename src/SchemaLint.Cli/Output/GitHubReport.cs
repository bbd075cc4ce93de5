using System.IO;
using System.Linq;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// GitHub Actions workflow commands: <c>::warning file=...,line=...,title=SLxxxx::message</c>, one line per finding not in the baseline
    /// (error and notice for the other severities), with paths relative to the directory schemalint ran in (the workspace in CI).
    /// </summary>
    internal static class GitHubReport
    {
        public static void Write(AuditReportData report, TextWriter writer)
        {
            foreach (var (_, finding) in report.ReportedFindings)
            {
                var command = AuditReportData.ParseSeverity(finding.Severity) switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    Severity.Suggestion => "notice",
                    _ => null,
                };
                if (command is null) continue; // silent findings are not shown to people

                var properties = new[]
                {
                    finding.File is null ? null : "file=" + EscapeProperty(report.DisplayPath(finding.File)),
                    finding.File is null || finding.Line is null ? null : "line=" + finding.Line,
                    finding.File is null || finding.Column is null ? null : "col=" + finding.Column,
                    "title=" + EscapeProperty(finding.RuleId),
                }.Where(p => p is not null);
                writer.WriteLine($"::{command} {string.Join(",", properties)}::{EscapeData(finding.Message)}");
            }
        }

        // The escapes the Actions runner decodes (actions/toolkit command.ts).
        private static string EscapeData(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        private static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
    }
}
