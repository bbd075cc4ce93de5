using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>SL6004: a key or unique index the model relies on is not enforced by the database.</summary>
    public sealed class DatabaseUniqueMissingRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DatabaseUniqueMissing,
            "Unique index or key missing from the database",
            "The model's {0} on {1} ({2}) has no unique index or constraint in the database; it accepts duplicates the model rules out. Fix: {3}",
            RuleCategories.Database,
            Severity.Warning,
            "A primary key, alternate key or unique index in the model that the live database does not enforce.",
            requiresDatabase: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var model = context.Model;
            var database = DatabaseRuleFacts.Database(context);
            foreach (var mapped in DatabaseRuleFacts.MappedTables(context))
            {
                var table = mapped.Table;
                if (table is null || table.IsView) continue;
                var entity = mapped.Entity;

                // Keys of derived types live on the root; owned and TPT-derived tables share their key columns with their owner or base.
                foreach (var key in entity.Keys)
                {
                    var columns = DatabaseRuleFacts.ColumnNames(model, entity, key.PropertyNames);
                    if (columns is null || columns.Any(c => table.FindColumn(c) is null) || IsEnforced(table, columns.Select(database.StoredName).ToArray(), partial: false)) continue;
                    var name = DatabaseSql.Quote(DatabaseSql.ConstraintName(key.IsPrimary ? "PK" : "AK", mapped.Name, key.IsPrimary ? new string[0] : columns));
                    var fixSql = database.Mending?.AddKey(mapped.Schema, mapped.Name, columns, key.IsPrimary)
                                 ?? (database.Provider == DatabaseProvider.Sqlite ? DatabaseSql.SqliteRebuild(key.IsPrimary ? "add a primary key to" : "add a unique constraint to")
                                     : DatabaseSql.AlterTable(mapped.Schema, mapped.Name, $"ADD CONSTRAINT {name} {(key.IsPrimary ? "PRIMARY KEY" : "UNIQUE")} ({DatabaseSql.Columns(columns)})"));
                    Report(context, mapped, key.PropertyNames[0], key.Location, key.IsPrimary ? "primary key" : "alternate key", columns, fixSql);
                }

                foreach (var index in entity.Indexes.Where(i => i.IsUnique))
                {
                    var columns = DatabaseRuleFacts.ColumnNames(model, entity, index.PropertyNames);
                    if (columns is null || columns.Any(c => table.FindColumn(c) is null) || IsEnforced(table, columns.Select(database.StoredName).ToArray(), partial: index.Filter is not null)) continue;
                    var fixSql = database.Mending?.CreateIndex(mapped.Schema, mapped.Name, columns, unique: true)
                                 ?? DatabaseSql.CreateIndex(mapped.Schema, mapped.Name, columns, unique: true, name: index.Name, filter: index.Filter,
                                     concurrently: database.Provider != DatabaseProvider.Sqlite);
                    Report(context, mapped, index.Name ?? index.PropertyNames[0], index.Location, "unique index" + (index.Name is null ? string.Empty : " " + index.Name), columns, fixSql);
                }
            }
        }

        /// <summary>
        /// A valid unique index on exactly these columns (any order) enforces the key; for a filtered model index a partial
        /// one counts too, since the database prints predicates in its own words and a full index is stricter anyway.
        /// </summary>
        private static bool IsEnforced(DatabaseTable table, IReadOnlyList<string> columns, bool partial) =>
            table.Indexes.Any(i => i.IsUnique && i.IsValid && (partial || i.Predicate is null) && DatabaseRuleFacts.SameColumnSet(i.Columns, columns))
            || (table.PrimaryKey is not null && DatabaseRuleFacts.SameColumnSet(table.PrimaryKey.Columns.ToArray<string?>(), columns))
            || table.UniqueConstraints.Any(u => DatabaseRuleFacts.SameColumnSet(u.Columns.ToArray<string?>(), columns));

        private static void Report(RuleContext context, MappedTable mapped, string member, SourceLocation? location, string what, IReadOnlyList<string> columns, string fixSql) =>
            context.Report(mapped.Entity, member, location ?? mapped.Entity.Location,
                DatabaseRuleFacts.FixProperties(mapped.Table!.QualifiedName, string.Join(", ", columns), fixSql), null,
                what, mapped.QualifiedName, DatabaseSql.Columns(columns), fixSql);
    }
}
