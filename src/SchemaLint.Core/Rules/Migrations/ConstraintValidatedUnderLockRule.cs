using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7005: adding a foreign key or check to a table with rows checks every row while the table is locked.</summary>
    public sealed class ConstraintValidatedUnderLockRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.ConstraintValidatedUnderLock,
            "Constraint added to an existing table and validated under a lock",
            "Migration '{0}' adds {1} {2} to existing table {3}: {4}",
            RuleCategories.Migrations,
            Severity.Warning,
            "AddForeignKey or AddCheckConstraint on a table an earlier migration created: the database checks every existing row while it holds a lock that blocks writes (PostgreSQL, SQL Server).",
            requiresMigrations: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            if (!MigrationRuleFacts.ProviderIs(context, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer)) return;
            foreach (var (migration, index, operation) in MigrationRuleFacts.Operations(context))
            {
                var isForeignKey = operation.Kind == MigrationOperationKind.AddForeignKey;
                if (!isForeignKey && operation.Kind != MigrationOperationKind.AddCheckConstraint) continue;
                if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                var table = MigrationRuleFacts.Table(operation);
                var name = MigrationRuleFacts.Quote(operation.Name);
                string advice;
                if (context.Provider == DatabaseProvider.PostgreSql)
                {
                    var locks = isForeignKey
                        ? $"PostgreSQL scans every row of {table} to validate it, holding a SHARE ROW EXCLUSIVE lock on {table} and on {MigrationRuleFacts.Quote(operation.PrincipalTable)} that blocks their writes until the scan ends"
                        : $"PostgreSQL scans every row of {table} to validate it under an ACCESS EXCLUSIVE lock that blocks reads and writes";
                    advice = locks + $". EF Core has no API for NOT VALID: replace the call with migrationBuilder.Sql(\"ALTER TABLE {table.Replace("\"", "\\\"")} ADD CONSTRAINT {name.Replace("\"", "\\\"")} ... NOT VALID;\") and, in a later statement or migration, migrationBuilder.Sql(\"ALTER TABLE ... VALIDATE CONSTRAINT {name.Replace("\"", "\\\"")};\"), which checks the rows without blocking writes";
                }
                else
                {
                    advice = $"SQL Server checks every row of {table} while it holds a schema-modification lock. Add it WITH NOCHECK through migrationBuilder.Sql, then run ALTER TABLE ... WITH CHECK CHECK CONSTRAINT {name} at a quiet time (until then the optimizer does not trust it)";
                }

                MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration), isForeignKey ? "foreign key" : "check constraint", name, table, advice);
            }
        }
    }
}
