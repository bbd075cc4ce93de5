using System;
using System.CommandLine;
using System.IO;
using System.Linq;
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
            {
                var notes = Notes(rule);
                writer.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToEditorConfigName(),-10}  {rule.Category,-13}  {rule.Title}{(notes.Length == 0 ? string.Empty : "  [" + notes + "]")}");
            }

            writer.WriteLine($"{RuleCatalog.Descriptors.Count} rules. [needs source]: analyzers only (build and IDE), not schemalint audit or the test API;");
            writer.WriteLine("[needs a database]: schemalint audit --database only; [needs migrations]: judges the migrations of the context;");
            writer.WriteLine("[audit only]: needs the model EF Core builds; [error on ...]: another default severity on that provider.");
            writer.WriteLine($"Every rule is described in rules.md: {RuleDescriptor.HelpLinkBase}");
        }

        /// <summary>Where the rule runs, when not everywhere, and the providers that change its default severity.</summary>
        internal static string Notes(RuleDescriptor rule)
        {
            var notes = new System.Collections.Generic.List<string>();
            if (rule.RequiresSource) notes.Add("needs source");
            if (rule.RequiresDatabase) notes.Add("needs a database");
            if (rule.RequiresMigrations) notes.Add("needs migrations");
            if (rule.RequiresBuiltModel) notes.Add("audit only");
            foreach (var pair in rule.SeverityByProvider.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
                notes.Add($"{pair.Value.ToEditorConfigName()} on {ProviderName(pair.Key)}");
            return string.Join("; ", notes);
        }

        private static string ProviderName(SchemaLint.Core.Model.DatabaseProvider provider) => provider switch
        {
            SchemaLint.Core.Model.DatabaseProvider.SqlServer => "SQL Server",
            SchemaLint.Core.Model.DatabaseProvider.PostgreSql => "PostgreSQL",
            SchemaLint.Core.Model.DatabaseProvider.Sqlite => "SQLite",
            SchemaLint.Core.Model.DatabaseProvider.MySql => "MySQL",
            _ => provider.ToString(),
        };

        private static void WriteJson(Stream stream)
        {
            using var json = JsonOutput.Writer(stream);
            JsonOutput.StartDocument(json);
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
                json.WriteBoolean("requiresDatabase", rule.RequiresDatabase);
                json.WriteStartObject("severityByProvider");
                foreach (var pair in rule.SeverityByProvider) json.WriteString(pair.Key.ToString(), pair.Value.ToEditorConfigName());
                json.WriteEndObject();
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
