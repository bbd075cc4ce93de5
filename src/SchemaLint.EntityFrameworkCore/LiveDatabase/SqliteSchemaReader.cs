using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Reads a SQLite database's schema through plain ADO.NET (the application's own Microsoft.Data.Sqlite, no compile-time
    /// reference): sqlite_master and the table-valued pragmas, inside one transaction that is rolled back, on a connection
    /// opened <c>Mode=ReadOnly</c>. SQLite has one schema per database file, <c>main</c>.
    /// </summary>
    internal sealed class SqliteSchemaReader
    {
        public const string MainSchema = "main";

        private readonly DbConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly SessionDeadline _deadline;

        private SqliteSchemaReader(DbConnection connection, DbTransaction transaction, SessionDeadline deadline)
        {
            _connection = connection;
            _transaction = transaction;
            _deadline = deadline;
        }

        /// <param name="connection">An open connection.</param>
        public static async Task<DatabaseSchema> ReadAsync(DbConnection connection, (string? Schema, string Name) historyTable,
            IEnumerable<string>? definedMigrationIds, SessionDeadline deadline, CancellationToken cancellationToken)
        {
            // One read transaction: every query sees the same snapshot of the file.
            var transaction = await deadline.Bound(connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
            try
            {
                return await new SqliteSchemaReader(connection, transaction, deadline).ReadSchemaAsync(historyTable, definedMigrationIds, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                transaction.Dispose();
            }
        }

        private async Task<DatabaseSchema> ReadSchemaAsync((string? Schema, string Name) historyTable, IEnumerable<string>? definedMigrationIds, CancellationToken cancellationToken)
        {
            var schema = new DatabaseSchema(DatabaseProvider.Sqlite, MainSchema, DatabaseName(_connection.DataSource));
            var definitions = new Dictionary<DatabaseTable, SqliteTableDefinition>();
            var objects = new List<(string Name, string Type, string? Sql)>();
            await QueryAsync("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", null,
                row => objects.Add((row.GetString(0), row.GetString(1), NullableString(row, 2))), cancellationToken).ConfigureAwait(false);
            foreach (var (name, type, sql) in objects)
            {
                var table = schema.AddTable(new DatabaseTable(MainSchema, name) { IsView = type == "view" });
                var definition = SqliteTableDefinition.Parse(type == "table" ? sql : null);
                definitions[table] = definition;
                await ReadColumnsAsync(table, definition, sql, cancellationToken).ConfigureAwait(false);
                if (table.IsView) continue;
                await ReadIndexesAsync(table, cancellationToken).ConfigureAwait(false);
                foreach (var check in definition.Checks) table.CheckConstraints.Add(new DatabaseCheckConstraint(check.Name, check.Expression));
            }

            foreach (var table in schema.Tables.Where(t => !t.IsView))
                await ReadForeignKeysAsync(schema, table, definitions[table], cancellationToken).ConfigureAwait(false);

            var history = schema.FindTable(MainSchema, historyTable.Name);
            if (history is not null && !history.IsView && history.FindColumn("MigrationId") is not null)
            {
                var applied = new List<string>();
                await QueryAsync($"SELECT \"MigrationId\" FROM {Quote(history.Name)}", null, row => applied.Add(row.GetString(0)), cancellationToken).ConfigureAwait(false);
                schema.Migrations = new MigrationHistory(history.Name, applied, definedMigrationIds);
            }

            return schema;
        }

        private async Task ReadColumnsAsync(DatabaseTable table, SqliteTableDefinition definition, string? sql, CancellationToken cancellationToken)
        {
            var keyColumns = new SortedDictionary<int, string>();
            var columns = new List<(string Name, string Type)>();
            await QueryAsync("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo($table)", table.Name, row =>
            {
                var hidden = row.GetInt64(5);
                if (hidden == 1) return;
                var name = row.GetString(0);
                var type = NullableString(row, 1) ?? string.Empty;
                var keyOrdinal = (int)row.GetInt64(4);
                if (keyOrdinal > 0) keyColumns[keyOrdinal] = name;
                columns.Add((name, type));

                // A column SQLite declares PRIMARY KEY may hold NULL unless NOT NULL says otherwise, except the rowid alias.
                table.Columns.Add(new DatabaseColumn(name, type, isNullable: row.GetInt64(2) == 0 && !(keyOrdinal > 0 && IsRowIdAlias(type, sql)))
                {
                    DefaultSql = NullableString(row, 3),
                    IsGenerated = hidden is 2 or 3,
                });
            }, cancellationToken).ConfigureAwait(false);

            if (table.IsView || keyColumns.Count == 0) return;
            table.PrimaryKey = new DatabaseKeyConstraint(definition.PrimaryKeyName ?? string.Empty, keyColumns.Values, isPrimary: true);

            // An INTEGER PRIMARY KEY is the rowid: SQLite fills it (EF Core's "identity"), and the table's own b-tree is its index.
            if (keyColumns.Count == 1 && IsRowIdAlias(columns.First(c => c.Name == keyColumns.Values.First()).Type, sql))
            {
                table.FindColumn(keyColumns.Values.First())!.IsIdentity = true;
                table.Indexes.Add(new DatabaseIndex(definition.PrimaryKeyName ?? string.Empty, keyColumns.Values, isUnique: true) { IsPrimaryKey = true, Method = "btree" });
            }
        }

        /// <summary>Only the exact type name INTEGER makes a primary key the rowid, and only in a table that has one.</summary>
        private static bool IsRowIdAlias(string type, string? createTable) =>
            string.Equals(type.Trim(), "INTEGER", StringComparison.OrdinalIgnoreCase)
            && (createTable is null || createTable.IndexOf("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase) < 0);

        private async Task ReadIndexesAsync(DatabaseTable table, CancellationToken cancellationToken)
        {
            var indexes = new List<(string Name, bool Unique, string Origin, bool Partial)>();
            await QueryAsync("SELECT name, \"unique\", origin, partial FROM pragma_index_list($table)", table.Name,
                row => indexes.Add((row.GetString(0), row.GetInt64(1) != 0, row.GetString(2), row.GetInt64(3) != 0)), cancellationToken).ConfigureAwait(false);
            foreach (var (name, unique, origin, partial) in indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var columns = new List<string?>();
                await QueryAsync("SELECT name, cid FROM pragma_index_xinfo($table) WHERE key = 1 ORDER BY seqno", name,
                    row => columns.Add(row.GetInt64(1) < 0 ? null : NullableString(row, 0)), cancellationToken).ConfigureAwait(false);
                string? predicate = null;
                if (partial)
                {
                    await QueryAsync("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $table", name,
                        row => predicate = PartialIndexPredicate(NullableString(row, 0)), cancellationToken).ConfigureAwait(false);
                }

                table.Indexes.Add(new DatabaseIndex(name, columns, unique) { IsPrimaryKey = origin == "pk", Method = "btree", Predicate = predicate });
                if (origin == "u") table.UniqueConstraints.Add(new DatabaseKeyConstraint(name, columns.Where(c => c is not null).Select(c => c!), isPrimary: false));
            }
        }

        /// <summary>The condition after WHERE; a partial index whose statement cannot be read still counts as partial.</summary>
        private static string PartialIndexPredicate(string? createIndex)
        {
            var where = createIndex?.LastIndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) ?? -1;
            return where < 0 ? "(partial)" : createIndex!.Substring(where + " WHERE ".Length).Trim();
        }

        private async Task ReadForeignKeysAsync(DatabaseSchema schema, DatabaseTable table, SqliteTableDefinition definition, CancellationToken cancellationToken)
        {
            var rows = new List<(long Id, string Principal, string From, string? To, string OnDelete)>();
            await QueryAsync("SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($table) ORDER BY id, seq", table.Name,
                row => rows.Add((row.GetInt64(0), row.GetString(1), row.GetString(2), NullableString(row, 3), row.GetString(4))), cancellationToken).ConfigureAwait(false);
            foreach (var constraint in rows.GroupBy(r => r.Id).OrderByDescending(g => g.Key))
            {
                var columns = constraint.Select(r => r.From).ToList();
                var principalName = constraint.First().Principal;

                // REFERENCES t without columns means t's primary key. SQLite compares table names without regard to case.
                var principal = schema.Tables.FirstOrDefault(t => string.Equals(t.Name, principalName, StringComparison.OrdinalIgnoreCase));
                var principalColumns = constraint.All(r => r.To is not null) ? constraint.Select(r => r.To!).ToList()
                    : principal?.PrimaryKey?.Columns.ToList() ?? new List<string>();
                table.ForeignKeys.Add(new DatabaseForeignKey(definition.ForeignKeyName(columns) ?? string.Empty, columns, MainSchema, principal?.Name ?? principalName, principalColumns)
                {
                    OnDelete = constraint.First().OnDelete,
                });
            }
        }

        private static string? DatabaseName(string? dataSource) =>
            string.IsNullOrEmpty(dataSource) ? null : Path.GetFileName(dataSource) is { Length: > 0 } file ? file : dataSource;

        private async Task QueryAsync(string sql, string? tableParameter, Action<DbDataReader> readRow, CancellationToken cancellationToken)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            command.CommandTimeout = _deadline.RemainingSeconds;
            if (tableParameter is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$table";
                parameter.Value = tableParameter;
                command.Parameters.Add(parameter);
            }

            using var reader = await _deadline.Bound(command.ExecuteReaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            while (await _deadline.Bound(reader.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false)) readRow(reader);
        }

        private static string? NullableString(DbDataReader row, int ordinal) =>
            row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal), CultureInfo.InvariantCulture);

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
