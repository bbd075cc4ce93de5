using System;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7004: an AlterColumn that cuts values (shorter, less precise, another type family) or makes the database rewrite the table.</summary>
    public sealed class ColumnNarrowedOrRewrittenRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.ColumnNarrowedOrRewritten,
            "Column type narrowed or changed in a way that rewrites the table",
            "Migration '{0}' changes {1} from {2} to {3}: {4}",
            RuleCategories.Migrations,
            Severity.Warning,
            "AlterColumn on an existing table whose new type holds less (shorter text, fewer digits, another type family) or whose change makes the database rewrite every row under an exclusive lock (integer widening).",
            requiresMigrations: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var (migration, index, operation) in MigrationRuleFacts.Operations(context))
            {
                if (operation.Kind != MigrationOperationKind.AlterColumn || operation.Column is null || operation.OldColumn is null) continue;
                if (MigrationRuleFacts.IsCreatedEarlierInMigration(migration, index, operation.Table, operation.Schema)) continue;
                var after = ColumnShape.Of(operation.Column);
                var before = ColumnShape.Of(operation.OldColumn);
                if (after is null || before is null) continue;
                var verdict = Judge(context.Provider, before, after);
                if (verdict is null) continue;
                MigrationRuleFacts.Report(context, migration, operation, MigrationRuleFacts.ShortName(migration), MigrationRuleFacts.Column(operation, operation.Name),
                    before.Describe(operation.OldColumn), after.Describe(operation.Column), verdict);
            }
        }

        private const string Rewrite = " On a large table the database rewrites every row while it holds an exclusive lock that blocks reads and writes; add a new column, backfill it in batches, and switch over instead.";

        /// <summary>Why the change is unsafe, or null when it keeps every value and the database changes only its catalog.</summary>
        private static string? Judge(DatabaseProvider provider, ColumnShape before, ColumnShape after)
        {
            if (before.Family == "text" && after.Family == "text")
            {
                if (after.IsUnbounded) return null;
                if (before.IsUnbounded || (before.Length is { } old && after.Length is { } shorter && shorter < old))
                    return "longer values make the migration fail (PostgreSQL, SQL Server) or are cut (MySQL in non-strict mode), and every row is checked under an exclusive lock." + Rewrite;
                return null;
            }

            if (before.Family == "numeric" && after.Family == "numeric")
            {
                if (before.Precision is not { } p0 || after.Precision is not { } p1) return null;
                int s0 = before.Scale ?? 0, s1 = after.Scale ?? 0;
                if (s1 < s0) return "digits after the decimal point are rounded away." + Rewrite;
                if (p1 - s1 < p0 - s0) return "values with more integer digits no longer fit and make the migration fail." + Rewrite;
                if (s1 != s0 && provider == DatabaseProvider.PostgreSql) return "a change of scale keeps the values but PostgreSQL rewrites the table." + Rewrite;
                return null;
            }

            if (before.Family == "integer" && after.Family == "integer")
            {
                if (after.IntegerRank < before.IntegerRank) return "values beyond the smaller type's range make the migration fail." + Rewrite;
                if (after.IntegerRank > before.IntegerRank && (provider == DatabaseProvider.PostgreSql || provider == DatabaseProvider.SqlServer))
                    return "widening keeps every value, but the database rewrites the table to store the wider type." + Rewrite;
                return null;
            }

            if (string.Equals(before.BaseType, after.BaseType, StringComparison.Ordinal)) return null;
            return "a change of type family converts every value: values that do not convert make the migration fail, others may change meaning (PostgreSQL needs a USING clause, which EF Core does not write)." + Rewrite;
        }
    }
}
