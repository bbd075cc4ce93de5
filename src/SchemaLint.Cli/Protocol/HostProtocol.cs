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

    /// <summary>Durations in sentences: "1 second", "30 seconds".</summary>
    internal static class DurationText
    {
        public static string Seconds(System.TimeSpan duration)
        {
            var seconds = (long)System.Math.Round(duration.TotalSeconds);
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }
    }

    /// <summary>Text from elsewhere (an exception's message) quoted inside one of our sentences: one line, no closing period.</summary>
    internal static class Sentences
    {
        public static string Quote(string text) =>
            string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');

        /// <summary>A sentence of ours on one line, whatever line breaks a quoted message brought into it.</summary>
        public static string OneLine(string text) => string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The files the .NET runtime keeps in the temp folder while a process runs (its debugger pipes and diagnostics socket,
    /// named after its process id). It removes them when the process exits, but not when the process is killed, as a hung
    /// host is: whoever kills one removes them.
    /// </summary>
    internal static class RuntimeFiles
    {
        public static void RemoveFor(int processId)
        {
            if (System.OperatingSystem.IsWindows()) return;
            try
            {
                var temp = Path.GetTempPath();
                foreach (var pattern in new[] { $"clr-debug-pipe-{processId}-*", $"dotnet-diagnostic-{processId}-*" })
                {
                    foreach (var file in Directory.EnumerateFiles(temp, pattern)) File.Delete(file);
                }
            }
            catch (System.Exception e) when (e is IOException || e is System.UnauthorizedAccessException)
            {
                // Left behind, they are harmless; a later process with the same id replaces them.
            }
        }
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

        /// <summary>Seconds each step may take: the application's startup, and creating and building each context.</summary>
        public const string TimeoutSeconds = "--timeout-seconds";

        /// <summary>Full names of contexts an earlier run of the host already finished or lost, separated by ';'.</summary>
        public const string SkipContexts = "--skip-contexts";

        /// <summary>The command's process id: the host ends itself when the command is gone, however the command ended.</summary>
        public const string ParentProcessId = "--parent-process-id";
    }

    /// <summary>
    /// The connection string travels to the inner host in its environment, never on its command line, where any user of the
    /// machine could read the password (ps, /proc/PID/cmdline); the host removes it before the application's code runs.
    /// </summary>
    internal static class HostEnvironmentNames
    {
        public const string DatabaseConnectionString = "SCHEMALINT_HOST_DATABASE_CONNECTION";
    }

    /// <summary>
    /// What the host has done so far. It rewrites the file at every step (whole, by rename), so when the application ends
    /// the process or hangs, the command still has every finished context and knows which step was under way.
    /// </summary>
    internal sealed class HostResult
    {
        public List<ContextResult> Contexts { get; set; } = new List<ContextResult>();

        /// <summary>Contexts that could not be audited, one sentence each; the others are still reported.</summary>
        public List<ContextFailure> ContextFailures { get; set; } = new List<ContextFailure>();

        /// <summary>Full names of the contexts this run set out to audit, in order.</summary>
        public List<string> Selected { get; set; } = new List<string>();

        /// <summary>How contexts were found and created, and what was skipped: shown with --verbose.</summary>
        public List<string> Notes { get; set; } = new List<string>();

        /// <summary>A failure that stops the whole audit (no context found, the application cannot be loaded).</summary>
        public HostFailure? Failure { get; set; }

        /// <summary>The step under way when the file was written.</summary>
        public HostPhase Phase { get; set; } = new HostPhase();

        /// <summary>Every step entered so far, in order: the launcher polls the file, and a step shorter than its poll must still be told.</summary>
        public List<HostPhase> Phases { get; set; } = new List<HostPhase>();

        /// <summary>True once the host has written its final result; anything else means the process ended early.</summary>
        public bool Completed { get; set; }

        /// <summary>Set when the application's code ended the process on its own (Environment.Exit, an exception on its thread).</summary>
        public HostInterruption? Interruption { get; set; }

        public static readonly JsonSerializerOptions SerializerOptions = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            Converters = { new JsonStringEnumConverter() },
        };

        /// <summary>The temporary file the host writes before renaming it over the result, so a reader never sees half a file.</summary>
        public static string PartialPath(string path) => path + ".partial";

        public void WriteTo(string path)
        {
            var partial = PartialPath(path);
            File.WriteAllText(partial, JsonSerializer.Serialize(this, SerializerOptions));
            File.Move(partial, path, overwrite: true);
        }

        public static HostResult? ReadFrom(string path) =>
            File.Exists(path) && new FileInfo(path).Length > 0 ? JsonSerializer.Deserialize<HostResult>(File.ReadAllText(path), SerializerOptions) : null;
    }

    internal enum HostPhaseKind
    {
        /// <summary>Loading the application's assembly and checking its EF Core.</summary>
        Loading,

        /// <summary>Running the application's startup code (BuildWebHost, CreateHostBuilder, or Main) for its services.</summary>
        Startup,

        CreatingContext,

        /// <summary>EF Core building the context's model (OnModelCreating, conventions), then the rules.</summary>
        BuildingModel,

        CheckingDatabase,
    }

    internal sealed class HostPhase
    {
        public HostPhaseKind Kind { get; set; }

        /// <summary>The context's simple name, for the steps that concern one context.</summary>
        public string? Context { get; set; }

        /// <summary>The context's full name, for the steps that concern one context.</summary>
        public string? ContextFullName { get; set; }
    }

    internal static class HostInterruptionCauses
    {
        public const string EnvironmentExit = "EnvironmentExit";
        public const string UnhandledException = "UnhandledException";
    }

    internal sealed class HostInterruption
    {
        /// <summary>One of <see cref="HostInterruptionCauses"/>.</summary>
        public string Cause { get; set; } = string.Empty;

        /// <summary>For an unhandled exception: its type and message.</summary>
        public string? ExceptionType { get; set; }

        public string? ExceptionMessage { get; set; }

        public string? Detail { get; set; }
    }

    internal sealed class ContextFailure
    {
        public string Name { get; set; } = string.Empty;

        public string FullName { get; set; } = string.Empty;

        /// <summary>One sentence: what went wrong with this context and what to do.</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>The exception behind it, shown with --verbose only.</summary>
        public string? Detail { get; set; }
    }

    internal sealed class ContextResult
    {
        public string Name { get; set; } = string.Empty;

        public string FullName { get; set; } = string.Empty;

        /// <summary>The provider the rules judged by: the model's, or schemalint.provider's when it overrides it.</summary>
        public string Provider { get; set; } = string.Empty;

        /// <summary>The provider the model was built for, when schemalint.provider overrides it; otherwise null.</summary>
        public string? ModelProvider { get; set; }

        /// <summary>Which of dotnet ef's creation paths produced the instance (design-time factory, application services, constructor).</summary>
        public string CreatedBy { get; set; } = string.Empty;

        /// <summary>The live database the context was checked against ("database 'shop', 3 tables"), or null without --database.</summary>
        public string? Database { get; set; }

        public List<FindingResult> Findings { get; set; } = new List<FindingResult>();

        public List<string> Notes { get; set; } = new List<string>();

        /// <summary>Entity types packages declare, by package, whose findings were not reported (schemalint.include_package_entities is off).</summary>
        public List<SkippedPackageResult> SkippedPackageEntityTypes { get; set; } = new List<SkippedPackageResult>();
    }

    internal sealed class SkippedPackageResult
    {
        public string Package { get; set; } = string.Empty;

        /// <summary>Short names of the package's entity types, in ordinal order.</summary>
        public List<string> EntityTypes { get; set; } = new List<string>();
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

        /// <summary>The hash of the finding's fingerprint (Core's FindingFingerprint, made where the finding is): rule, context, entity, member, subject.</summary>
        public string Fingerprint { get; set; } = string.Empty;
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
