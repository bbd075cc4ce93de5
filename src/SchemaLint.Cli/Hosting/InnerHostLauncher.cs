using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SchemaLint.Cli.Commands;
using SchemaLint.Cli.Protocol;
using SchemaLint.Cli.Targets;

namespace SchemaLint.Cli.Hosting
{
    /// <summary>
    /// Runs the inner host inside the application's own dependency graph, as dotnet ef does: <c>dotnet exec</c> with the
    /// application's .deps.json and .runtimeconfig.json, so the application's EF Core and provider load, not ours.
    /// </summary>
    /// <remarks>
    /// The host gives up on a step that outlasts the time limit and goes on. When the application ends the process itself
    /// (Environment.Exit, a stack overflow, an exception on a thread of its own), the result file still holds every context
    /// finished so far and names the step under way; that context is reported as lost, in one sentence saying why, and the
    /// host runs again for the contexts that remain.
    /// </remarks>
    internal sealed class InnerHostLauncher
    {
        public const string HostFolder = "host";
        public const string HostAssemblyName = "SchemaLint.Cli.Host";
        private const string StackOverflowLine = "Stack overflow.";

        /// <summary>Beyond the longest step: a host silent for longer is stuck where it cannot give up by itself.</summary>
        private static readonly TimeSpan SilenceAllowance = TimeSpan.FromSeconds(30);

        /// <summary>How long a host that wrote its final result may take to exit before it is ended (its result is kept).</summary>
        private static readonly TimeSpan ExitAllowance = TimeSpan.FromSeconds(5);

        private readonly bool _verbose;
        private readonly Action<string> _log;
        private readonly Output.Progress? _progress;

        public InnerHostLauncher(bool verbose, Action<string> log, Output.Progress? progress = null)
        {
            _verbose = verbose;
            _log = log;
            _progress = progress;
        }

        /// <summary>What the progress line says while the host is at this step.</summary>
        internal static string DescribePhase(HostPhase phase, string assemblyName) => phase.Kind switch
        {
            HostPhaseKind.Loading => $"Loading {assemblyName}...",
            HostPhaseKind.Startup => "Running the application's startup code for its services...",
            HostPhaseKind.CreatingContext => $"Creating {phase.Context}...",
            HostPhaseKind.BuildingModel => $"Reading the model of {phase.Context}...",
            HostPhaseKind.CheckingDatabase => $"Checking the database of {phase.Context}...",
            _ => $"Auditing {assemblyName}...",
        };

        public AuditOutcome Run(AuditTarget target, string? contextName, string? configFile, DatabaseCheck? database, TimeSpan stepLimit)
        {
            var hostDirectory = Path.Combine(AppContext.BaseDirectory, HostFolder);
            var hostAssembly = Path.Combine(hostDirectory, HostAssemblyName + ".dll");
            if (!File.Exists(hostAssembly))
                throw new CommandFailure(ExitCodes.LoadError, $"schemalint's inner host is missing ('{hostAssembly}'); reinstall the schemalint tool.");

            var assemblyName = Path.GetFileName(target.AssemblyPath);
            var outcome = new AuditOutcome();
            var done = new List<string>();
            while (true)
            {
                var doneBefore = done.Count;
                var run = RunOnce(target, hostDirectory, hostAssembly, contextName, configFile, database, stepLimit, done);
                var result = run.Result;
                if (result is null)
                {
                    outcome.Failures.Add(new AuditFailure(ExitCodes.LoadError, NeverStarted(assemblyName, run.Output), null));
                    return outcome;
                }

                outcome.Contexts.AddRange(result.Contexts);
                outcome.Failures.AddRange(result.ContextFailures.Select(f => new AuditFailure(ExitCodes.LoadError, f.Message, f.Detail)));
                foreach (var note in result.Notes.Where(n => !outcome.Notes.Contains(n))) outcome.Notes.Add(note);
                if (result.Failure is not null)
                {
                    outcome.Failures.Add(new AuditFailure(result.Failure.ExitCode, result.Failure.Message, result.Failure.Detail));
                    return outcome;
                }

                done.AddRange(result.Contexts.Select(c => c.FullName).Concat(result.ContextFailures.Select(f => f.FullName)));
                if (!result.Completed)
                {
                    // --verbose has shown the application's output as it came; the exception, if any, is what it adds.
                    outcome.Failures.Add(new AuditFailure(ExitCodes.LoadError, EarlyEnd(run, assemblyName), result.Interruption?.Detail));
                    var lost = result.Phase.ContextFullName;
                    if (lost is null) return outcome;
                    done.Add(lost);
                }

                // A host that ended early, or stopped after leaving a hung step behind, has not met the contexts after it:
                // a fresh host audits them.
                if (result.Selected.All(done.Contains) || done.Count == doneBefore) return outcome;
                _log($"Running the inner host again for the contexts after {result.Phase.Context}...");
            }
        }

