using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.EntityFrameworkCore
{
    /// <summary>
    /// Thrown by <see cref="SchemaAudit.Verify"/>: the model has findings at warning or above, or the options have problems; one
    /// line each in the message.
    /// </summary>
    public sealed class SchemaAuditException : Exception
    {
        public SchemaAuditException(string contextName, IReadOnlyList<Finding> findings, SchemaModel? model = null)
            : this(contextName, findings, model, Array.Empty<string>())
        {
        }

        public SchemaAuditException(string contextName, IReadOnlyList<Finding> findings, SchemaModel? model, IReadOnlyList<string> configurationErrors)
            : base(Describe(contextName, findings ?? throw new ArgumentNullException(nameof(findings)), model, configurationErrors ?? Array.Empty<string>()))
        {
            ContextName = contextName;
            Findings = findings;
            ConfigurationErrors = configurationErrors ?? Array.Empty<string>();
        }

        public string ContextName { get; }

        /// <summary>The findings that failed the verification.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Problems in the options (unknown keys, unreadable values), as SL0001 reports them in the build.</summary>
        public IReadOnlyList<string> ConfigurationErrors { get; }

        /// <summary>What both Verify methods do with their report: throw when it has findings at warning or above or configuration errors.</summary>
        internal static void ThrowIfFailing(AuditReport report)
        {
            var failing = report.FindingsAtOrAbove(Severity.Warning);
            if (failing.Count > 0 || report.ConfigurationErrors.Count > 0)
                throw new SchemaAuditException(report.ContextName, failing, report.Model, report.ConfigurationErrors);
        }

        /// <summary>One line: id, severity, entity.member, message and file:line when known.</summary>
        /// <param name="model">The model the finding came from, to name entities as messages do; optional.</param>
        public static string FormatLine(Finding finding, SchemaModel? model = null)
        {
            if (finding is null) throw new ArgumentNullException(nameof(finding));
            var subject = Subject(finding, model);
            var line = new StringBuilder()
                .Append(finding.RuleId).Append(' ').Append(finding.Severity.ToEditorConfigName()).Append(' ')
                .Append(subject).Append(": ").Append(finding.Message);
            if (finding.Location is not null) line.Append(" (").Append(Format(finding.Location)).Append(')');
            return line.ToString();
        }

        private static string Describe(string contextName, IReadOnlyList<Finding> findings, SchemaModel? model, IReadOnlyList<string> configurationErrors)
        {
            var builder = new StringBuilder();
            if (findings.Count > 0 || configurationErrors.Count == 0)
            {
                builder.Append(string.Format(CultureInfo.InvariantCulture, "SchemaLint found {0} problem{1} in the model of {2}:",
                    findings.Count, findings.Count == 1 ? string.Empty : "s", contextName));
                foreach (var finding in findings) builder.Append(Environment.NewLine).Append("  ").Append(FormatLine(finding, model));
            }

            if (configurationErrors.Count > 0)
            {
                if (builder.Length > 0) builder.Append(Environment.NewLine);
                builder.Append(string.Format(CultureInfo.InvariantCulture, "SchemaLint's configuration has {0} problem{1} (each option kept its default):",
                    configurationErrors.Count, configurationErrors.Count == 1 ? string.Empty : "s"));
                foreach (var error in configurationErrors) builder.Append(Environment.NewLine).Append("  SL0001 ").Append(error);
            }

            return builder.ToString();
        }

        private static string Subject(Finding finding, SchemaModel? model)
        {
            var entity = finding.EntityName is null ? null : model?.FindEntity(finding.EntityName)?.ShortName ?? SimpleName(finding.EntityName);
            if (entity is null) return finding.MemberName ?? "(model)";
            return finding.MemberName is null ? entity : entity + "." + finding.MemberName;
        }

        private static string SimpleName(string fullName)
        {
            var separator = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf('+'));
            return separator >= 0 ? fullName.Substring(separator + 1) : fullName;
        }

        private static string Format(SourceLocation location) =>
            location.FilePath + ":" + location.Line.ToString(CultureInfo.InvariantCulture);
    }
}
