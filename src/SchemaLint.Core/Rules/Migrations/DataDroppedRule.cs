using System;
using System.Linq;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7003: a dropped column or table takes its data with it; a drop plus an add of the same type is usually a rename.</summary>
    public sealed class DataDroppedRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DataDropped,
            "Column or table dropped",
            "Migration '{0}' drops {1}: its data is gone once the migration runs, and Down brings back an empty {2}{3}. On a busy table the drop also waits for an exclusive lock behind every running query and blocks the queries queued after it: run it with a short lock timeout",
            RuleCategories.Migrations,
            Severity.Warning,
            "DropColumn or DropTable of a column or table an earlier migration created; a drop and an add of the same type on one table in one migration reads as a rename scaffolded as drop + add.",
            requiresMigrations: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var (migration, index, operation) in MigrationRuleFacts.Operations(context))
            {
                if (operation.Table is null) continue;
                if (operation.Kind == MigrationOperationKind.DropTable)
                {
                    if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                    var created = migration.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.CreateTable && o.Table is not null
                        && !string.Equals(o.Table, operation.Table, StringComparison.Ordinal) && o.TableColumns.Count > 0);
                    var hint = created is null ? ". If the data is still wanted, copy it out first (migrationBuilder.Sql), or mark the migration reviewed"
                        : $". The migration also creates table {MigrationRuleFacts.Table(created)}: if that is the same table renamed, use migrationBuilder.RenameTable, which keeps the rows";
                    MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration), "table " + MigrationRuleFacts.Table(operation), "table", hint);
                }
                else if (operation.Kind == MigrationOperationKind.DropColumn && operation.Name is not null)
                {
                    if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                    if (MigrationRuleFacts.ColumnAddedEarlierInMigration(migration, index, operation.Table, operation.Schema, operation.Name) is not null) continue;
                    var added = RenamedTo(migration, operation, MigrationRuleFacts.ColumnBefore(context.Model.Migrations!, migration, index, operation.Table, operation.Name));
                    var hint = added is null ? ". If the data is still wanted, copy it elsewhere first, or mark the migration reviewed"
                        : $". The migration also adds {MigrationRuleFacts.Quote(added.Name)} of the same type to the table: a rename scaffolded as drop + add loses every value; use migrationBuilder.RenameColumn(name: \"{operation.Name}\", table: \"{operation.Table}\", newName: \"{added.Name}\") instead";
                    MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration), "column " + MigrationRuleFacts.Column(operation, operation.Name), "column", hint);
                }
            }
        }

        /// <summary>An AddColumn of the same type on the same table in the same migration: what a renamed property scaffolds to.</summary>
        private static MigrationOperation? RenamedTo(MigrationModel migration, MigrationOperation drop, ColumnDefinition? dropped)
        {
            return migration.Operations.FirstOrDefault(o =>
                o.Kind == MigrationOperationKind.AddColumn && o.Column is not null && drop.Table is not null
                && MigrationRuleFacts.SameTable(o, drop.Table, drop.Schema)
                && !string.Equals(o.Name, drop.Name, StringComparison.Ordinal)
                && SameType(o.Column, dropped));
        }

        /// <summary>
        /// DropColumn states no type: the dropped column is the one the history left (created, added, altered, renamed).
        /// Unknown on either side: not a rename we can vouch for.
        /// </summary>
        private static bool SameType(ColumnDefinition added, ColumnDefinition? dropped)
        {
            if (dropped is null) return false;
            if (added.StoreType is not null && dropped.StoreType is not null) return string.Equals(added.StoreType, dropped.StoreType, StringComparison.OrdinalIgnoreCase);
            return added.ClrType is not null && string.Equals(added.ClrType, dropped.ClrType, StringComparison.Ordinal);
        }
    }
}
