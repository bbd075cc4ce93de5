using System;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>SL6005: a check constraint or a column default the model declares is missing from the database.</summary>
    public sealed class DatabaseCheckOrDefaultMissingRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DatabaseCheckOrDefaultMissing,
            "Check constraint or default missing from the database",
            "{0} on {1} is declared in the model but missing from the database; {2}. Fix: {3}",
            RuleCategories.Database,
            Severity.Warning,
            "A check constraint (matched by name) or a column default (HasDefaultValue, HasDefaultValueSql) in the model that the live database lacks.",
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

                foreach (var check in entity.CheckConstraints)
                {
                    if (check.Name.Length == 0 || table.CheckConstraints.Any(c => string.Equals(c.Name, database.StoredName(check.Name), StringComparison.Ordinal))) continue;
                    var fixSql = database.Mending?.AddCheckConstraint(mapped.Schema, mapped.Name, check.Name)
                        ?? (database.Provider == DatabaseProvider.Sqlite ? DatabaseSql.SqliteRebuild("add a check constraint to")
                        : check.Sql.Length == 0
                        ? null
                        : DatabaseSql.AlterTable(mapped.Schema, mapped.Name, $"ADD CONSTRAINT {DatabaseSql.Quote(check.Name)} CHECK ({check.Sql}) NOT VALID")
                          + " " + DatabaseSql.AlterTable(mapped.Schema, mapped.Name, $"VALIDATE CONSTRAINT {DatabaseSql.Quote(check.Name)}"));
                    context.Report(entity, check.Name, check.Location ?? entity.Location,
                        DatabaseRuleFacts.FixProperties(table.QualifiedName, null, fixSql), null,
                        $"Check constraint {DatabaseSql.Quote(check.Name)}", mapped.QualifiedName,
                        "the database accepts rows the constraint rules out", fixSql ?? "add the constraint with the model's condition");
                }

                foreach (var property in DatabaseRuleFacts.ColumnProperties(model, entity))
                {
                    if (string.IsNullOrEmpty(property.ColumnName)) continue;
                    var column = table.FindColumn(property.ColumnName!);
                    if (column is null || column.DefaultSql is not null || column.IsIdentity || column.IsGenerated) continue;
                    var defaultSql = DeclaredDefault(property);
                    if (defaultSql is null) continue;
                    var fixSql = database.Provider == DatabaseProvider.Sqlite
                        ? database.Mending?.AlterColumn(mapped.Schema, mapped.Name, column.Name) ?? DatabaseSql.SqliteRebuild("give a default to a column of")
                        : defaultSql.Length == 0
                        ? null
                        : DatabaseSql.AlterTable(mapped.Schema, mapped.Name, $"ALTER COLUMN {DatabaseSql.Quote(column.Name)} SET DEFAULT {defaultSql}");
                    context.Report(entity, property.Name, property.Location ?? entity.Location,
                        DatabaseRuleFacts.FixProperties(table.QualifiedName, column.Name, fixSql), null,
                        $"The default of column {DatabaseSql.Quote(column.Name)}", mapped.QualifiedName,
                        "inserts that leave the column out get NULL or fail instead of the default",
                        fixSql ?? "set the default the model's HasDefaultValue names");
                }
            }
        }

        /// <summary>The default's SQL; empty when the model has a constant default whose SQL the front end did not give; null for none.</summary>
        private static string? DeclaredDefault(PropertyModel property)
        {
            if (property.DefaultValueSql.TryGet(out var sql) && !string.IsNullOrEmpty(sql)) return sql;
            if (!property.HasDefaultValue.Is(true)) return null;
            return property.DefaultValueLiteral.TryGet(out var literal) && literal is not null ? literal : string.Empty;
        }
    }
}
