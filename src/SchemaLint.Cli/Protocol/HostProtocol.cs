using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaLint.Cli.Protocol
{
    // The inner host runs inside the application's own dependency graph and hands its result to the command through a
    // file: the application may print to stdout, so stdout cannot carry the result. This file is compiled into both.

    /// <summary>The command's exit codes (documented in README.md); the inner host uses the same ones.</summary>
    internal static class ExitCodes
    {
        public const int Clean = 0;
        public const int FindingsAtOrAboveThreshold = 1;
        public const int InputError = 2;
        public const int LoadError = 3;
    }

    /// <summary>Arguments the command passes to the inner host.</summary>
    internal static class HostArgumentNames
    {
        public const string Assembly = "--assembly";
        public const string Result = "--result";
        public const string Context = "--context";
        public const string ConfigFile = "--config-file";
        public const string ConfigDirectory = "--config-directory";

        /// <summary>Present only for the live-database check: its timeout in whole seconds.</summary>
        public const string DatabaseTimeoutSeconds = "--database-timeout-seconds";
    }

    /// <summary>
    /// The connection string travels to the inner host in its environment, never on its command line, where any user of the
    /// machine could read the password (ps, /proc/PID/cmdline); the host removes it before the application's code runs.
    /// </summary>
    internal static class HostEnvironmentNames
    {
        public const string DatabaseConnectionString = "SCHEMALINT_HOST_DATABASE_CONNECTION";
    }

    internal sealed class HostResult
    {
        public List<ContextResult> Contexts { get; set; } = new List<ContextResult>();

        /// <summary>How contexts were found and created, and what was skipped: shown with --verbose.</summary>
        public List<string> Notes { get; set; } = new List<string>();

        public HostFailure? Failure { get; set; }

        public static readonly JsonSerializerOptions SerializerOptions = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };

        public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, SerializerOptions));

        public static HostResult? ReadFrom(string path) =>
            File.Exists(path) && new FileInfo(path).Length > 0 ? JsonSerializer.Deserialize<HostResult>(File.ReadAllText(path), SerializerOptions) : null;
    }

    internal sealed class ContextResult
    {
        public string Name { get; set; } = string.Empty;

        public string FullName { get; set; } = string.Empty;

        public string Provider { get; set; } = string.Empty;

        /// <summary>Which of dotnet ef's creation paths produced the instance (design-time factory, application services, constructor).</summary>
        public string CreatedBy { get; set; } = string.Empty;

        /// <summary>The live database the context was checked against ("database 'shop', 3 tables"), or null without --database.</summary>
        public string? Database { get; set; }

        public List<FindingResult> Findings { get; set; } = new List<FindingResult>();

        public List<string> Notes { get; set; } = new List<string>();
    }

    internal sealed class FindingResult
    {
        public string RuleId { get; set; } = string.Empty;

        /// <summary>The effective severity as .editorconfig names it (error, warning, suggestion, silent).</summary>
        public string Severity { get; set; } = string.Empty;

        public string? Entity { get; set; }

        public string? Member { get; set; }

        public string Message { get; set; } = string.Empty;

        public string? File { get; set; }

        public int? Line { get; set; }

        public int? Column { get; set; }

        /// <summary>Database checks (SL6xxx): the schema-qualified table, its column(s), and the SQL that would mend it.</summary>
        public string? Table { get; set; }

        public string? TableColumn { get; set; }

        public string? FixSql { get; set; }
    }

    internal sealed class HostFailure
    {
        /// <summary>The command's exit code for this failure (2 input error, 3 load or creation failure).</summary>
        public int ExitCode { get; set; }

        /// <summary>One sentence: what is wrong and what to do.</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>The exception behind it, shown with --verbose only.</summary>
        public string? Detail { get; set; }
    }
}