        private HostRun RunOnce(AuditTarget target, string hostDirectory, string hostAssembly, string? contextName, string? configFile, DatabaseCheck? database, TimeSpan stepLimit, IReadOnlyList<string> done)
        {
            var resultFile = Path.Combine(Path.GetTempPath(), $"schemalint-{Guid.NewGuid():N}.json");
            var output = new ProcessOutput(echo: _verbose ? line => _log("  | " + line) : null) { WatchedStderrLines = { StackOverflowLine } };
            ChildProcess? child = null;
            try
            {
                child = ChildProcess.StartDotnet(Arguments(target, hostDirectory, hostAssembly, resultFile, contextName, configFile, database, stepLimit, done),
                    target.WorkingDirectory, output, HostEnvironment(database));

                // Each step the host takes rewrites the result file, and no step may outlast the limit (the database check
                // has its own); a host that stays silent longer than that is stuck beyond its own help.
                var silenceLimit = stepLimit + (database?.Timeout ?? TimeSpan.Zero) + SilenceAllowance;
                var lastWrite = DateTime.MinValue;
                var toldPhases = 0;
                var lastProgress = DateTime.UtcNow;
                DateTime? completedAt = null;
                var exited = child.WaitForExit(() =>
                {
                    var now = DateTime.UtcNow;
                    var written = File.Exists(resultFile) ? File.GetLastWriteTimeUtc(resultFile) : DateTime.MinValue;
                    if (written != lastWrite)
                    {
                        lastWrite = written;
                        lastProgress = now;
                        var current = completedAt is null || _progress is not null ? TryRead(resultFile) : null;
                        if (current is not null && _progress is not null)
                        {
                            // Every step entered since the last look, even one that began and ended between two looks.
                            for (; toldPhases < current.Phases.Count; toldPhases++)
                                _progress.Phase(DescribePhase(current.Phases[toldPhases], Path.GetFileName(target.AssemblyPath)));
                        }

                        if (completedAt is null && current?.Completed == true) completedAt = now;
                    }

                    return completedAt is { } completed ? now - completed < ExitAllowance : now - lastProgress < silenceLimit;
                });

                if (!exited) child.Kill();
                var result = Read(resultFile, output);
                return new HostRun(result, output, child.ExitCode, stalled: !exited && result?.Completed != true, silenceLimit);
            }
            finally
            {
                if (child is not null)
                {
                    child.Kill();
                    child.Dispose();
                }

                foreach (var path in new[] { resultFile, HostResult.PartialPath(resultFile) })
                {
                    try { File.Delete(path); } catch (IOException) { /* a temp file left behind is harmless */ }
                }
            }
        }

