using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Engine;

namespace SchemaLint.Analyzers.Diagnostics
{
    /// <summary>Turns the engine's findings into Roslyn diagnostics with the same id and message the console command shows.</summary>
    internal static class FindingDiagnostics
    {
        /// <summary>Property keys every SchemaLint diagnostic carries besides the rule's own (<see cref="FindingProperties"/>).</summary>
        public const string EntityProperty = FingerprintProperties.Entity;
        public const string MemberProperty = FingerprintProperties.Member;

        /// <summary>
        /// The diagnostic of a finding seen in <paramref name="contexts"/> (one entry, null, for findings outside any context), or
        /// null when the baseline holds it for every one of them: a baselined finding is not reported at all.
        /// </summary>
        public static Diagnostic? Create(Finding finding, Location location, IReadOnlyList<string?> contexts, AnalyzerBaseline baseline)
        {
            var descriptor = SchemaLintDescriptors.Find(finding.RuleId);
            if (descriptor is null || baseline.Holds(finding, contexts)) return null;

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            foreach (var pair in finding.Properties) properties[pair.Key] = pair.Value;
            if (finding.EntityName is not null) properties[EntityProperty] = finding.EntityName;
            if (finding.MemberName is not null) properties[MemberProperty] = finding.MemberName;
            var fingerprint = FindingFingerprint.For(finding, contexts.Count == 0 ? null : contexts[0]);
            if (fingerprint.Context is not null) properties[FingerprintProperties.Context] = fingerprint.Context;
            properties[FingerprintProperties.Hash] = fingerprint.Hash;

            // The finding's severity is the rule's default unless the rule chose another for this case (SL1006 is an error on
            // SQL Server) or an option configured one; the compiler applies .editorconfig severities on top of what we report.
            var severity = SchemaLintDescriptors.ToDiagnosticSeverity(finding.Severity);
            return Diagnostic.Create(descriptor, location, severity, null, properties.ToImmutable(), finding.Message);
        }
    }
}
