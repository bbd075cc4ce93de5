using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// How every JSON document the command writes (the json report, the rules list, SARIF) is laid out: indented, and with
    /// messages left readable (quotes and angle brackets unescaped), so the three never drift apart.
    /// </summary>
    internal static class JsonOutput
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static Utf8JsonWriter Writer(Stream stream) => new Utf8JsonWriter(stream, Options);

        /// <summary>Opens the document object with the "tool" and "version" keys SchemaLint's own formats start with.</summary>
        public static void StartDocument(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("tool", AuditReportData.ToolName);
            json.WriteString("version", AuditReportData.ToolVersion);
        }
    }
}