        private static HostResult? TryRead(string path)
        {
            try
            {
                return HostResult.ReadFrom(path);
            }
            catch (Exception e) when (e is IOException || e is System.Text.Json.JsonException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static HostResult? Read(string path, ProcessOutput output)
        {
            try
            {
                return HostResult.ReadFrom(path);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new CommandFailure(ExitCodes.LoadError, "schemalint's inner host wrote an unreadable result; run again with --verbose and report it.", e + Environment.NewLine + output);
            }
        }

        /// <summary>One sentence for a host that ended before its final result: what ended it, during which step, and what to do.</summary>
        private static string EarlyEnd(HostRun run, string assemblyName)
        {
            var result = run.Result!;
            var step = Describe(result.Phase, assemblyName);
            var interruption = result.Interruption;
            if (run.Stalled)
                return $"schemalint's inner host gave no sign of progress for {DurationText.Seconds(run.SilenceLimit)} while {step} and was ended; run with --verbose to see the application's output.";
            if (run.Output.SeenOnStderr.Contains(StackOverflowLine))
                return $"The application's code overflowed the stack while {step} (endless recursion, such as a property or method that calls itself), which ends any .NET process; fix the recursion (--verbose shows the repeating frames).";
            if (interruption?.Cause == HostInterruptionCauses.UnhandledException)
                return $"The application's code threw {interruption.ExceptionType} ({interruption.ExceptionMessage}) on a thread of its own while {step}, and nothing caught it, which ends any .NET process; catch it in the application (--verbose shows the stack trace).";
            if (interruption?.Cause == HostInterruptionCauses.EnvironmentExit)
                return $"The application called Environment.Exit({run.ExitCode}) while {step}, which ended schemalint's inner host; keep design-time code from exiting the process (EF.IsDesignTime tells it that it is being inspected){(result.Phase.Kind == HostPhaseKind.Startup ? ", or add an IDesignTimeDbContextFactory so schemalint need not run the startup code" : string.Empty)}.";
            if (SignalName(run.ExitCode) is { } signal)
                return $"schemalint's inner host was killed by {signal} while {step}{(signal == "SIGKILL" ? " (often the system running out of memory)" : string.Empty)}; run with --verbose to see the application's output.";
            return $"schemalint's inner host ended with exit code {run.ExitCode} while {step}, before it finished; run with --verbose to see the application's output.";
        }

        private static string Describe(HostPhase phase, string assemblyName) => phase.Kind switch
        {
            HostPhaseKind.Startup => "running the application's startup code for its services",
            HostPhaseKind.CreatingContext => $"creating {phase.Context}",
            HostPhaseKind.BuildingModel => $"building the model of {phase.Context}",
            HostPhaseKind.CheckingDatabase => $"checking {phase.Context} against the database",
            _ => $"loading '{assemblyName}'",
        };

        /// <summary>A process a signal ended reports 128 + the signal's number on Unix.</summary>
        private static string? SignalName(int exitCode)
        {
            if (OperatingSystem.IsWindows() || exitCode <= 128 || exitCode > 128 + 31) return null;
            return (exitCode - 128) switch
            {
                1 => "SIGHUP",
                2 => "SIGINT",
                3 => "SIGQUIT",
                4 => "SIGILL",
                6 => "SIGABRT",
                7 => "SIGBUS",
                9 => "SIGKILL",
                11 => "SIGSEGV",
                15 => "SIGTERM",
                var other => "signal " + other.ToString(CultureInfo.InvariantCulture),
            };
        }

        /// <summary>The host never wrote a line: the dotnet host could not start it, and what it printed is the reason (the application's code never ran).</summary>
        private static string NeverStarted(string assemblyName, ProcessOutput output)
        {
            var reason = output.Tail.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("at ", StringComparison.Ordinal));
            return $"'{assemblyName}' could not be started with its own runtime configuration{(reason is null ? string.Empty : $" ({Sentences.Quote(reason)})")}; check that its target framework's runtime is installed, and run with --verbose for details.";
        }

        private static IEnumerable<string> Arguments(AuditTarget target, string hostDirectory, string hostAssembly, string resultFile, string? contextName, string? configFile, DatabaseCheck? database, TimeSpan stepLimit, IReadOnlyList<string> done)
        {
            var assembly = target.AssemblyPath;
            yield return "exec";
            yield return "--depsfile";
            yield return Path.ChangeExtension(assembly, ".deps.json");

            // A class library has no runtime configuration of its own; it then runs on the one the inner host was built with.
            var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
            yield return "--runtimeconfig";
            yield return File.Exists(runtimeConfig) ? runtimeConfig : Path.Combine(hostDirectory, HostAssemblyName + ".runtimeconfig.json");

            if (target.NuGetPackageRoot is not null && Directory.Exists(target.NuGetPackageRoot))
            {
                yield return "--additionalprobingpath";
                yield return target.NuGetPackageRoot;
            }

            yield return hostAssembly;
            yield return HostArgumentNames.Assembly;
            yield return assembly;
            yield return HostArgumentNames.Result;
            yield return resultFile;
            yield return HostArgumentNames.TimeoutSeconds;
            yield return ((int)stepLimit.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            yield return HostArgumentNames.ParentProcessId;
            yield return Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            if (contextName is not null)
            {
                yield return HostArgumentNames.Context;
                yield return contextName;
            }

            if (done.Count > 0)
            {
                yield return HostArgumentNames.SkipContexts;
                yield return string.Join(";", done);
            }

            if (configFile is not null)
            {
                yield return HostArgumentNames.ConfigFile;
                yield return configFile;
            }
            else
            {
                yield return HostArgumentNames.ConfigDirectory;
                yield return target.WorkingDirectory;
            }

            if (database is not null)
            {
                yield return HostArgumentNames.DatabaseTimeoutSeconds;
                yield return database.TimeoutSeconds.ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>
        /// dotnet ef's default environment (Development unless the caller chose one), and the connection string, which travels
        /// under the host's own name: the variable --database-env named is removed, so the application cannot read it.
        /// </summary>
        private static Dictionary<string, string?> HostEnvironment(DatabaseCheck? database)
        {
            var environment = new Dictionary<string, string?>();
            var chosen = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development";
            if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null) environment["ASPNETCORE_ENVIRONMENT"] = chosen;
            if (Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null) environment["DOTNET_ENVIRONMENT"] = chosen;
            if (database is not null)
            {
                if (database.EnvironmentVariable is not null) environment[database.EnvironmentVariable] = null;
                environment[HostEnvironmentNames.DatabaseConnectionString] = database.ConnectionString;
            }

            return environment;
        }

        private sealed class HostRun
        {
            public HostRun(HostResult? result, ProcessOutput output, int exitCode, bool stalled, TimeSpan silenceLimit)
            {
                Result = result;
                Output = output;
                ExitCode = exitCode;
                Stalled = stalled;
                SilenceLimit = silenceLimit;
            }

            public HostResult? Result { get; }

            public ProcessOutput Output { get; }

            public int ExitCode { get; }

            public bool Stalled { get; }

            public TimeSpan SilenceLimit { get; }
        }
    }

    /// <summary>Everything the audit produced: the contexts audited, and one sentence for each that could not be (or for the whole audit).</summary>
    internal sealed class AuditOutcome
    {
        public List<ContextResult> Contexts { get; } = new List<ContextResult>();

        public List<AuditFailure> Failures { get; } = new List<AuditFailure>();

        public List<string> Notes { get; } = new List<string>();
    }

    internal sealed class AuditFailure
    {
        public AuditFailure(int exitCode, string message, string? detail)
        {
            ExitCode = exitCode;
            Message = message;
            Detail = detail;
        }

        public int ExitCode { get; }

        public string Message { get; }

        /// <summary>The exception or the application's last output, shown with --verbose.</summary>
        public string? Detail { get; }
    }
}
