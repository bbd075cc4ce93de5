using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>What every migration rule asks: which operations to judge, whether a table is new, and how to report.</summary>
    internal static class MigrationRuleFacts
    {
        /// <summary>Every operation of every migration that is not marked reviewed for the rule, with its position in its migration.</summary>
        public static IEnumerable<(MigrationModel Migration, int Index, MigrationOperation Operation)> Operations(RuleContext context)
        {
            var history = context.Model.Migrations;
            if (history is null) yield break;
            foreach (var migration in history.Migrations)
            {
                if (migration.IsReviewed(context.Rule.Id) || IsBeforeBaseline(context.Options, migration)) continue;
                for (var i = 0; i < migration.Operations.Count; i++)
                {
                    var operation = migration.Operations[i];
                    if (operation.Table is not null && IsExcludedTable(context.Options, operation.Schema, operation.Table)) continue;
                    yield return (migration, i, operation);
                }
            }
        }

        /// <summary>Before <c>schemalint.migrations_reviewed_before</c>: applied and reviewed long ago, still read as history.</summary>
        public static bool IsBeforeBaseline(SchemaLintOptions options, MigrationModel migration) =>
            options.MigrationsReviewedBefore is { } baseline && string.CompareOrdinal(migration.Id, baseline) < 0;

        /// <summary>
        /// A table this migration created before <paramref name="index"/>: it is empty while the migration runs, so what is
        /// slow or unsafe on a table with rows is harmless on it. Any other table ("existing") may hold rows.
        /// </summary>
        public static bool IsCreatedEarlierInMigration(MigrationModel migration, int index, string? table, string? schema)
        {
            if (table is null) return false;
            for (var i = 0; i < index && i < migration.Operations.Count; i++)
            {
                var operation = migration.Operations[i];
                if (operation.Kind == MigrationOperationKind.CreateTable && SameTable(operation, table, schema)) return true;
            }

            return false;
        }

        /// <summary>A column this migration added before <paramref name="index"/> to the table.</summary>
        public static MigrationOperation? ColumnAddedEarlierInMigration(MigrationModel migration, int index, string table, string? schema, string column) =>
            migration.Operations.Take(index).LastOrDefault(o =>
                o.Kind == MigrationOperationKind.AddColumn && SameTable(o, table, schema) && string.Equals(o.Name, column, StringComparison.Ordinal));

        public static bool SameTable(MigrationOperation operation, string table, string? schema) =>
            string.Equals(operation.Table, table, StringComparison.Ordinal)
            && (operation.Schema is null || schema is null || string.Equals(operation.Schema, schema, StringComparison.Ordinal));

        /// <summary>
        /// Raw SQL before <paramref name="index"/> in this migration (or anywhere in <paramref name="earlier"/> migrations) that
        /// runs one of <paramref name="verbs"/> and names the table: null when some step could not be read (unknown), so the
        /// rule stays silent.
        /// </summary>
        public static bool? HasSqlStep(MigrationModel migration, int index, IEnumerable<MigrationModel> earlier, string table, string? column, params string[] verbs)
        {
            if (!migration.IsFullyRead) return null;
            var steps = earlier.SelectMany(m => m.Operations).Concat(migration.Operations.Take(index)).Where(o => o.Kind == MigrationOperationKind.Sql);
            foreach (var step in steps)
            {
                if (step.Sql is null) return null;
                if (!verbs.Any(v => step.Sql.IndexOf(v, StringComparison.OrdinalIgnoreCase) >= 0)) continue;
                if (step.Sql.IndexOf(table, StringComparison.OrdinalIgnoreCase) < 0) continue;
                if (column is not null && step.Sql.IndexOf(column, StringComparison.OrdinalIgnoreCase) < 0) continue;
                return true;
            }

            return false;
        }

        /// <summary>
        /// The column as the history left it just before <paramref name="index"/> of <paramref name="migration"/>: created with
        /// its table, added, altered, renamed (tables too). Null when no migration read defines it.
        /// </summary>
        public static ColumnDefinition? ColumnBefore(MigrationHistory history, MigrationModel migration, int index, string table, string column)
        {
            var columns = new Dictionary<(string Table, string Column), ColumnDefinition>();
            foreach (var current in history.Migrations)
            {
                var count = ReferenceEquals(current, migration) ? index : current.Operations.Count;
                for (var i = 0; i < count; i++)
                {
                    var operation = current.Operations[i];
                    if (operation.Table is null) continue;
                    switch (operation.Kind)
                    {
                        case MigrationOperationKind.CreateTable:
                            foreach (var created in operation.TableColumns)
                                if (created.Name is not null) columns[(operation.Table, created.Name)] = created;
                            break;
                        case MigrationOperationKind.AddColumn:
                        case MigrationOperationKind.AlterColumn:
                            if (operation.Name is not null && operation.Column is not null) columns[(operation.Table, operation.Name)] = operation.Column;
                            break;
                        case MigrationOperationKind.RenameColumn:
                            if (operation.Name is not null && operation.NewName is not null && columns.TryGetValue((operation.Table, operation.Name), out var renamed))
                            {
                                columns.Remove((operation.Table, operation.Name));
                                columns[(operation.Table, operation.NewName)] = renamed;
                            }

                            break;
                        case MigrationOperationKind.RenameTable:
                            if (operation.NewName is null) break;
                            foreach (var key in columns.Keys.Where(k => k.Table == operation.Table).ToList())
                            {
                                columns[(operation.NewName, key.Column)] = columns[key];
                                columns.Remove(key);
                            }

                            break;
                    }
                }

                if (ReferenceEquals(current, migration)) break;
            }

            return columns.TryGetValue((table, column), out var definition) ? definition : null;
        }

        /// <summary><c>"Customers"</c>, or <c>"sales"."Customers"</c> with a schema.</summary>
        public static string Table(MigrationOperation operation) =>
            operation.Schema is null ? Quote(operation.Table) : Quote(operation.Schema) + "." + Quote(operation.Table);

        public static string Column(MigrationOperation operation, string? column) => Table(operation) + "." + Quote(column);

        public static string Columns(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(Quote));

        public static string Quote(string? name) => "\"" + (name ?? "?") + "\"";

        /// <summary>The migration's class name without its namespace, as a developer calls it.</summary>
        public static string ShortName(MigrationModel migration)
        {
            var dot = migration.Name.LastIndexOf('.');
            return dot < 0 ? migration.Name : migration.Name.Substring(dot + 1);
        }

        public static void Report(RuleContext context, MigrationModel migration, MigrationOperation? operation, params object?[] arguments)
        {
            var properties = new Dictionary<string, string>
            {
                [Engine.FindingProperties.Migration] = migration.Id,
                [Engine.FindingProperties.Provider] = context.Provider.ToString(),
            };
            if (operation?.Table is not null) properties[Engine.FindingProperties.Table] = operation.Schema is null ? operation.Table : operation.Schema + "." + operation.Table;
            context.Report(null, ShortName(migration), operation?.Location ?? migration.Location, properties, null, arguments);
        }

        /// <summary>True when the rule's provider is one of <paramref name="providers"/>; an unknown provider keeps provider-specific rules silent.</summary>
        public static bool ProviderIs(RuleContext context, params DatabaseProvider[] providers) => providers.Contains(context.Provider);

        private static bool IsExcludedTable(SchemaLintOptions options, string? schema, string table)
        {
            if (options.ExcludedTables.Count == 0) return false;
            var qualified = schema is null ? table : schema + "." + table;
            return options.ExcludedTables.Any(p => Wildcard.IsMatch(p, table) || Wildcard.IsMatch(p, qualified));
        }
    }
}
