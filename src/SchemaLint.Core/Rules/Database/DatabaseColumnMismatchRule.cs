using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>SL6003: a column's nullability, type or max length in the database is not what the model says.</summary>
    public sealed class DatabaseColumnMismatchRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DatabaseColumnMismatch,
            "Column differs from the model",
            "Column {0}.{1} is {2} in the database but {3} in the model; {4}. Fix: {5}",
            RuleCategories.Database,
            Severity.Warning,
            "A column's nullability, type or max length in the live database differs from the model's mapping.",
            requiresDatabase: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var model = context.Model;
            var sharing = new DatabaseRuleFacts.TableSharing(model);
            foreach (var mapped in DatabaseRuleFacts.MappedTables(context))
            {
                if (mapped.Table is null || mapped.Table.IsView) continue;
                foreach (var property in DatabaseRuleFacts.ColumnProperties(model, mapped.Entity))
                {
                    if (string.IsNullOrEmpty(property.ColumnName)) continue;
                    var column = mapped.Table.FindColumn(property.ColumnName!);
                    if (column is null) continue;
                    CompareNullability(context, sharing, mapped, property, column);
                    CompareType(context, mapped, property, column);
                }
            }
        }

        private static void CompareNullability(RuleContext context, DatabaseRuleFacts.TableSharing sharing, MappedTable mapped, PropertyModel property, DatabaseColumn column)
        {
            if (!property.IsColumnNullable.TryGet(out var modelNullable) || modelNullable == column.IsNullable) return;

            // A required property may sit in a column its table shares with optional rows (TPH siblings, owned types, table splitting).
            if (!modelNullable && sharing.MayBeNullable(mapped.Entity)) return;
            var fixSql = InPlaceOrRebuilt(context, mapped, column,
                $"ALTER COLUMN {DatabaseSql.Quote(column.Name)} {(modelNullable ? "DROP NOT NULL" : "SET NOT NULL")}");
            var consequence = modelNullable
                ? "inserts and updates that leave it empty fail"
                : "the database accepts NULLs the application does not expect (backfill them before SET NOT NULL)";
            Report(context, mapped, property, column, column.IsNullable ? "nullable" : "NOT NULL", modelNullable ? "nullable" : "NOT NULL", consequence, fixSql);
        }

        private static void CompareType(RuleContext context, MappedTable mapped, PropertyModel property, DatabaseColumn column)
        {
            var expected = ExpectedType(property, column);
            var sqlite = DatabaseRuleFacts.Database(context).Provider == DatabaseProvider.Sqlite;
            if (expected is null || !(sqlite ? SqliteAffinity.Differ(expected, column.DataType) : StoreTypeComparer.Differ(expected, column.DataType))) return;
            var fixSql = InPlaceOrRebuilt(context, mapped, column, $"ALTER COLUMN {DatabaseSql.Quote(column.Name)} TYPE {expected}");
            Report(context, mapped, property, column, column.DataType, expected,
                "values the model accepts may be rejected or cut, and queries compare different types", fixSql);
        }

        /// <summary>
        /// The type the model maps the column to: the provider's store type when the front end read it, the explicit
        /// column type otherwise; failing both, only a max length or precision the model states about a column the
        /// database stores as bounded text or numeric.
        /// </summary>
        private static string? ExpectedType(PropertyModel property, DatabaseColumn column)
        {
            if (property.ProviderStoreType.TryGet(out var providerType) && providerType is not null) return providerType;
            if (!property.StoreType.TryGet(out var explicitType)) return null;
            if (explicitType is not null) return explicitType;

            var databaseType = StoreTypeComparer.Canonicalize(column.DataType);
            if (databaseType is null) return null;
            if (property.IsString && databaseType.BaseName == "character varying" && property.MaxLength.TryGet(out var maxLength))
                return maxLength is null ? "text" : $"character varying({maxLength})";
            if (property.IsDecimal && databaseType.BaseName == "numeric" && property.Precision.TryGet(out var precision) && precision is not null
                && property.Scale.TryGet(out var scale))
                return $"numeric({precision},{scale ?? 0})";
            return null;
        }

        /// <summary>PostgreSQL alters the column in place; SQLite cannot, and the table is rebuilt as EF Core's migration rebuilds it.</summary>
        private static string InPlaceOrRebuilt(RuleContext context, MappedTable mapped, DatabaseColumn column, string alterColumn)
        {
            var database = DatabaseRuleFacts.Database(context);
            if (database.Provider != DatabaseProvider.Sqlite) return DatabaseSql.AlterTable(mapped.Schema, mapped.Name, alterColumn);
            return database.Mending?.AlterColumn(mapped.Schema, mapped.Name, column.Name) ?? DatabaseSql.SqliteRebuild("alter a column of");
        }

        private static void Report(RuleContext context, MappedTable mapped, PropertyModel property, DatabaseColumn column, string inDatabase, string inModel, string consequence, string fixSql) =>
            context.Report(mapped.Entity, property.Name, property.Location ?? mapped.Entity.Location,
                DatabaseRuleFacts.FixProperties(mapped.Table!.QualifiedName, column.Name, fixSql), null,
                mapped.QualifiedName, DatabaseSql.Quote(column.Name), inDatabase, inModel, consequence, fixSql);
    }
}
