using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using SchemaLint.Cli.Host.Steps;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host
{
    /// <summary>Parses the command's arguments, loads the application, checks its EF Core, audits, and keeps the result file current.</summary>
    internal static class InnerHost
    {
        public static int Run(string[] args)
        {
            var arguments = ParseArguments(args);
            if (!arguments.TryGetValue(HostArgumentNames.Result, out var resultPath) || !arguments.TryGetValue(HostArgumentNames.Assembly, out var assemblyPath))
            {
                Console.Error.WriteLine("SchemaLint.Cli.Host is started by 'schemalint audit'; it is not a command of its own.");
                return ExitCodes.InputError;
            }

            var file = new ResultFile(resultPath);
            ParentWatch.Start(arguments, resultPath);
            WatchForEarlyEnd(file);
            file.Enter(HostPhaseKind.Loading);

            var result = file.Result;
            LiveDatabaseSettings? database = null;
            try
            {
                database = LiveDatabaseSettings.Take(arguments);
                var steps = new StepRunner(file, StepLimit(arguments));
                var application = LoadApplication(assemblyPath);
                EntityFrameworkCoreCompatibility.EnsureSupported(application);
                Audit(application, arguments, database, file, steps);
            }
            catch (HostFailureException failure)
            {
                result.Failure = new HostFailure { ExitCode = failure.ExitCode, Message = failure.Message, Detail = failure.InnerException?.ToString() };
            }
            catch (Exception e) when (e is MissingMethodException || e is MissingFieldException || e is TypeLoadException)
            {
                result.Failure = new HostFailure
                {
                    ExitCode = ExitCodes.LoadError,
                    Message = $"This schemalint supports {EntityFrameworkCoreCompatibility.SupportedVersionsText} and does not work with the EF Core version of '{Path.GetFileName(assemblyPath)}' ({e.Message}); use an application on a supported EF Core version.",
                    Detail = e.ToString(),
                };
            }
            catch (Exception e)
            {
                result.Failure = new HostFailure
                {
                    ExitCode = ExitCodes.LoadError,
                    Message = $"Auditing '{Path.GetFileName(assemblyPath)}' failed unexpectedly ({e.GetType().Name}: {Sentences.Quote(e.Message)}); run with --verbose and report it if the application is not at fault.",
                    Detail = e.ToString(),
                };
            }

            if (result.Failure is not null && database is not null)
            {
                result.Failure.Message = database.Mask(result.Failure.Message);
                result.Failure.Detail = result.Failure.Detail is null ? null : database.Mask(result.Failure.Detail);
            }

            file.Complete();
            return result.Failure?.ExitCode ?? (result.ContextFailures.Count > 0 ? ExitCodes.LoadError : ExitCodes.Clean);
        }

        /// <summary>
        /// The application may end the process itself, from a thread of ours (Environment.Exit in a factory) or of its own (an
        /// exception nobody catches). Either way the result file says so before the process is gone.
        /// </summary>
        private static void WatchForEarlyEnd(ResultFile file)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => file.Interrupted(new HostInterruption { Cause = HostInterruptionCauses.EnvironmentExit });
            AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            {
                var exception = e.ExceptionObject as Exception;
                file.Interrupted(new HostInterruption
                {
                    Cause = HostInterruptionCauses.UnhandledException,
                    ExceptionType = exception?.GetType().Name ?? e.ExceptionObject?.GetType().Name,
                    ExceptionMessage = exception is null ? null : Sentences.Quote(exception.Message),
                    Detail = exception?.ToString(),
                });
            };
        }

        private static TimeSpan StepLimit(Dictionary<string, string> arguments)
        {
            if (!arguments.TryGetValue(HostArgumentNames.TimeoutSeconds, out var seconds)) return TimeSpan.FromMinutes(5);
            if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0)
                throw new HostFailureException(ExitCodes.InputError, $"schemalint's inner host was given the timeout '{seconds}' instead of a number of seconds; report it.");
            return TimeSpan.FromSeconds(limit);
        }

        private static Assembly LoadApplication(string assemblyPath)
        {
            ToolAssemblyResolver.ApplicationDirectory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath));
            try
            {
                // The application is in its own .deps.json, so loading by name gives the same instance its dependencies see.
                var name = AssemblyName.GetAssemblyName(assemblyPath);
                try
                {
                    return AssemblyLoadContext.Default.LoadFromAssemblyName(name);
                }
                catch (FileNotFoundException)
                {
                    return AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
                }
            }
            catch (Exception e) when (e is BadImageFormatException || e is FileLoadException || e is FileNotFoundException)
            {
                throw new HostFailureException(ExitCodes.LoadError, $"'{Path.GetFileName(assemblyPath)}' could not be loaded ({e.Message}); rebuild the application and audit its build output.", e);
            }
        }

        // EF Core types are first touched here, after the version check, so a mismatch never surfaces as a loader exception.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Audit(Assembly application, Dictionary<string, string> arguments, LiveDatabaseSettings? database, ResultFile file, StepRunner steps)
        {
            arguments.TryGetValue(HostArgumentNames.Context, out var contextName);
            arguments.TryGetValue(HostArgumentNames.ConfigFile, out var configFile);
            arguments.TryGetValue(HostArgumentNames.ConfigDirectory, out var configDirectory);
            var skip = arguments.TryGetValue(HostArgumentNames.SkipContexts, out var skipped)
                ? new HashSet<string>(skipped.Split(';', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            new DesignTimeAudit(application, file, steps).Run(contextName, configFile, configDirectory, database, skip);
        }

        private static Dictionary<string, string> ParseArguments(string[] args)
        {
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2) arguments[args[i]] = args[i + 1];
            return arguments;
        }
    }
}
