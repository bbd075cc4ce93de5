using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7001: an index built on a table that may hold rows blocks its writes for as long as the build takes.</summary>
    public sealed class IndexWithoutConcurrentCreationRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.IndexWithoutConcurrentCreation,
            "Index created on an existing table without concurrent creation",
            "Migration '{0}' creates index {1} on existing table {2} {3}",
            RuleCategories.Migrations,
            Severity.Warning,
            "CreateIndex on a table an earlier migration created, without CREATE INDEX CONCURRENTLY (PostgreSQL) or ONLINE = ON (SQL Server): writes to the table wait for the whole build.",
            requiresMigrations: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            if (!MigrationRuleFacts.ProviderIs(context, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer)) return;
            foreach (var (migration, index, operation) in MigrationRuleFacts.Operations(context))
            {
                if (operation.Kind != MigrationOperationKind.CreateIndex || operation.IsConcurrent != false) continue;
                if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                var advice = context.Provider == DatabaseProvider.PostgreSql
                    ? "without CONCURRENTLY: CREATE INDEX holds a SHARE lock that blocks every INSERT, UPDATE and DELETE on a large table until the whole index is built. Add .Annotation(\"Npgsql:CreatedConcurrently\", true) to the CreateIndex call (IsCreatedConcurrently() in the model); Npgsql then runs that statement outside the migration's transaction, so keep it in a migration of its own"
                    : "offline: the build holds a lock that blocks writes (and, for a clustered index, reads) on a large table until it finishes. Add .Annotation(\"SqlServer:Online\", true) (IsCreatedOnline() in the model) where the edition supports online index operations";
                MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration), MigrationRuleFacts.Quote(operation.Name), MigrationRuleFacts.Table(operation), advice);
            }
        }
    }
}
