using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model.Database
{
    /// <summary>
    /// The schema a live database actually has, as read from its catalog: what the database-check rules (SL6xxx)
    /// compare the model with. Provider-neutral; a reader for each provider fills it.
    /// </summary>
    public sealed class DatabaseSchema
    {
        private readonly List<DatabaseTable> _tables = new List<DatabaseTable>();
        private Dictionary<(string Schema, string Name), DatabaseTable>? _byName;

        public DatabaseSchema(DatabaseProvider provider, string defaultSchema, string? databaseName = null)
        {
            Provider = provider;
            DefaultSchema = defaultSchema ?? throw new ArgumentNullException(nameof(defaultSchema));
            DatabaseName = databaseName;
        }

        public DatabaseProvider Provider { get; }

        /// <summary>Where unqualified names live (PostgreSQL: the first schema on the search path, usually <c>public</c>).</summary>
        public string DefaultSchema { get; }

        public string? DatabaseName { get; }

        /// <summary>User tables; system catalogs and extension-owned tables are not read.</summary>
        public IReadOnlyList<DatabaseTable> Tables => _tables;

        /// <summary>The EF Core migrations history, or null when the database has no history table.</summary>
        public MigrationHistory? Migrations { get; set; }

        /// <summary>The SQL the application's migrations would write for a model element; null when the front end cannot ask.</summary>
        public IDatabaseMendingSql? Mending { get; set; }

        /// <summary>
        /// The longest identifier the server stores, in bytes (PostgreSQL's max_identifier_length, NAMEDATALEN - 1, normally 63);
        /// null when unknown. The server cuts longer names to it, so the model's long names are looked up cut the same way.
        /// </summary>
        public int? MaxIdentifierBytes { get; set; }

        /// <summary>The name as the server stores it: cut to <see cref="MaxIdentifierBytes"/> when that is known.</summary>
        public string StoredName(string name) => MaxIdentifierBytes is int limit ? DatabaseIdentifier.Truncate(name, limit) : name;

        public DatabaseTable AddTable(DatabaseTable table)
        {
            if (table is null) throw new ArgumentNullException(nameof(table));
            if (FindTable(table.Schema, table.Name) is not null)
                throw new InvalidOperationException($"The database schema already has a table {table.QualifiedName}.");
            _tables.Add(table);
            table.Owner = this;
            _byName = null;
            return table;
        }

        /// <summary>Finds a table by exact (quoted-identifier) name, as the server would store it; a null schema means the default schema.</summary>
        public DatabaseTable? FindTable(string? schema, string name)
        {
            _byName ??= _tables.ToDictionary(t => (t.Schema, t.Name));
            return _byName.TryGetValue((StoredName(SchemaOf(schema)), StoredName(name)), out var table) ? table : null;
        }

        /// <summary>
        /// The schema a table lives in when the model places it in <paramref name="modelSchema"/>: the default schema when the
        /// model names none, and always on SQLite, which has one schema per file (EF Core's SQLite provider ignores the model's).
        /// </summary>
        public string SchemaOf(string? modelSchema) => modelSchema is null || Provider == DatabaseProvider.Sqlite ? DefaultSchema : modelSchema;
    }

    /// <summary>The EF Core migrations history table's contents, and what the application defines beside it.</summary>
    public sealed class MigrationHistory
    {
        public MigrationHistory(string tableName, IEnumerable<string> appliedMigrationIds, IEnumerable<string>? definedMigrationIds = null)
        {
            TableName = tableName ?? throw new ArgumentNullException(nameof(tableName));
            AppliedMigrationIds = appliedMigrationIds?.OrderBy(id => id, StringComparer.Ordinal).ToArray() ?? throw new ArgumentNullException(nameof(appliedMigrationIds));
            DefinedMigrationIds = definedMigrationIds?.OrderBy(id => id, StringComparer.Ordinal).ToArray();
        }

        /// <summary>A history table the check could not read (for example without SELECT on it): the migration state is unknown.</summary>
        public static MigrationHistory Unreadable(string tableName, string reason, IEnumerable<string>? definedMigrationIds = null) =>
            new MigrationHistory(tableName, Array.Empty<string>(), definedMigrationIds) { UnreadableReason = reason ?? throw new ArgumentNullException(nameof(reason)) };

        /// <summary>Why the history table could not be read; null when it was read.</summary>
        public string? UnreadableReason { get; private set; }

        public bool IsReadable => UnreadableReason is null;

        /// <summary>The history table, schema-qualified when it is not in the default schema.</summary>
        public string TableName { get; }

        /// <summary>Migration ids recorded as applied, oldest first (ids start with a timestamp).</summary>
        public IReadOnlyList<string> AppliedMigrationIds { get; }

        /// <summary>Migration ids the application's migrations assembly defines; null when the front end could not tell.</summary>
        public IReadOnlyList<string>? DefinedMigrationIds { get; }

        public string? LatestApplied => AppliedMigrationIds.Count == 0 ? null : AppliedMigrationIds[AppliedMigrationIds.Count - 1];

        /// <summary>Migrations the application defines that the database has not applied; empty when unknown.</summary>
        public IReadOnlyList<string> PendingMigrationIds =>
            DefinedMigrationIds is null || !IsReadable
                ? Array.Empty<string>()
                : DefinedMigrationIds.Except(AppliedMigrationIds, StringComparer.Ordinal).ToArray();

        /// <summary>A short account for messages: "3 migrations applied, latest 20260101_Init; 1 pending (20260102_AddTags)".</summary>
        public string Describe()
        {
            if (!IsReadable) return $"{TableName} could not be read ({UnreadableReason})";
            var applied = AppliedMigrationIds.Count switch
            {
                0 => $"{TableName} is empty: no migration applied",
                1 => $"1 migration applied ({LatestApplied})",
                _ => $"{AppliedMigrationIds.Count} migrations applied, latest {LatestApplied}",
            };
            var pending = PendingMigrationIds;
            if (DefinedMigrationIds is null) return applied;
            if (pending.Count == 0) return applied + "; none pending";
            return applied + $"; {pending.Count} pending ({string.Join(", ", pending.Take(3))}{(pending.Count > 3 ? ", ..." : string.Empty)})";
        }
    }
}
