using System.Linq;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7006: a unique index on a table with rows fails on the first duplicate, unless a step removes them first.</summary>
    public sealed class UniqueIndexWithoutDeduplicationRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.UniqueIndexWithoutDeduplication,
            "Unique index added to an existing table without removing duplicates",
            "Migration '{0}' adds unique {1} {2} on {3} ({4}) with no earlier step that removes duplicates: if two rows already share a value the migration fails, after scanning and sorting the whole table{5}. Remove or merge duplicates first (migrationBuilder.Sql(\"DELETE ...\") or an UPDATE) in this migration before it, or check the data and mark the migration reviewed",
            RuleCategories.Migrations,
            Severity.Warning,
            "CreateIndex(unique: true) or AddUniqueConstraint on a table an earlier migration created, with no UPDATE or DELETE of that table earlier in the migration.",
            requiresMigrations: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var (migration, index, operation) in MigrationRuleFacts.Operations(context))
            {
                var isIndex = operation.Kind == MigrationOperationKind.CreateIndex && operation.IsUnique == true;
                if (!isIndex && operation.Kind != MigrationOperationKind.AddUniqueConstraint) continue;
                if (operation.Table is null || operation.Columns.Count == 0) continue;
                if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                if (OnlyNewNullableColumns(migration, index, operation)) continue;
                var deduplicated = MigrationRuleFacts.HasSqlStep(migration, index, Enumerable.Empty<MigrationModel>(), operation.Table, null, "DELETE", "UPDATE");
                if (deduplicated != false) continue;
                var concurrently = operation.IsConcurrent == true
                    ? " and, built CONCURRENTLY, leaves an INVALID index behind that must be dropped before a retry"
                    : string.Empty;
                MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration), isIndex ? "index" : "constraint",
                    MigrationRuleFacts.Quote(operation.Name), MigrationRuleFacts.Table(operation), MigrationRuleFacts.Columns(operation.Columns), concurrently);
            }
        }

        /// <summary>Columns this migration just added as nullable without a default hold only NULLs, which never collide.</summary>
        private static bool OnlyNewNullableColumns(MigrationModel migration, int index, MigrationOperation operation) =>
            operation.Columns.Any(c =>
                MigrationRuleFacts.ColumnAddedEarlierInMigration(migration, index, operation.Table!, operation.Schema, c) is { Column: { IsNullable: true, HasDefault: false } });
    }
}
