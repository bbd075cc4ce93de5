using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using SchemaLint.Cli.Output;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Commands
{
    /// <summary><c>schemalint rules</c>: the catalog, as people or scripts want it.</summary>
    internal static class RulesCommand
    {
        public static Command Create()
        {
            var format = new Option<string>("--format")
            {
                Description = "Output format: text or json.",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong("text", "json");

            var command = new Command("rules", "List every SchemaLint rule: id, default severity, category and title.") { format };
            command.SetAction(parse =>
            {
                if (parse.GetValue(format) == "json") WriteJson(Console.OpenStandardOutput());
                else WriteText(Console.Out);
                return ExitCodes.Clean;
            });
            return command;
        }

        private static void WriteText(TextWriter writer)
        {
            foreach (var rule in RuleCatalog.Descriptors)
                writer.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToEditorConfigName(),-10}  {rule.Category,-13}  {rule.Title}");
            writer.WriteLine($"{RuleCatalog.Descriptors.Count} rules; details: {RuleDescriptor.HelpLinkBase}");
        }

        private static void WriteJson(Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("tool", AuditReportData.ToolName);
            json.WriteString("version", AuditReportData.ToolVersion);
            json.WriteStartArray("rules");
            foreach (var rule in RuleCatalog.Descriptors)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("category", rule.Category);
                json.WriteString("defaultSeverity", rule.DefaultSeverity.ToEditorConfigName());
                json.WriteString("description", rule.Description);
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteBoolean("requiresSource", rule.RequiresSource);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            stream.Flush();
        }
    }
}
