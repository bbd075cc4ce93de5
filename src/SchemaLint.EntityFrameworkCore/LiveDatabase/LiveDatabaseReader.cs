using System;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Reads the live schema of the database a DbContext talks to and attaches it to a schema model, so that the
    /// database-check rules (SL6001-SL6006) run. Reads only: PostgreSQL in one READ ONLY transaction, rolled back; SQLite through
    /// a connection opened Mode=ReadOnly.
    /// </summary>
    public static class LiveDatabaseReader
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        /// <summary>Reads the schema of the database <paramref name="connectionString"/> names (null: the context's own connection string).</summary>
        /// <exception cref="LiveDatabaseException">The database could not be reached or read; the message says why in one sentence.</exception>
        public static async Task<DatabaseSchema> ReadAsync(DbContext context, string? connectionString = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            var provider = LiveDatabaseConnector.EnsureSupported(context);
            var limit = CheckTimeout(timeout);
            var connection = LiveDatabaseConnector.CreateConnection(context, provider, connectionString, limit);
            return await ReadOpeningAsync(context, provider, connection, ownsConnection: true, connectionString ?? connection.ConnectionString, limit, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads through a connection the caller owns; a closed one is opened and closed again, an open one is left open. After
        /// a timeout an open connection is left mid-conversation with the server: dispose it rather than use it again.
        /// </summary>
        public static async Task<DatabaseSchema> ReadAsync(DbContext context, DbConnection connection, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            if (connection is null) throw new ArgumentNullException(nameof(connection));
            var provider = LiveDatabaseConnector.EnsureSupported(context);
            return await ReadOpeningAsync(context, provider, connection, ownsConnection: false, connection.ConnectionString, CheckTimeout(timeout), cancellationToken).ConfigureAwait(false);
        }

        public static DatabaseSchema Read(DbContext context, string? connectionString = null, TimeSpan? timeout = null) =>
            ReadAsync(context, connectionString, timeout).GetAwaiter().GetResult();

        /// <summary>
        /// Attaches <paramref name="database"/> to <paramref name="model"/> so the database-check rules run. Throws when the
        /// database has none of the model's tables: comparing would only say "everything is missing".
        /// </summary>
        /// <exception cref="LiveDatabaseException">The database has none of the model's tables (<see cref="LiveDatabaseErrorKind.SchemaMissing"/>).</exception>
        public static void Attach(SchemaModel model, DatabaseSchema database)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (database is null) throw new ArgumentNullException(nameof(database));
            EnsureModelTablesExist(model, database);
            model.LiveDatabase = database;
        }

        /// <summary>
        /// One deadline for the whole session. A session cut short by the deadline or the caller leaves its connection
        /// mid-conversation with a server that may never answer again: it is abandoned (closed in the background), not closed
        /// here, since closing waits for the server.
        /// </summary>
        private static async Task<DatabaseSchema> ReadOpeningAsync(DbContext context, DatabaseProvider provider, DbConnection connection, bool ownsConnection, string? connectionString, TimeSpan timeout,
            CancellationToken cancellationToken)
        {
            // What the application says about its migrations needs no connection (but reflection over its assembly): before the clock starts.
            var historyTable = MigrationFacts.HistoryTable(context);
            var definedMigrations = MigrationFacts.DefinedMigrations(context);
            var session = new SessionDeadline(timeout);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var openedHere = connection.State != ConnectionState.Open;
            var interrupted = false;
            try
            {
                if (openedHere) await LiveDatabaseConnector.OpenAsync(connection, session, deadline.Token).ConfigureAwait(false);
                var schema = provider == DatabaseProvider.Sqlite
                    ? await SqliteSchemaReader.ReadAsync(connection, historyTable, definedMigrations, session, deadline.Token).ConfigureAwait(false)
                    : await PostgresSchemaReader.ReadAsync(connection, historyTable, definedMigrations, session, deadline.Token).ConfigureAwait(false);
                schema.Mending = EfMigrationsMendingSql.TryCreate(context, schema);
                return schema;
            }
            catch (Exception e) when (e is not LiveDatabaseException && (e is DbException or TimeoutException or OperationCanceledException or InvalidOperationException or System.IO.IOException or System.Net.Sockets.SocketException)
                                      && !(cancellationToken.IsCancellationRequested && e is OperationCanceledException))
            {
                var timedOut = deadline.IsCancellationRequested || e is TimeoutException;
                interrupted = timedOut || e is OperationCanceledException;
                throw LiveDatabaseConnector.Classify(e, connectionString, timeout, timedOut);
            }
            finally
            {
                if (interrupted || deadline.IsCancellationRequested)
                {
                    if (openedHere || ownsConnection) LiveDatabaseConnector.Abandon(connection, dispose: ownsConnection);
                }
                else
                {
                    if (openedHere && connection.State == ConnectionState.Open) await connection.CloseAsync().ConfigureAwait(false);
                    if (ownsConnection) await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private static void EnsureModelTablesExist(SchemaModel model, DatabaseSchema database)
        {
            var expected = model.Entities
                .Where(e => e.Mapping.Is(TableMappingKind.Table) && !string.IsNullOrEmpty(e.TableName))
                .Select(e => (Schema: database.SchemaOf(e.Schema), Name: e.TableName!))
                .Distinct()
                .ToList();
            if (expected.Count == 0 || expected.Any(t => database.FindTable(t.Schema, t.Name) is not null)) return;
            var example = expected[0];
            throw new LiveDatabaseException(LiveDatabaseErrorKind.SchemaMissing,
                $"The database '{database.DatabaseName}' has none of the {expected.Count} tables the model maps (such as {example.Schema}.{example.Name}){(database.Migrations is null ? string.Empty : " and its migrations history says " + database.Migrations.Describe())}; check that the connection string names the application's database and that its migrations have been applied.");
        }

        private static TimeSpan CheckTimeout(TimeSpan? timeout)
        {
            var value = timeout ?? DefaultTimeout;
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), value, "The timeout must be positive.");
            return value;
        }
    }
}
