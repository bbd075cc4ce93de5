using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SchemaLint.Cli.Host.Discovery;
using SchemaLint.Cli.Host.Steps;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model.Database;
using SchemaLint.Core.Options;
using SchemaLint.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.Cli.Host
{
    /// <summary>
    /// Finds, creates and audits the application's contexts, as dotnet ef would find and create them. Each context stands on
    /// its own: one that cannot be created, built or checked is reported in one sentence, and the others are still audited.
    /// </summary>
    internal sealed class DesignTimeAudit
    {
        private readonly Assembly _application;
        private readonly ResultFile _file;
        private readonly StepRunner _steps;

        public DesignTimeAudit(Assembly application, ResultFile file, StepRunner steps)
        {
            _application = application;
            _file = file;
            _steps = steps;
        }

        private List<string> Notes => _file.Result.Notes;

        public void Run(string? contextName, string? configFile, string? configDirectory, LiveDatabaseSettings? database, ISet<string> skip)
        {
            // What dotnet ef sets: application code can tell it is being inspected rather than run.
            EF.IsDesignTime = true;
            var options = configFile is not null ? EditorConfigReader.ReadFile(configFile)
                : configDirectory is not null ? EditorConfigReader.ReadForDirectory(configDirectory)
                : SchemaLintOptions.Default;

            var assemblyName = Path.GetFileName(_application.Location);
            var types = ContextFinder.LoadableTypes(_application);
            var factories = ContextFinder.FindFactories(types);

            // A context the user named that a factory creates needs nothing else: do not run the application's Main for it.
            var requestedFromFactory = contextName is not null && factories.Keys.Any(t => t.Name == contextName || t.FullName == contextName);
            IServiceProvider? services = null;
            string? servicesUnavailable = null;
            if (!requestedFromFactory) (services, servicesUnavailable) = StartApplication();

            var selected = ContextFinder.Select(ContextFinder.Find(types, factories, services, Notes), contextName, assemblyName);
            // A connection string names one database; which context's tables it should hold is the user's to say, as with dotnet ef.
            if (database is not null && selected.Count > 1)
                throw new HostFailureException(ExitCodes.InputError,
                    $"'{assemblyName}' has {selected.Count} DbContexts ({string.Join(", ", selected.Select(c => c.Name))}) and --database checks one database; name its context with --context.");
            _file.Update(r => r.Selected = selected.Select(c => c.FullName).ToList());

            var activator = new ContextActivator(services, servicesUnavailable);
            foreach (var candidate in selected.Where(c => !skip.Contains(c.FullName)))
            {
                try
                {
                    var result = Audit(candidate, activator, options, database);
                    _file.Update(r => r.Contexts.Add(result));
                }
                catch (Exception e)
                {
                    var failure = Failure(candidate, e, assemblyName);
                    // The result file is written as the audit goes: no password may reach it, even for a moment.
                    if (database is not null)
                    {
                        failure.Message = database.Mask(failure.Message);
                        failure.Detail = failure.Detail is null ? null : database.Mask(failure.Detail);
                    }

                    _file.Update(r => r.ContextFailures.Add(failure));

                    // The thread left behind may hold a lock the next context needs (EF Core builds one model at a time,
                    // process-wide): this process stops here, and the command starts a fresh one for the contexts that remain.
                    if (e is StepTimeoutException) break;
                }
            }
        }

        /// <summary>The application's services, or why there are none; the contexts that need no services are audited either way.</summary>
        private (IServiceProvider? Services, string? Unavailable) StartApplication()
        {
            // The step's thread may be left behind still running, so it gets notes of its own, taken only once it finished.
            var startupNotes = new List<string>();
            try
            {
                var started = _steps.Run(HostPhaseKind.Startup, null, null, () => ApplicationServices.TryCreate(_application, startupNotes));
                Notes.AddRange(startupNotes);
                return started;
            }
            catch (StepTimeoutException e)
            {
                var why = $"the application's startup code did not build its host within {DurationText.Seconds(e.Limit)}";
                Notes.Add($"Continuing without the application's services: {why}.");
                return (null, why);
            }
            catch (Exception e)
            {
                var why = e is HostFailureException ? e.Message : $"its startup code failed ({e.GetType().Name}: {Sentences.Quote(e.Message)})";
                Notes.AddRange(startupNotes);
                Notes.Add($"Continuing without the application's services: {why}.");
                return (null, why);
            }
        }

        private ContextResult Audit(ContextCandidate candidate, ContextActivator activator, SchemaLintOptions options, LiveDatabaseSettings? database)
        {
            var (context, createdBy) = _steps.Run(HostPhaseKind.CreatingContext, candidate.Name, candidate.FullName, () =>
            {
                var created = activator.Create(candidate, out var by);
                return (created, by);
            });

            var leftBehind = false;
            try
            {
                var report = _steps.Run(HostPhaseKind.BuildingModel, candidate.Name, candidate.FullName, () =>
                {
                    BuildModel(context, candidate);
                    return database is null ? SchemaAudit.Run(context, options) : null;
                });
                if (database is not null)
                {
                    report = _steps.Run(HostPhaseKind.CheckingDatabase, candidate.Name, candidate.FullName,
                        () => LiveDatabaseAudit.Run(context, database.ConnectionString, options, database.Timeout), extra: database.Timeout);
                }

                return ToResult(candidate, createdBy, report!, options);
            }
            catch (StepTimeoutException)
            {
                // The step's thread still uses the context.
                leftBehind = true;
                throw;
            }
            finally
            {
                if (!leftBehind) DisposeQuietly(context);
            }
        }

        /// <summary>EF Core builds the design-time model on first use; building it here tells a model that fails from a rule that does.</summary>
        private static void BuildModel(DbContext context, ContextCandidate candidate)
        {
            try
            {
                _ = context.GetService<IDesignTimeModel>().Model;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                throw ModelFailure(candidate, e);
            }
        }

        private static HostFailureException ModelFailure(ContextCandidate candidate, Exception e) =>
            new HostFailureException(ExitCodes.LoadError,
                $"The model of {candidate.Name} could not be built ({e.GetType().Name}: {Sentences.Quote(e.Message)}); fix the model configuration (OnModelCreating, attributes, options) so that EF Core accepts it.", e);

        private ContextFailure Failure(ContextCandidate candidate, Exception e, string assemblyName)
        {
            var (message, detail) = e switch
            {
                StepTimeoutException timeout => (TimeoutSentence(candidate, timeout), null),
                HostFailureException failure => (failure.Message, failure.InnerException),
                ModelBuildException model => (ModelFailure(candidate, model.InnerException ?? model).Message, model.InnerException ?? model),
                LiveDatabaseException live => (live.Message, live),
                MissingMethodException or MissingFieldException or TypeLoadException => (
                    $"This schemalint supports {EntityFrameworkCoreCompatibility.SupportedVersionsText} and does not work with the EF Core version of '{assemblyName}' ({e.Message}); use an application on a supported EF Core version.", e),
                _ => ($"Auditing {candidate.Name} failed unexpectedly ({e.GetType().Name}: {Sentences.Quote(e.Message)}); run with --verbose and report it if the application is not at fault.", e),
            };
            return new ContextFailure { Name = candidate.Name, FullName = candidate.FullName, Message = message, Detail = detail?.ToString() };
        }

        private static string TimeoutSentence(ContextCandidate candidate, StepTimeoutException timeout)
        {
            var limit = DurationText.Seconds(timeout.Limit);
            return timeout.Kind switch
            {
                HostPhaseKind.CreatingContext =>
                    $"Creating {candidate.Name} did not finish within {limit} (its factory, registration or constructor may wait for something that never comes); make creating it at design time quick, or give it more time with --timeout.",
                HostPhaseKind.CheckingDatabase =>
                    $"Checking {candidate.Name} against the database did not finish within {limit}; check that the database answers, or give it more time with --database-timeout.",
                _ =>
                    $"Building the model of {candidate.Name} did not finish within {limit} (OnModelCreating or a convention may loop or wait); fix the model configuration, or give it more time with --timeout.",
            };
        }

        private static void DisposeQuietly(DbContext context)
        {
            try
            {
                context.Dispose();
            }
            catch (Exception)
            {
                // The audit is done with it; a context that fails to dispose has nothing more to tell.
            }
        }

        private static ContextResult ToResult(ContextCandidate candidate, string createdBy, AuditReport report, SchemaLintOptions options) => new ContextResult
        {
            Name = candidate.Name,
            FullName = candidate.FullName,
            // The provider the rules judged by: schemalint.provider when it overrides the model's, which is then named too.
            Provider = (options.Provider ?? report.Provider).ToString(),
            ModelProvider = options.Provider is { } configured && configured != report.Provider ? report.Provider.ToString() : null,
            CreatedBy = createdBy,
            Database = Describe(report.Model.LiveDatabase),
            Notes = report.Notes.ToList(),
            SkippedPackageEntityTypes = report.SkippedPackageEntityTypes
                .Select(p => new SkippedPackageResult { Package = p.Package, EntityTypes = p.EntityTypes.ToList() })
                .ToList(),
            Findings = report.Findings.Select(f => new FindingResult
            {
                RuleId = f.RuleId,
                Severity = f.Severity.ToString().ToLowerInvariant(),
                Entity = f.EntityName,
                Member = f.MemberName,
                Message = f.Message,
                File = f.Location?.FilePath,
                Line = f.Location?.Line,
                Column = f.Location?.Column,
                Table = Property(f, FindingProperties.Table),
                TableColumn = Property(f, FindingProperties.Column),
                FixSql = Property(f, FindingProperties.FixSql),
                Fingerprint = FindingFingerprint.For(f, candidate.FullName).Hash,
            }).ToList(),
        };

        private static string? Describe(DatabaseSchema? database)
        {
            if (database is null) return null;
            var tables = database.Tables.Count(t => !t.IsView);
            var description = $"{(database.DatabaseName is null ? "the database" : $"database '{database.DatabaseName}'")}, {tables} table{(tables == 1 ? string.Empty : "s")}";
            return database.Migrations is null ? description : description + "; " + database.Migrations.Describe();
        }

        // Only the database rules' table and fix are passed on: SL4001 also sets Column, but about a column it already names.
        private static string? Property(Finding finding, string key) =>
            finding.Rule.RequiresDatabase && finding.Properties.TryGetValue(key, out var value) ? value : null;
    }
}
