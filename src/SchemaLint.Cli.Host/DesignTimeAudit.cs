using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Cli.Host.Discovery;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model.Database;
using SchemaLint.Core.Options;
using SchemaLint.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.Cli.Host
{
    /// <summary>Finds, creates and audits the application's contexts, as dotnet ef would find and create them.</summary>
    internal sealed class DesignTimeAudit
    {
        private readonly Assembly _application;
        private readonly List<string> _notes;

        public DesignTimeAudit(Assembly application, List<string> notes)
        {
            _application = application;
            _notes = notes;
        }

        public void Run(string? contextName, string? configFile, string? configDirectory, LiveDatabaseSettings? database, List<ContextResult> results)
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
            string? servicesFailure = null;
            if (!requestedFromFactory)
            {
                try
                {
                    services = ApplicationServices.TryCreate(_application, _notes);
                }
                catch (HostFailureException e)
                {
                    servicesFailure = e.Message;
                    _notes.Add("Continuing without the application's services: " + e.Message);
                }
            }

            var selected = ContextFinder.Select(ContextFinder.Find(types, factories, services, _notes), contextName, assemblyName);
            // A connection string names one database; which context's tables it should hold is the user's to say, as with dotnet ef.
            if (database is not null && selected.Count > 1)
                throw new HostFailureException(ExitCodes.InputError,
                    $"'{assemblyName}' has {selected.Count} DbContexts ({string.Join(", ", selected.Select(c => c.Name))}) and --database checks one database; name its context with --context.");

            var activator = new ContextActivator(services, servicesFailure);
            foreach (var candidate in selected)
            {
                using var context = activator.Create(candidate, out var createdBy);
                AuditReport report;
                try
                {
                    report = database is null ? SchemaAudit.Run(context, options) : LiveDatabaseAudit.Run(context, database.ConnectionString, options, database.Timeout);
                }
                catch (ModelBuildException e)
                {
                    throw new HostFailureException(ExitCodes.LoadError, e.Message, e.InnerException ?? e);
                }
                catch (LiveDatabaseException e)
                {
                    throw new HostFailureException(ExitCodes.LoadError, e.Message, e);
                }

                results.Add(new ContextResult
                {
                    Name = candidate.Name,
                    FullName = candidate.FullName,
                    Provider = report.Provider.ToString(),
                    CreatedBy = createdBy,
                    Database = Describe(report.Model.LiveDatabase),
                    Notes = report.Notes.ToList(),
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
                    }).ToList(),
                });
            }
        }

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
