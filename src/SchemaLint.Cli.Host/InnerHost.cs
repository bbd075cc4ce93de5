using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host
{
    /// <summary>Parses the command's arguments, loads the application, checks its EF Core, audits, writes the result file.</summary>
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

            var result = new HostResult();
            LiveDatabaseSettings? database = null;
            try
            {
                database = LiveDatabaseSettings.Take(arguments);
                var application = LoadApplication(assemblyPath);
                EntityFrameworkCoreCompatibility.EnsureSupported(application);
                Audit(application, arguments, database, result);
            }
            catch (HostFailureException failure)
            {
                result.Contexts.Clear();
                result.Failure = new HostFailure { ExitCode = failure.ExitCode, Message = failure.Message, Detail = failure.InnerException?.ToString() };
            }
            catch (Exception e) when (e is MissingMethodException || e is MissingFieldException || e is TypeLoadException)
            {
                result.Contexts.Clear();
                result.Failure = new HostFailure
                {
                    ExitCode = ExitCodes.LoadError,
                    Message = $"This schemalint supports {EntityFrameworkCoreCompatibility.SupportedVersionsText} and does not work with the EF Core version of '{Path.GetFileName(assemblyPath)}' ({e.Message}); use an application on a supported EF Core version.",
                    Detail = e.ToString(),
                };
            }
            catch (Exception e)
            {
                result.Contexts.Clear();
                result.Failure = new HostFailure
                {
                    ExitCode = ExitCodes.LoadError,
                    Message = $"Auditing '{Path.GetFileName(assemblyPath)}' failed unexpectedly ({e.GetType().Name}: {e.Message}); run with --verbose and report it if the application is not at fault.",
                    Detail = e.ToString(),
                };
            }

            if (result.Failure is not null && database is not null)
            {
                result.Failure.Message = database.Mask(result.Failure.Message);
                result.Failure.Detail = result.Failure.Detail is null ? null : database.Mask(result.Failure.Detail);
            }

            result.WriteTo(resultPath);
            return result.Failure?.ExitCode ?? ExitCodes.Clean;
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
        private static void Audit(Assembly application, Dictionary<string, string> arguments, LiveDatabaseSettings? database, HostResult result)
        {
            arguments.TryGetValue(HostArgumentNames.Context, out var contextName);
            arguments.TryGetValue(HostArgumentNames.ConfigFile, out var configFile);
            arguments.TryGetValue(HostArgumentNames.ConfigDirectory, out var configDirectory);
            new DesignTimeAudit(application, result.Notes).Run(contextName, configFile, configDirectory, database, result.Contexts);
        }

        private static Dictionary<string, string> ParseArguments(string[] args)
        {
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2) arguments[args[i]] = args[i + 1];
            return arguments;
        }
    }
}
