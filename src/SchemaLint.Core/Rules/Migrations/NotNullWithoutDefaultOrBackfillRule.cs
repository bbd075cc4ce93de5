using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7002: NOT NULL reaches rows that have no value: an added column without a default, or NULLs nobody backfilled.</summary>
    public sealed class NotNullWithoutDefaultOrBackfillRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.NotNullWithoutDefaultOrBackfill,
            "NOT NULL column without a default or a backfill",
            "Migration '{0}' {1}",
            RuleCategories.Migrations,
            Severity.Warning,
            "AddColumn of a NOT NULL column without a default on an existing table, or AlterColumn from nullable to NOT NULL with no earlier UPDATE of that column: the migration fails on a table with rows (or with NULLs).",
            requiresMigrations: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var history = context.Model.Migrations!;
            foreach (var (migration, index, operation) in MigrationRuleFacts.Operations(context))
            {
                if (operation.Table is null || operation.Column is not { } column) continue;
                if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                var name = MigrationRuleFacts.Column(operation, operation.Name);
                if (operation.Kind == MigrationOperationKind.AddColumn)
                {
                    if (column.IsNullable != false || column.HasDefault != false || column.IsIdentity) continue;
                    MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration),
                        $"adds NOT NULL column {name} without a default to an existing table: on a table with rows the migration fails, since every existing row would hold NULL. Give the column a default (defaultValue or defaultValueSql; PostgreSQL 11+ adds a constant default without rewriting the table), or add it nullable, backfill it with migrationBuilder.Sql(\"UPDATE ...\") and make it NOT NULL in a later migration");
                }
                else if (operation.Kind == MigrationOperationKind.AlterColumn)
                {
                    if (column.IsNullable != false || operation.OldColumn?.IsNullable != true) continue;
                    // A chosen default fills the NULLs: EF Core's generators write UPDATE ... WHERE ... IS NULL before SET NOT NULL.
                    if (column.HasDefault != false && !column.IsPlaceholderDefault) continue;
                    var backfill = MigrationRuleFacts.HasSqlStep(migration, index, history.Before(migration), operation.Table, operation.Name, "UPDATE");
                    if (backfill != false) continue;
                    var lockAdvice = context.Provider == DatabaseProvider.PostgreSql
                        ? " On a large table SET NOT NULL also scans every row under an ACCESS EXCLUSIVE lock: add CHECK (... IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ uses the check and skips the scan)."
                        : string.Empty;
                    var what = column.IsPlaceholderDefault
                        ? "with only the scaffolded placeholder default, so EF Core's UPDATE turns every NULL into the CLR default (\"\", 0) and rows that had no value look as if they had one"
                        : "with no default and no earlier step that fills its NULLs: if any row holds NULL the migration fails";
                    MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration),
                        $"makes {name} NOT NULL {what}. Backfill with a real value first (migrationBuilder.Sql(\"UPDATE ... SET \\\"{operation.Name}\\\" = ... WHERE ... IS NULL\")), in this migration before the AlterColumn or in an earlier one.{lockAdvice}");
                }
            }
        }
    }
}
