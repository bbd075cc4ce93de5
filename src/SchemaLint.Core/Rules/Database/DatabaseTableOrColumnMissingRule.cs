using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>SL6006: the model maps to a table or column the database does not have (usually pending migrations).</summary>
    public sealed class DatabaseTableOrColumnMissingRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DatabaseTableOrColumnMissing,
            "Table or column missing from the database",
            "The model expects {0}, which the database does not have; {1} Fix: {2}",
            RuleCategories.Database,
            Severity.Warning,
            "A table or column the model maps to is missing from the live database; the finding names the migration state when __EFMigrationsHistory exists.",
            requiresDatabase: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var model = context.Model;
            var database = DatabaseRuleFacts.Database(context);
            var state = MigrationState(database);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var mappedTables = DatabaseRuleFacts.MappedTables(context).ToList();
            foreach (var mapped in mappedTables)
            {
                if (mapped.Table is null)
                {
                    // TPH types, owned types and split entities share one table: report it once, on its first entity.
                    if (!reported.Add(mapped.QualifiedName)) continue;
                    var sharing = mappedTables.Where(m => m.QualifiedName == mapped.QualifiedName).Select(m => m.Entity).ToList();
                    var fixSql = database.Mending?.CreateTable(mapped.Schema, mapped.Name) ?? CreateTable(model, mapped, sharing);
                    context.Report(mapped.Entity, null, mapped.Entity.Location,
                        DatabaseRuleFacts.FixProperties(mapped.Schema + "." + mapped.Name, null, fixSql), null,
                        $"table {mapped.QualifiedName} (for {mapped.Entity.ShortName})", state,
                        fixSql is null ? "apply the pending migrations" : "apply the pending migrations, or " + fixSql);
                    continue;
                }

                foreach (var property in DatabaseRuleFacts.ColumnProperties(model, mapped.Entity))
                {
                    if (string.IsNullOrEmpty(property.ColumnName) || mapped.Table.FindColumn(property.ColumnName!) is not null) continue;
                    if (!reported.Add(mapped.QualifiedName + "." + property.ColumnName)) continue;
                    var definition = ColumnDefinition(property);
                    var fixSql = mapped.Table.IsView ? null
                        : database.Mending?.AddColumn(mapped.Schema, mapped.Name, property.ColumnName!)
                          ?? (definition is null ? null : DatabaseSql.AlterTable(mapped.Schema, mapped.Name, "ADD COLUMN " + definition));
                    context.Report(mapped.Entity, property.Name, property.Location ?? mapped.Entity.Location,
                        DatabaseRuleFacts.FixProperties(mapped.Table.QualifiedName, property.ColumnName, fixSql), null,
                        $"column {mapped.QualifiedName}.{DatabaseSql.Quote(property.ColumnName!)} (for {mapped.Entity.ShortName}.{property.Name})", state,
                        fixSql is null ? "apply the pending migrations" : "apply the pending migrations, or " + fixSql);
                }
            }
        }

        private static string MigrationState(DatabaseSchema database)
        {
            var history = database.Migrations;
            if (history is null) return "the database has no migrations history table, so it was not built by EF Core migrations (or they ran elsewhere).";
            if (!history.IsReadable) return history.Describe() + ", so the migration state is unknown.";
            return history.Describe() + (history.PendingMigrationIds.Count > 0 || history.DefinedMigrationIds is null ? ": pending migrations?" : ": a migration may have been edited after it ran, or the schema changed by hand.");
        }

        /// <summary>CREATE TABLE with every column of every type sharing the table, when the model knows every column's type.</summary>
        private static string? CreateTable(SchemaModel model, MappedTable mapped, IReadOnlyList<EntityTypeModel> sharing)
        {
            var definitions = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entity in sharing)
            {
                foreach (var property in DatabaseRuleFacts.ColumnProperties(model, entity))
                {
                    if (string.IsNullOrEmpty(property.ColumnName) || !seen.Add(property.ColumnName!)) continue;
                    var definition = ColumnDefinition(property);
                    if (definition is null) return null;
                    definitions.Add(definition);
                }
            }

            if (definitions.Count == 0) return null;
            var primaryKey = model.AllKeys(mapped.Entity).FirstOrDefault(k => k.IsPrimary);
            var keyColumns = primaryKey is null ? null : DatabaseRuleFacts.ColumnNames(model, mapped.Entity, primaryKey.PropertyNames);
            if (keyColumns is not null)
                definitions.Add($"CONSTRAINT {DatabaseSql.Quote(DatabaseSql.ConstraintName("PK", mapped.Name, new string[0]))} PRIMARY KEY ({DatabaseSql.Columns(keyColumns)})");
            return new StringBuilder("CREATE TABLE ").Append(DatabaseSql.Table(mapped.Schema, mapped.Name)).Append(" (")
                .Append(string.Join(", ", definitions)).Append(");").ToString();
        }

        private static string? ColumnDefinition(PropertyModel property)
        {
            var type = property.ProviderStoreType.TryGet(out var providerType) && providerType is not null ? providerType
                : property.StoreType.TryGet(out var explicitType) ? explicitType : null;
            if (type is null || !property.IsColumnNullable.TryGet(out var nullable)) return null;
            var definition = new StringBuilder(DatabaseSql.Quote(property.ColumnName!)).Append(' ').Append(type);
            if (property.DefaultValueSql.TryGet(out var defaultSql) && !string.IsNullOrEmpty(defaultSql)) definition.Append(" DEFAULT ").Append(defaultSql);
            else if (property.DefaultValueLiteral.TryGet(out var literal) && literal is not null) definition.Append(" DEFAULT ").Append(literal);
            if (!nullable) definition.Append(" NOT NULL");
            return definition.ToString();
        }
    }
}
