using System.IO;
using System.Text.Json;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// The stable machine-readable shape documented in README.md:
    /// <c>{ "tool", "version", "contexts": [ { "name", "provider", "findings": [ { "ruleId", "severity", "entity", "member", "message", "file", "line" } ],
    /// "skippedPackageEntityTypes": [ { "package", "entityTypes": [ ... ] } ] } ] }</c>.
    /// Every key is always present; unknown values are null.
    /// </summary>
    internal static class JsonReport
    {
        public static void Write(AuditReportData report, Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("tool", AuditReportData.ToolName);
            json.WriteString("version", AuditReportData.ToolVersion);
            json.WriteStartArray("contexts");
            foreach (var context in report.Contexts)
            {
                json.WriteStartObject();
                json.WriteString("name", context.Name);
                json.WriteString("provider", context.Provider);
                json.WriteStartArray("findings");
                foreach (var finding in context.Findings)
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
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }
    }
}
