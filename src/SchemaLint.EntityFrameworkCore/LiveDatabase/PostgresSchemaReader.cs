using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Reads a PostgreSQL database's schema through plain ADO.NET, inside one READ ONLY transaction that is rolled back:
    /// it never changes the database, and it needs no compile-time reference to Npgsql (the application brings its own).
    /// </summary>
    internal sealed class PostgresSchemaReader
    {
        private const string InsufficientPrivilege = "42501";

        private readonly DbConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly SessionDeadline _deadline;

        private PostgresSchemaReader(DbConnection connection, DbTransaction transaction, SessionDeadline deadline)
        {
            _connection = connection;
            _transaction = transaction;
            _deadline = deadline;
        }

        /// <param name="connection">An open connection.</param>
        /// <param name="historyTable">The migrations history table's schema (null for the default) and name.</param>
        /// <param name="definedMigrationIds">Migrations the application defines, or null when unknown.</param>
        /// <exception cref="TimeoutException">The session's deadline passed; the connection is then mid-conversation and must be abandoned, not reused.</exception>
        public static async Task<DatabaseSchema> ReadAsync(DbConnection connection, (string? Schema, string Name) historyTable,
            IEnumerable<string>? definedMigrationIds, SessionDeadline deadline, CancellationToken cancellationToken)
        {
            // Repeatable read: every query sees one snapshot, so tables and their indexes agree.
            var transaction = await deadline.Bound(connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
            DatabaseSchema schema;
            try
            {
                var reader = new PostgresSchemaReader(connection, transaction, deadline);
                await reader.ExecuteAsync("SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);

                // The server stops the work too when the session's time is up, not only the client waiting for it.
                await reader.ExecuteAsync(
                    "SET LOCAL statement_timeout = " + Math.Max(1, (long)deadline.Remaining.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                schema = await reader.ReadSchemaAsync(historyTable, definedMigrationIds, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (TimeoutException or OperationCanceledException))
            {
                // The server answered with an error: end the transaction, so a caller's connection stays usable. After a timeout
                // or a cancellation nothing is rolled back: the server stopped answering, and waiting for it would cost the limit again.
                await TryRollbackAsync(transaction, deadline).ConfigureAwait(false);
                throw;
            }

            await deadline.Bound(transaction.RollbackAsync(CancellationToken.None), cancellationToken).ConfigureAwait(false);
            transaction.Dispose();
            return schema;
        }

        private static async Task TryRollbackAsync(DbTransaction transaction, SessionDeadline deadline)
        {
            try
            {
                await deadline.Bound(transaction.RollbackAsync(CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
                transaction.Dispose();
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                // The error that ended the session is the one to report; the connection is closed or abandoned next anyway.
            }
        }

        private async Task<DatabaseSchema> ReadSchemaAsync((string? Schema, string Name) historyTable, IEnumerable<string>? definedMigrationIds, CancellationToken cancellationToken)
        {
            string? databaseName = null, defaultSchema = null, user = null;
            int? maxIdentifierBytes = null;
            await QueryAsync(PostgresCatalogQueries.Database, row =>
            {
                databaseName = row.GetString(0);
                defaultSchema = NullableString(row, 1);
                maxIdentifierBytes = NullableInt(row, 2);
                user = NullableString(row, 3);
            }, cancellationToken).ConfigureAwait(false);

            var schema = new DatabaseSchema(DatabaseProvider.PostgreSql, defaultSchema ?? "public", databaseName) { MaxIdentifierBytes = maxIdentifierBytes };
            var tables = new Dictionary<long, DatabaseTable>();
            await QueryAsync(PostgresCatalogQueries.Tables, row =>
            {
                var table = new DatabaseTable(row.GetString(1), row.GetString(2)) { IsView = row.GetString(3) is "v" or "m" };
                tables[row.GetInt64(0)] = schema.AddTable(table);
            }, cancellationToken).ConfigureAwait(false);

            await QueryAsync(PostgresCatalogQueries.Columns, row =>
            {
                if (!tables.TryGetValue(row.GetInt64(0), out var table)) return;
                table.Columns.Add(new DatabaseColumn(row.GetString(1), row.GetString(2), isNullable: !row.GetBoolean(3))
                {
                    DefaultSql = NullableString(row, 4),
                    CharacterMaximumLength = NullableInt(row, 5),
                    NumericPrecision = NullableInt(row, 6),
                    NumericScale = NullableInt(row, 7),
                    IsIdentity = row.GetBoolean(8),
                    IsGenerated = row.GetBoolean(9),
                });
            }, cancellationToken).ConfigureAwait(false);

            await QueryAsync(PostgresCatalogQueries.Constraints, row =>
            {
                if (!tables.TryGetValue(row.GetInt64(0), out var table)) return;
                var name = row.GetString(1);
                var columns = ColumnNames(NullableString(row, 3));
                switch (row.GetString(2))
                {
                    case "p":
                        table.PrimaryKey = new DatabaseKeyConstraint(name, columns, isPrimary: true);
                        break;
                    case "u":
                        table.UniqueConstraints.Add(new DatabaseKeyConstraint(name, columns, isPrimary: false));
                        break;
                    case "f":
                        table.ForeignKeys.Add(new DatabaseForeignKey(name, columns, row.GetString(4), row.GetString(5), ColumnNames(NullableString(row, 6)))
                        {
                            OnDelete = OnDelete(NullableString(row, 7)),
                            IsValidated = row.GetBoolean(8),
                        });
                        break;
                    case "c":
                        table.CheckConstraints.Add(new DatabaseCheckConstraint(name, NullableString(row, 9) ?? string.Empty));
                        break;
                }
            }, cancellationToken).ConfigureAwait(false);

            await QueryAsync(PostgresCatalogQueries.Indexes, row =>
            {
                if (!tables.TryGetValue(row.GetInt64(0), out var table)) return;
                table.Indexes.Add(new DatabaseIndex(row.GetString(1), Names(NullableString(row, 7)), row.GetBoolean(2))
                {
                    IsPrimaryKey = row.GetBoolean(3),
                    IsValid = row.GetBoolean(4),
                    Method = row.GetString(5),
                    Predicate = NullableString(row, 6),
                });
            }, cancellationToken).ConfigureAwait(false);

            var history = schema.FindTable(historyTable.Schema, historyTable.Name);
            if (history is not null && !history.IsView && history.FindColumn("MigrationId") is not null)
            {
                var displayName = history.Schema == schema.DefaultSchema ? history.Name : history.QualifiedName;
                schema.Migrations = await ReadMigrationHistoryAsync(history, displayName, user, definedMigrationIds, cancellationToken).ConfigureAwait(false);
            }

            return schema;
        }

        /// <summary>
        /// The catalog is readable by every user, the history table only with SELECT on it: without that privilege the check
        /// goes on without the migration state and says which table it could not read.
        /// </summary>
        private async Task<MigrationHistory> ReadMigrationHistoryAsync(DatabaseTable history, string displayName, string? user, IEnumerable<string>? definedMigrationIds,
            CancellationToken cancellationToken)
        {
            const string savepoint = "schemalint_history";
            await _deadline.Bound(_transaction.SaveAsync(savepoint, cancellationToken), cancellationToken).ConfigureAwait(false);
            try
            {
                var applied = new List<string>();
                await QueryAsync($"SELECT \"MigrationId\" FROM {Quote(history.Schema)}.{Quote(history.Name)}", row => applied.Add(row.GetString(0)), cancellationToken).ConfigureAwait(false);
                return new MigrationHistory(displayName, applied, definedMigrationIds);
            }
            catch (DbException e) when (e.SqlState == InsufficientPrivilege)
            {
                await _deadline.Bound(_transaction.RollbackAsync(savepoint, cancellationToken), cancellationToken).ConfigureAwait(false);
                return MigrationHistory.Unreadable(displayName, $"{(user is null ? "the user" : $"user '{user}'")} has no SELECT privilege on it", definedMigrationIds);
            }
        }

        private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => QueryAsync(sql, _ => { }, cancellationToken);

        /// <summary>
        /// A command or reader abandoned by a timeout is not disposed: disposing reads the rest of its rows from a server that
        /// stopped sending them. It goes with its connection.
        /// </summary>
        private async Task QueryAsync(string sql, Action<DbDataReader> readRow, CancellationToken cancellationToken)
        {
            var command = CreateCommand(sql);
            DbDataReader? reader = null;
            var abandoned = false;
            try
            {
                reader = await _deadline.Bound(command.ExecuteReaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                while (await _deadline.Bound(reader.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false)) readRow(reader);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                abandoned = true;
                throw;
            }
            finally
            {
                if (!abandoned)
                {
                    reader?.Dispose();
                    command.Dispose();
                }
            }
        }

        private DbCommand CreateCommand(string sql)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            command.CommandTimeout = _deadline.RemainingSeconds;
            return command;
        }

        private static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

        private static int? NullableInt(DbDataReader row, int ordinal) =>
            row.IsDBNull(ordinal) ? null : Convert.ToInt32(row.GetValue(ordinal), CultureInfo.InvariantCulture);

        private static IReadOnlyList<string?> Names(string? json)
        {
            if (json is null) return Array.Empty<string?>();
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()).ToArray();
        }

        private static IReadOnlyList<string> ColumnNames(string? json) => Names(json).Where(n => n is not null).Select(n => n!).ToArray();

        private static string? OnDelete(string? code) => code switch
        {
            "a" => "NO ACTION",
            "r" => "RESTRICT",
            "c" => "CASCADE",
            "n" => "SET NULL",
            "d" => "SET DEFAULT",
            _ => null,
        };

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
