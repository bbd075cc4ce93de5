using System.IO;
using System.Text.Json;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// The stable machine-readable shape documented in README.md:
    /// <c>{ "tool", "version", "contexts": [ { "name", "provider", "findings": [ { "ruleId", "severity", "entity", "member", "message", "file", "line", "fingerprint" } ],
    /// "skippedPackageEntityTypes": [ { "package", "entityTypes": [ ... ] } ] } ],
    /// "baseline": { "file", "baselined", "stale": [ { "ruleId", "context", "entity", "member", "hash" } ] } }</c>.
    /// Every key is always present; unknown values are null, and so is "baseline" when no baseline applies. With one, the
    /// findings are those it does not hold.
    /// </summary>
    internal static class JsonReport
    {
        public static void Write(AuditReportData report, Stream stream)
        {
            using var json = JsonOutput.Writer(stream);
            JsonOutput.StartDocument(json);
            json.WriteStartArray("contexts");
            foreach (var context in report.Contexts)
            {
                json.WriteStartObject();
                json.WriteString("name", context.Name);
                json.WriteString("provider", context.Provider);
                json.WriteStartArray("findings");
                foreach (var finding in report.Reported(context))
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.RuleId);
                    json.WriteString("severity", finding.Severity);
                    json.WriteString("entity", finding.Entity);
                    json.WriteString("member", finding.Member);
                    json.WriteString("message", finding.Message);
                    json.WriteString("file", finding.File is null ? null : report.DisplayPath(finding.File));
                    if (finding.Line is int line) json.WriteNumber("line", line);
                    else json.WriteNull("line");
                    json.WriteString("fingerprint", finding.Fingerprint);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("skippedPackageEntityTypes");
                foreach (var package in context.SkippedPackageEntityTypes)
                {
                    json.WriteStartObject();
                    json.WriteString("package", package.Package);
                    json.WriteStartArray("entityTypes");
                    foreach (var entityType in package.EntityTypes) json.WriteStringValue(entityType);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteBaseline(report, json);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }

        private static void WriteBaseline(AuditReportData report, Utf8JsonWriter json)
        {
            if (report.Baseline is not { } baseline)
            {
                json.WriteNull("baseline");
                return;
            }

            json.WriteStartObject("baseline");
            json.WriteString("file", report.DisplayPath(baseline.File));
            json.WriteNumber("baselined", baseline.BaselinedCount);
            json.WriteStartArray("stale");
            foreach (var entry in baseline.Stale)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", entry.RuleId);
                json.WriteString("context", entry.Context);
                json.WriteString("entity", entry.Entity);
                json.WriteString("member", entry.Member);
                json.WriteString("hash", entry.Hash);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
