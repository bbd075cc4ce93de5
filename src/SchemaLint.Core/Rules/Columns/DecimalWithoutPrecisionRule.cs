using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class DecimalWithoutPrecisionRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DecimalWithoutPrecision,
            "Decimal without precision and scale",
            "'{0}.{1}' is a decimal with no precision or scale; {2}",
            RuleCategories.Columns,
            Severity.Warning,
            "A decimal column with neither precision nor an explicit store type: SQL Server silently truncates it to decimal(18,2), PostgreSQL stores an unbounded numeric.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            // SQLite stores decimals as TEXT: precision means nothing there.
            if (context.Provider == DatabaseProvider.Sqlite) return;

            // Only a table's column type comes from the model; a view's or a query's comes from its SQL, JSON has none.
            if (entity.Mapping.IsNot(TableMappingKind.Table)) return;
            foreach (var property in entity.Properties)
            {
                if (!property.IsDecimal || !property.Precision.Is(null)) continue;
                if (!property.StoreType.TryGet(out var storeType) || (storeType is not null && storeType.IndexOf('(') >= 0)) continue;
                if (storeType is not null && !IsBareDecimalType(storeType)) continue;
                context.Report(entity, property.Name, property.Location, entity.ShortName, property.Name, Consequence(context.Provider));
            }
        }

        private static bool IsBareDecimalType(string storeType)
        {
            var type = storeType.Trim().ToLowerInvariant();
            return type == "decimal" || type == "numeric";
        }

        private static string Consequence(DatabaseProvider provider) => provider switch
        {
            DatabaseProvider.SqlServer => "SQL Server falls back to decimal(18,2) (decimal(18,0) for a bare store type) and silently rounds anything finer",
            DatabaseProvider.PostgreSql => "PostgreSQL stores an unbounded numeric that accepts any scale",
            DatabaseProvider.MySql => "the MySQL provider falls back to decimal(65,30), far wider than any amount needs",
            _ => "the database picks a default (SQL Server truncates to decimal(18,2), PostgreSQL stores an unbounded numeric)",
        };
    }
}
