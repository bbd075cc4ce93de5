using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Output
{
    internal enum ReportFormat
    {
        Text,
        Json,
        Sarif,
        GitHub,
    }

    /// <summary>What every report format needs: the contexts audited, and where relative paths start.</summary>
    internal sealed class AuditReportData
    {
        public AuditReportData(IReadOnlyList<ContextResult> contexts, string baseDirectory, BaselineComparison? baseline = null)
        {
            Contexts = contexts;
            BaseDirectory = Path.GetFullPath(baseDirectory);
            Baseline = baseline;
        }

        /// <summary>The baseline the findings were compared with, or null when none applies.</summary>
        public BaselineComparison? Baseline { get; }

        public IReadOnlyList<ContextResult> Contexts { get; }

        public string BaseDirectory { get; }

        public static string ToolName => "schemalint";

        public static string ToolVersion
        {
            get
            {
                var informational = typeof(AuditReportData).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                return informational?.Split('+')[0] ?? typeof(AuditReportData).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            }
        }

        /// <summary>A path relative to the base directory (with forward slashes) when the file is under it, else the full path.</summary>
        public string DisplayPath(string file)
        {
            var full = Path.GetFullPath(file);
            var relative = Path.GetRelativePath(BaseDirectory, full);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return full.Replace('\\', '/');
            return relative.Replace('\\', '/');
        }

        public static Severity ParseSeverity(string name) => SeverityNames.TryParse(name, out var severity) ? severity : Severity.Warning;

        /// <summary>Every finding, baselined or not: SARIF carries them all, each with its baseline state.</summary>
        public IEnumerable<(ContextResult Context, FindingResult Finding)> AllFindings =>
            Contexts.SelectMany(c => c.Findings.Select(f => (c, f)));

        /// <summary>What the reports show and the exit code counts: the context's findings the baseline does not hold.</summary>
        public IReadOnlyList<FindingResult> Reported(ContextResult context) =>
            Baseline is null ? context.Findings : context.Findings.Where(f => !Baseline.IsBaselined(context, f)).ToList();

        public IEnumerable<(ContextResult Context, FindingResult Finding)> ReportedFindings =>
            Contexts.SelectMany(c => Reported(c).Select(f => (c, f)));
    }
}
