using System;
using System.Collections.Generic;
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
    internal sealed class InnerHostLauncher
    {
        public const string HostFolder = "host";
        public const string HostAssemblyName = "SchemaLint.Cli.Host";
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        private readonly bool _verbose;
        private readonly Action<string> _log;

        public InnerHostLauncher(bool verbose, Action<string> log)
        {
            _verbose = verbose;
            _log = log;
        }

        public HostResult Run(AuditTarget target, string? contextName, string? configFile, DatabaseCheck? database)
        {
            var hostDirectory = Path.Combine(AppContext.BaseDirectory, HostFolder);
            var hostAssembly = Path.Combine(hostDirectory, HostAssemblyName + ".dll");
            if (!File.Exists(hostAssembly))
                throw new CommandFailure(ExitCodes.LoadError, $"schemalint's inner host is missing ('{hostAssembly}'); reinstall the schemalint tool.");

            var resultFile = Path.Combine(Path.GetTempPath(), $"schemalint-{Guid.NewGuid():N}.json");
            try
            {
                var environment = DesignTimeEnvironment();
                if (database is not null) environment[HostEnvironmentNames.DatabaseConnectionString] = database.ConnectionString;

                // The database check has its own timeout inside the host; this one is for the application's startup.
                var outcome = ProcessRunner.RunDotnet(Arguments(target, hostDirectory, hostAssembly, resultFile, contextName, configFile, database),
                    target.WorkingDirectory, Timeout + (database?.Timeout ?? TimeSpan.Zero), environment, _verbose ? line => _log("  | " + line) : null);
                var assemblyName = Path.GetFileName(target.AssemblyPath);
                if (outcome.TimedOut)
                    throw new CommandFailure(ExitCodes.LoadError,
                        $"Loading '{assemblyName}' did not finish within {Timeout.TotalMinutes:0} minutes (its startup code may wait for something); add an IDesignTimeDbContextFactory so schemalint need not run the application's startup.", outcome.Output);

                HostResult? result;
                try
                {
                    result = HostResult.ReadFrom(resultFile);
                }
                catch (System.Text.Json.JsonException e)
                {
                    throw new CommandFailure(ExitCodes.LoadError, $"schemalint's inner host wrote an unreadable result for '{assemblyName}'; run again with --verbose and report it.", e + Environment.NewLine + outcome.Output);
                }

                if (result is null)
                {
                    var reason = FirstMeaningfulLine(outcome.Output);
                    throw new CommandFailure(ExitCodes.LoadError,
                        $"'{assemblyName}' could not be started with its own runtime configuration{(reason is null ? string.Empty : $" ({reason})")}; check that its target framework's runtime is installed, and run with --verbose for details.", outcome.Output);
                }

                if (result.Failure is not null)
                    throw new CommandFailure(result.Failure.ExitCode, result.Failure.Message, JoinDetail(result.Failure.Detail, outcome.Output));
                return result;
            }
            finally
            {
                try { File.Delete(resultFile); } catch (IOException) { /* a temp file left behind is harmless */ }
            }
        }

        private static IEnumerable<string> Arguments(AuditTarget target, string hostDirectory, string hostAssembly, string resultFile, string? contextName, string? configFile, DatabaseCheck? database)
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
            if (contextName is not null)
            {
                yield return HostArgumentNames.Context;
                yield return contextName;
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
                yield return database.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        /// <summary>dotnet ef's default: the Development environment unless the caller chose one.</summary>
        private static Dictionary<string, string> DesignTimeEnvironment()
        {
            var environment = new Dictionary<string, string>();
            var chosen = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development";
            if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null) environment["ASPNETCORE_ENVIRONMENT"] = chosen;
            if (Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null) environment["DOTNET_ENVIRONMENT"] = chosen;
            return environment;
        }

        private static string? FirstMeaningfulLine(string output) =>
            output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("at ", StringComparison.Ordinal));

        private static string JoinDetail(string? detail, string output) =>
            string.IsNullOrWhiteSpace(output) ? detail ?? string.Empty : (detail ?? string.Empty) + Environment.NewLine + "Application output:" + Environment.NewLine + output;
    }
}
