using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Targets
{
    /// <summary>
    /// Reads, from the compiler's SARIF log, the fingerprints of the findings only the analyzers can make (rules that need
    /// source code: SL3002, SL3003, SL5001, SL5002). The analyzers put each diagnostic's fingerprint, context, entity and
    /// member in its properties, which the compiler writes as the result's <c>properties.customProperties</c>.
    /// </summary>
    internal static class AnalyzerFindingsLog
    {
        public static IReadOnlyList<FindingFingerprint> SourceOnlyFindings(string sarifPath)
        {
            var fingerprints = new List<FindingFingerprint>();
            using var log = JsonDocument.Parse(File.ReadAllText(sarifPath));
            foreach (var run in Array(log.RootElement, "runs"))
            {
                foreach (var result in Array(run, "results"))
                {
                    if (!(Text(result, "ruleId") is { } ruleId) || RuleCatalog.Find(ruleId) is not { RequiresSource: true }) continue;

                    // A finding silenced in the code (#pragma, [SuppressMessage]) is no finding to accept.
                    if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0) continue;
                    if (!result.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("customProperties", out var custom)) continue;
                    if (!(Text(custom, FingerprintProperties.Hash) is { } hash)) continue;
                    fingerprints.Add(new FindingFingerprint(ruleId, Text(custom, FingerprintProperties.Context), Text(custom, FingerprintProperties.Entity), Text(custom, FingerprintProperties.Member), hash));
                }
            }

            return fingerprints;
        }

        private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
            element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : System.Array.Empty<JsonElement>();

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
