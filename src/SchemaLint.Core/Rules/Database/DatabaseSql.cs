using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>
    /// Writes the PostgreSQL that mends a finding. Identifiers are quoted only when PostgreSQL needs it, so the SQL
    /// reads as a person would write it (<c>public."Expenses"</c>, <c>public.expenses</c>).
    /// </summary>
    internal static class DatabaseSql
    {
        public const int MaxIdentifierLength = 63;

        private static readonly HashSet<string> ReservedWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both", "case",
            "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
            "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
            "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from",
            "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
            "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null",
            "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right",
            "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing",
            "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with",
        };

        public static string Quote(string identifier)
        {
            var plain = identifier.Length > 0 && (char.IsLower(identifier[0]) || identifier[0] == '_')
                        && identifier.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')
                        && !ReservedWords.Contains(identifier);
            return plain ? identifier : "\"" + identifier.Replace("\"", "\"\"") + "\"";
        }

        public static string Table(string schema, string name) => Quote(schema) + "." + Quote(name);

        public static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

        /// <summary>A name in EF Core's style (<c>IX_Expenses_UserId</c>), lower-case for snake-case tables, cut to PostgreSQL's limit.</summary>
        public static string ConstraintName(string prefix, string table, IEnumerable<string> parts)
        {
            var lower = table.ToLowerInvariant() == table;
            var name = (lower ? prefix.ToLowerInvariant() : prefix) + "_" + table + string.Concat(parts.Select(p => "_" + p));
            return Truncate(name);
        }

        /// <param name="concurrently">PostgreSQL's form that does not block writes; SQLite has no such form (nor needs one).</param>
        public static string CreateIndex(string schema, string table, IReadOnlyList<string> columns, bool unique = false, string? name = null, string? filter = null,
            bool concurrently = true)
        {
            var indexName = name ?? ConstraintName("IX", table, columns);
            var sql = new StringBuilder("CREATE ");
            if (unique) sql.Append("UNIQUE ");
            sql.Append(concurrently ? "INDEX CONCURRENTLY " : "INDEX ").Append(Quote(indexName)).Append(" ON ").Append(Table(schema, table))
                .Append(" (").Append(Columns(columns)).Append(')');
            if (!string.IsNullOrEmpty(filter)) sql.Append(" WHERE ").Append(filter);
            return sql.Append(';').ToString();
        }

        public static string AlterTable(string schema, string table, string action) => $"ALTER TABLE {Table(schema, table)} {action};";

        /// <summary>
        /// What to do on SQLite when the application's EF Core could not write the table rebuild: SQLite's ALTER TABLE only
        /// renames and adds columns, so nothing short of a rebuild adds a constraint or changes a column.
        /// </summary>
        public static string SqliteRebuild(string what) =>
            $"SQLite cannot {what} an existing table; add a migration for it, which EF Core writes as a rebuild of the table (create it anew, copy the rows, drop the old one, rename)";

        private static string Truncate(string name)
        {
            // PostgreSQL truncates identifiers to 63 bytes; cut here so the SQL names what the database will store.
            if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierLength) return name;
            var builder = new StringBuilder();
            foreach (var c in name)
            {
                if (Encoding.UTF8.GetByteCount(builder.ToString() + c) > MaxIdentifierLength) break;
                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
