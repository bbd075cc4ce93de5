using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SchemaLint.Cli.Hosting;
using SchemaLint.Cli.Output;
using SchemaLint.Cli.Protocol;
using SchemaLint.Cli.Targets;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Commands
{
    /// <summary><c>schemalint audit</c>: find the application's DbContexts the way dotnet ef does, audit each model, report.</summary>
    internal static class AuditCommand
    {
        public const string Description =
            "Audit the EF Core model of a built application. schemalint builds the project (unless --no-build), then loads the " +
            "application and RUNS ITS CODE, as 'dotnet ef' does: design-time factories, the host built by Main (stopped before it " +
            "serves), DbContext constructors and OnConfiguring. Audit only code you trust. No database connection is opened unless " +
            "--database or --database-env asks for the live-database check, which only reads: it compares the PostgreSQL schema " +
            "with the model (SL6001-SL6006) and changes nothing.";

        public static Command Create()
        {
            var path = new Argument<string>("path")
            {
                Description = "A built assembly (.dll), a .csproj, or a folder holding one .csproj.",
            };
            var context = new Option<string?>("--context") { Description = "Audit only this DbContext (simple or full type name); default: every context found." };
            var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
            var output = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout." };
            var failOn = new Option<string>("--fail-on")
            {
                Description = "Exit with 1 when a finding has this severity or a higher one.",
                DefaultValueFactory = _ => "warning",
            };
            failOn.AcceptOnlyFromAmong("error", "warning", "suggestion", "none");
            var config = new Option<string?>("--config") { Description = "An .editorconfig to read options and severities from; default: the .editorconfig files that apply to the project directory." };
            var noBuild = new Option<bool>("--no-build") { Description = "Do not build the project; audit its existing output." };
            var verbose = new Option<bool>("--verbose") { Description = "Show progress with the time of each phase, the application's console output, and stack traces of errors." };
            var configuration = new Option<string?>("--configuration", "-c") { Description = "Build the project in this configuration (as dotnet build -c); default: the project's own, usually Debug.", HelpName = "configuration" };
            var property = new Option<string[]>("--property", "-p")
            {
                Description = "Pass an MSBuild property to the build, as dotnet build -p:Name=Value does; may be repeated.",
                HelpName = "name=value",
                DefaultValueFactory = _ => Array.Empty<string>(),
            };
            var database = new Option<string?>("--database")
            {
                Description = "Also check the live database (read only): a PostgreSQL (Npgsql) or SQLite (Data Source=app.db) connection string. Other users of the machine can see it in the process list; prefer --database-env.",
                HelpName = "connection-string",
            };
            var databaseEnv = new Option<string?>("--database-env")
            {
                Description = "Like --database, with the connection string read from this environment variable.",
                HelpName = "variable",
            };
            var databaseTimeout = new Option<string?>("--database-timeout")
            {
                Description = $"Seconds that connecting to and reading the database may take; default {DatabaseCheck.DefaultTimeoutSeconds}.",
                HelpName = "seconds",
            };
            var timeout = new Option<string?>("--timeout")
            {
                Description = $"Seconds that each step running the application's code may take: its startup, and creating and building each context's model; default {StepLimit.DefaultSeconds}. A context that takes longer is reported and the others are still audited.",
                HelpName = "seconds",
            };

            var baseline = new Option<string?>("--baseline")
            {
                Description = $"Report only findings this baseline file does not hold, and list its entries that match nothing now; default: schemalint.baseline from .editorconfig, else the nearest {BaselineFile.DefaultFileName} in the project's folder or above.",
                HelpName = "file",
            };
            var writeBaseline = new Option<string?>("--write-baseline")
            {
                Description = $"Write today's findings to the baseline file (default: the baseline in effect, else {BaselineFile.DefaultFileName} beside the project), then report against it.",
                HelpName = "file",
                Arity = ArgumentArity.ZeroOrOne,
            };

            var command = new Command("audit", Description) { path, context, format, output, failOn, config, noBuild, configuration, property, timeout, database, databaseEnv, databaseTimeout, baseline, writeBaseline, verbose };
            command.SetAction(parse => Run(new AuditRequest(
                parse.GetRequiredValue(path),
                parse.GetValue(context),
                Enum.Parse<ReportFormat>(parse.GetValue(format)!, ignoreCase: true),
                parse.GetValue(output),
                parse.GetValue(failOn)!,
                parse.GetValue(config),
                parse.GetValue(noBuild),
                parse.GetValue(configuration),
                parse.GetValue(property) ?? Array.Empty<string>(),
                parse.GetValue(verbose),
                parse.GetValue(baseline),
                parse.GetResult(writeBaseline) is null ? null : new BaselineWrite(parse.GetValue(writeBaseline)),
                // Checked before anything is built: a mistyped option should not cost a build.
                StepLimit.FromOption(parse.GetValue(timeout)),
                DatabaseCheck.FromOptions(parse.GetValue(database), parse.GetValue(databaseEnv), parse.GetValue(databaseTimeout)))));
            return command;
        }

        private static int Run(AuditRequest request)
        {
            Action<string> log = request.Verbose ? line => Console.Error.WriteLine(line) : _ => { };

            // Every value is checked before the build starts: a mistyped option should cost neither a build nor a run.
            if (request.Path.Trim().Length == 0)
                throw InputError("The path to audit is empty; give a built assembly (.dll), a .csproj, or a folder holding one .csproj.");
            if (request.Context is not null && request.Context.Trim().Length == 0)
                throw InputError("--context was given an empty name; give the simple or full name of a DbContext, as in --context ShopContext, or drop it to audit every context.");
            string? configFile = null;
            if (request.Config is not null)
            {
                if (request.Config.Trim().Length == 0)
                    throw InputError("--config was given an empty path; give the path of an .editorconfig or drop --config.");
                configFile = FullPath(request.Config, "--config");
                if (!File.Exists(configFile))
                    throw InputError($"The configuration file '{request.Config}' does not exist; give the path of an .editorconfig or drop --config.");
            }

            if (request.Configuration is not null && request.Configuration.Trim().Length == 0)
                throw InputError("--configuration was given an empty name; give a build configuration, as in --configuration Release, or drop it.");
            foreach (var property in request.Properties)
            {
                var equals = property.IndexOf('=');
                if (equals <= 0 || property.Substring(0, equals).Trim().Length == 0)
                    throw InputError($"-p '{property}' is not a property; give it as -p:Name=Value.");
            }

            if (request.Output is not null) ReportFile.EnsureWritable(request.Output);
            var givenBaseline = request.Baseline is null ? null : AuditBaseline.Given(request.Baseline);
            var writeBaselineTo = request.WriteBaseline?.File is { } writeFile ? AuditBaseline.WriteTarget(writeFile) : null;
            FullPath(request.Path, "the path to audit");

            var progress = Progress.ForConsole(request.Verbose);
            var resolver = new TargetResolver(!request.NoBuild, log, progress.Phase, request.Configuration, request.Properties);
            var target = resolver.Resolve(request.Path);
            var options = configFile is null ? EditorConfigReader.ReadForDirectory(target.WorkingDirectory) : EditorConfigReader.ReadFile(configFile);
            foreach (var error in options.Errors) Console.Error.WriteLine($"schemalint: warning: {error}");

            log($"Auditing {target.AssemblyPath}...");
            // The inner host says "Loading" too once it runs; the same phase is one line.
            progress.Phase(InnerHostLauncher.DescribePhase(new HostPhase { Kind = HostPhaseKind.Loading }, Path.GetFileName(target.AssemblyPath)));
            var outcome = new InnerHostLauncher(request.Verbose, log, progress).Run(target, request.Context, configFile, request.Database, request.Timeout);
            progress.End();
            foreach (var note in outcome.Notes.Concat(outcome.Contexts.SelectMany(c => c.Notes.Select(n => $"{c.Name}: {n}")))) log(note);

            var baselinePath = givenBaseline ?? AuditBaseline.Locate(options, target.WorkingDirectory, warning => Console.Error.WriteLine($"schemalint: warning: {warning}"));
            var baseline = baselinePath is null ? null : new BaselineComparison(baselinePath, AuditBaseline.Load(baselinePath), outcome.Contexts, request.Database is not null);
            if (request.WriteBaseline is not null)
            {
                var file = writeBaselineTo ?? baselinePath ?? AuditBaseline.DefaultWriteTarget(options, target.WorkingDirectory);
                baseline = WriteBaseline(file, baseline, outcome, request.Database is not null, () => CollectAnalyzerFindings(resolver, target, progress));
            }

            // Every context that could be audited is reported, even when others could not be: a lost context is one sentence, not a lost report.
            var report = new AuditReportData(outcome.Contexts, Directory.GetCurrentDirectory(), baseline);
            if (outcome.Contexts.Count > 0) WriteReport(report, request);
            foreach (var failure in outcome.Failures)
            {
                Console.Error.WriteLine($"schemalint: {Sentences.OneLine(failure.Message)}");
                if (request.Verbose && !string.IsNullOrWhiteSpace(failure.Detail)) Console.Error.WriteLine(failure.Detail);
            }

            if (outcome.Failures.Count > 0)
                return outcome.Failures.Any(f => f.ExitCode == ExitCodes.LoadError) ? ExitCodes.LoadError : outcome.Failures[0].ExitCode;
            return ExitCode(report, request.FailOn);
        }

        internal static string FullPath(string path, string what)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw InputError($"'{path}' given as {what} is not a valid path ({Sentences.Quote(e.Message)}); give another.");
            }
        }

        private static CommandFailure InputError(string message) => new CommandFailure(ExitCodes.InputError, message);

        /// <summary>
        /// Writes today's findings as the baseline, keeping the entries of an existing file that this run could not judge (other
        /// contexts, source-only rules, database rules without --database); the report then compares with what was written.
        /// A run that lost a context writes nothing: its entries would vanish and its findings come back as new.
        /// </summary>
        private static BaselineComparison? WriteBaseline(string file, BaselineComparison? existing, AuditOutcome outcome, bool databaseChecked, Func<IReadOnlyList<FindingFingerprint>?> collectAnalyzerFindings)
        {
            if (outcome.Failures.Count > 0)
            {
                Console.Error.WriteLine($"schemalint: the baseline was not written: {outcome.Failures.Count} of the contexts could not be audited, and their accepted findings would be lost.");
                return existing;
            }

            var analyzerFindings = collectAnalyzerFindings();
            var current = outcome.Contexts.SelectMany(c => c.Findings.Select(f => BaselineComparison.Fingerprint(c, f)))
                .Concat(analyzerFindings ?? Array.Empty<FindingFingerprint>());
            var previous = existing?.Baseline ?? BaselineFile.Empty;
            var written = previous.Rewritten(current, entry => existing?.IsJudged(entry, analyzerFindings is not null) ?? true);
            AuditBaseline.Write(file, written);
            Console.Error.WriteLine($"schemalint: wrote {written.Entries.Count} baseline {(written.Entries.Count == 1 ? "entry" : "entries")} to {file}.");
            return new BaselineComparison(file, written, outcome.Contexts, databaseChecked);
        }

        /// <summary>
        /// The findings only the analyzers make (code the model does not show: SL3002, SL3003, SL5001, SL5002), from one more
        /// compile of the project with them; null when the audit built no project (a .dll, --no-build) or the compiler wrote no log.
        /// </summary>
        private static IReadOnlyList<FindingFingerprint>? CollectAnalyzerFindings(TargetResolver resolver, AuditTarget target, Progress progress)
        {
            if (target.ProjectPath is null)
            {
                Console.Error.WriteLine("schemalint: warning: the baseline holds the audit's findings only: findings only the analyzers make (SL3002, SL3003, SL5001, SL5002) need the project, built by the audit (give the .csproj, without --no-build).");
                return null;
            }

            var sarif = Path.Combine(Path.GetTempPath(), $"schemalint-analyzers-{Guid.NewGuid():N}.sarif");
            try
            {
                var log = resolver.CompileWithSchemaLintAnalyzers(target, sarif);
                progress.End();
                if (log is null)
                {
                    Console.Error.WriteLine("schemalint: warning: the baseline holds the audit's findings only: compiling the project with SchemaLint's analyzers wrote no SARIF log (run with --verbose to see the build).");
                    return null;
                }

                return AnalyzerFindingsLog.SourceOnlyFindings(log);
            }
            finally
            {
                File.Delete(sarif);
            }
        }

        private static void WriteReport(AuditReportData report, AuditRequest request)
        {
            // A signal that came after the host finished still means the user wants nothing more from this run.
            Interruption.ThrowIfRequested();
            Stream stream;
            try
            {
                stream = request.Output is null ? Console.OpenStandardOutput() : File.Create(request.Output);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CommandFailure(ExitCodes.InputError, $"Cannot write the report to '{request.Output}' ({Sentences.Quote(e.Message)}); choose another --output path.", e.ToString());
            }

            using (stream)
            {
                switch (request.Format)
                {
                    case ReportFormat.Json: JsonReport.Write(report, stream); break;
                    case ReportFormat.Sarif: SarifReport.Write(report, stream); break;
                    default:
                        using (var writer = new StreamWriter(stream, leaveOpen: true) { AutoFlush = true })
                        {
                            if (request.Format == ReportFormat.GitHub) GitHubReport.Write(report, writer);
                            else TextReport.Write(report, writer, colour: request.Output is null && UseColour());
                        }

                        break;
                }

                stream.Flush();
            }
        }

        private static bool UseColour() =>
            !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";

        private static int ExitCode(AuditReportData report, string failOn)
        {
            if (!SeverityNames.TryParse(failOn, out var threshold) || threshold == Severity.None) return ExitCodes.Clean;
            return report.ReportedFindings.Any(f => AuditReportData.ParseSeverity(f.Finding.Severity) >= threshold) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Clean;
        }

        private sealed record AuditRequest(string Path, string? Context, ReportFormat Format, string? Output, string FailOn, string? Config, bool NoBuild, string? Configuration, string[] Properties, bool Verbose, string? Baseline, BaselineWrite? WriteBaseline, TimeSpan Timeout, DatabaseCheck? Database);

        /// <summary>--write-baseline, with the file it names or none (then the baseline in effect, or one beside the project).</summary>
        private sealed record BaselineWrite(string? File);
    }
}
