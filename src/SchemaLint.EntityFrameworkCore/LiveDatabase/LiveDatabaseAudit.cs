using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;
using SchemaLint.Core.Options;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Audits a DbContext's model and the live PostgreSQL or SQLite database it talks to: every rule the runtime sees, plus the
    /// database checks (SL6001-SL6006). Reads the database only (PostgreSQL in a READ ONLY transaction it rolls back, SQLite
    /// through a connection opened Mode=ReadOnly).
    /// </summary>
    /// <example>
    /// <code>
    /// using var context = new BudgetContext(options);
    /// var report = LiveDatabaseAudit.Run(context, Environment.GetEnvironmentVariable("BUDGET_DB"));
    /// Assert.Empty(report.Findings.Where(f => f.Rule.RequiresDatabase));
    /// </code>
    /// </example>
    public static class LiveDatabaseAudit
    {
        /// <param name="connectionString">An Npgsql or Microsoft.Data.Sqlite connection string (as the context's provider takes); null uses the context's own.</param>
        /// <param name="timeout">How long connecting and reading may take together; default 30 seconds.</param>
        /// <exception cref="LiveDatabaseException">The database could not be reached or read, or has none of the model's tables.</exception>
        /// <exception cref="ModelBuildException">EF Core could not build the model.</exception>
        public static AuditReport Run(DbContext context, string? connectionString = null, SchemaLintOptions? options = null, TimeSpan? timeout = null) =>
            RunAsync(context, connectionString, options, timeout).GetAwaiter().GetResult();

        public static async Task<AuditReport> RunAsync(DbContext context, string? connectionString = null, SchemaLintOptions? options = null, TimeSpan? timeout = null,
            CancellationToken cancellationToken = default)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            var (model, notes) = ReadModel(context, options);
            var database = await LiveDatabaseReader.ReadAsync(context, connectionString, timeout, cancellationToken).ConfigureAwait(false);
            return Analyze(context, model, notes, database, options);
        }

        /// <summary>Audits through a connection the caller owns (for example a test's open connection).</summary>
        public static async Task<AuditReport> RunAsync(DbContext context, DbConnection connection, SchemaLintOptions? options = null, TimeSpan? timeout = null,
            CancellationToken cancellationToken = default)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            var (model, notes) = ReadModel(context, options);
            var database = await LiveDatabaseReader.ReadAsync(context, connection, timeout, cancellationToken).ConfigureAwait(false);
            return Analyze(context, model, notes, database, options);
        }

        /// <summary>
        /// Throws <see cref="SchemaAuditException"/> listing every finding at warning or above, the database's included, and every
        /// configuration problem, as <see cref="SchemaAudit.Verify"/> does.
        /// </summary>
        /// <exception cref="SchemaAuditException">The model or the database has findings at warning or above, or the options have problems.</exception>
        /// <exception cref="LiveDatabaseException">The database could not be reached or read, or has none of the model's tables.</exception>
        /// <exception cref="ModelBuildException">EF Core could not build the model.</exception>
        public static void Verify(DbContext context, string? connectionString = null, SchemaLintOptions? options = null, TimeSpan? timeout = null) =>
            SchemaAuditException.ThrowIfFailing(Run(context, connectionString, options, timeout));

        /// <summary>The model first: a model EF Core cannot build needs no trip to the database to say so.</summary>
        private static (SchemaModel Model, List<string> Notes) ReadModel(DbContext context, SchemaLintOptions? options)
        {
            var notes = (options ?? SchemaLintOptions.Default).Errors.Select(e => "Option: " + e).ToList();
            var model = EfSchemaReader.Read(context, notes);
            model.Migrations = Migrations.CompiledMigrationReader.Read(context, notes);
            return (model, notes);
        }

        private static AuditReport Analyze(DbContext context, SchemaModel model, List<string> notes, DatabaseSchema database, SchemaLintOptions? options)
        {
            LiveDatabaseReader.Attach(model, database);
            var findings = SchemaLintEngine.Default.Analyze(model, options);
            notes.Add($"Compared with the live database '{database.DatabaseName}' ({database.Tables.Count} tables and views{(database.Migrations is null ? string.Empty : "; " + database.Migrations.Describe())}).");
            return new AuditReport(model.ContextName ?? context.GetType().FullName ?? context.GetType().Name, model.Provider, model, findings, notes,
                (options ?? SchemaLintOptions.Default).Errors, PackageOwnership.SkippedEntityTypes(model, options));
        }
    }
}
