using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>SL6001: PostgreSQL does not index foreign keys by itself; this reads the database, so it sees tables EF does not map.</summary>
    public sealed class DatabaseForeignKeyNotIndexedRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DatabaseForeignKeyNotIndexed,
            "Foreign key not indexed in the database",
            "Foreign key {0} on {1} ({2}) has no index in the database whose leading columns cover it; joins from {3} and deletes of its rows scan {1}. Fix: {4}",
            RuleCategories.Database,
            Severity.Warning,
            "A foreign-key constraint in the live database with no valid, non-partial index whose leading columns are the constraint's columns, on any table (mapped by EF Core or not).",
            requiresDatabase: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var database = DatabaseRuleFacts.Database(context);
            foreach (var table in database.Tables)
            {
                if (table.IsView || table.ForeignKeys.Count == 0) continue;
                var entity = DatabaseRuleFacts.EntityFor(context.Model, database, table);
                if (DatabaseRuleFacts.IsExcluded(context, table, entity)) continue;
                foreach (var foreignKey in table.ForeignKeys)
                {
                    if (foreignKey.Columns.Count == 0 || table.Indexes.Any(i => Covers(i, foreignKey.Columns))) continue;
                    var fixSql = ModelIndexSql(database, entity, foreignKey.Columns) ?? DatabaseSql.CreateIndex(table.Schema, table.Name, foreignKey.Columns, concurrently: database.Provider != DatabaseProvider.Sqlite);
                    var member = entity is null ? foreignKey.Columns[0] : PropertyNameOf(context, entity, foreignKey.Columns[0]);
                    context.Report(entity, member, entity?.Location,
                        DatabaseRuleFacts.FixProperties(table.QualifiedName, string.Join(", ", foreignKey.Columns), fixSql), null,
                        DatabaseSql.Quote(foreignKey.Name), DatabaseSql.Table(table.Schema, table.Name), DatabaseSql.Columns(foreignKey.Columns),
                        DatabaseSql.Table(foreignKey.PrincipalSchema, foreignKey.PrincipalTable), fixSql);
                }
            }
        }

        /// <summary>
        /// A b-tree whose leading key columns are the foreign key's columns, in any order, serves the lookups a delete of the
        /// principal and a join need; a hash index serves a single-column key. Partial and invalid indexes do not count.
        /// </summary>
        private static bool Covers(DatabaseIndex index, IReadOnlyList<string> columns)
        {
            if (!index.IsValid || index.Predicate is not null || index.Columns.Count < columns.Count) return false;
            var method = index.Method ?? "btree";
            if (method == "hash") return columns.Count == 1 && index.Columns.Count == 1 && index.Columns[0] == columns[0];
            if (method != "btree") return false;
            return DatabaseRuleFacts.SameColumnSet(index.Columns.Take(columns.Count).ToArray(), columns);
        }

        /// <summary>The index the model declares (or EF Core's convention adds) for these columns, under the model's name.</summary>
        private static string? ModelIndexSql(DatabaseSchema database, Model.EntityTypeModel? entity, IReadOnlyList<string> columns) =>
            entity is null || database.Mending is null || string.IsNullOrEmpty(entity.TableName)
                ? null
                : database.Mending.CreateIndex(database.SchemaOf(entity.Schema), entity.TableName!, columns, unique: null);

        private static string PropertyNameOf(RuleContext context, Model.EntityTypeModel entity, string column) =>
            context.Model.AllProperties(entity).FirstOrDefault(p => string.Equals(p.ColumnName, column, StringComparison.Ordinal))?.Name ?? column;
    }
}
