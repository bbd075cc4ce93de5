using System;
using System.Linq;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>SL6002: the model has a relationship, the database has no constraint enforcing it.</summary>
    public sealed class DatabaseForeignKeyMissingRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DatabaseForeignKeyMissing,
            "Foreign key constraint missing from the database",
            "The relationship {0} maps to {1} ({2}) -> {3}, but the database has no foreign-key constraint there; it accepts {1} rows that point at nothing. Fix: {4}",
            RuleCategories.Database,
            Severity.Warning,
            "A relationship in the model whose foreign-key constraint the live database lacks (dropped by hand, or never migrated).",
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
                foreach (var foreignKey in mapped.Entity.ForeignKeys)
                {
                    var principal = model.Principal(foreignKey);
                    if (principal is null || !RuleFacts.IsKnownTable(principal) || string.IsNullOrEmpty(principal.TableName)) continue;

                    // EF Core creates no constraint into a TPC hierarchy (its rows are spread over tables) or within one table (table splitting).
                    if (!model.Root(principal).InheritanceStrategy.IsKnown || model.Root(principal).InheritanceStrategy.Is(InheritanceStrategy.Tpc)) continue;
                    var principalSchema = database.SchemaOf(principal.Schema);
                    if (principalSchema == mapped.Schema && principal.TableName == mapped.Name) continue;

                    var columns = DatabaseRuleFacts.ColumnNames(model, mapped.Entity, foreignKey.PropertyNames);
                    if (columns is null || columns.Any(c => table.FindColumn(c) is null)) continue;
                    var storedColumns = columns.Select(database.StoredName).ToArray();
                    var constrained = table.ForeignKeys.Any(fk =>
                        DatabaseRuleFacts.SameColumnSet(fk.Columns.ToArray<string?>(), storedColumns)
                        && fk.PrincipalTable == database.StoredName(principal.TableName!) && fk.PrincipalSchema == database.StoredName(principalSchema));
                    if (constrained) continue;

                    var principalKey = foreignKey.PrincipalKeyPropertyNames.Count > 0 ? foreignKey.PrincipalKeyPropertyNames : model.AllKeys(principal).FirstOrDefault(k => k.IsPrimary)?.PropertyNames;
                    var principalColumns = principalKey is null ? null : DatabaseRuleFacts.ColumnNames(model, principal, principalKey);
                    var fixSql = database.Mending?.AddForeignKey(mapped.Schema, mapped.Name, columns, principalSchema, principal.TableName!)
                                 ?? (database.Provider == DatabaseProvider.Sqlite ? DatabaseSql.SqliteRebuild("add a foreign key to")
                                     : FixSql(mapped, principalSchema, principal.TableName!, columns, principalColumns, foreignKey));
                    context.Report(mapped.Entity, foreignKey.DependentNavigation ?? foreignKey.PropertyNames[0], foreignKey.Location ?? mapped.Entity.Location,
                        DatabaseRuleFacts.FixProperties(table.QualifiedName, string.Join(", ", columns), fixSql), null,
                        foreignKey.Describe(), mapped.QualifiedName, DatabaseSql.Columns(columns), DatabaseSql.Table(principalSchema, principal.TableName!), fixSql);
                }
            }
        }

        /// <summary>Adds the constraint NOT VALID, then validates it: the validation scan takes no lock that blocks writes.</summary>
        private static string FixSql(MappedTable mapped, string principalSchema, string principalTable, System.Collections.Generic.IReadOnlyList<string> columns,
            System.Collections.Generic.IReadOnlyList<string>? principalColumns, ForeignKeyModel foreignKey)
        {
            var name = DatabaseSql.ConstraintName("FK", mapped.Name, new[] { principalTable }.Concat(columns));
            var references = DatabaseSql.Table(principalSchema, principalTable) + (principalColumns is null ? string.Empty : " (" + DatabaseSql.Columns(principalColumns) + ")");
            var onDelete = foreignKey.DeleteBehavior.TryGet(out var behavior) ? OnDelete(behavior) : null;
            var add = DatabaseSql.AlterTable(mapped.Schema, mapped.Name,
                $"ADD CONSTRAINT {DatabaseSql.Quote(name)} FOREIGN KEY ({DatabaseSql.Columns(columns)}) REFERENCES {references}{(onDelete is null ? string.Empty : " ON DELETE " + onDelete)} NOT VALID");
            var validate = DatabaseSql.AlterTable(mapped.Schema, mapped.Name, $"VALIDATE CONSTRAINT {DatabaseSql.Quote(name)}");
            return add + " " + validate;
        }

        private static string? OnDelete(DeleteBehaviorKind behavior) => behavior switch
        {
            DeleteBehaviorKind.Cascade => "CASCADE",
            DeleteBehaviorKind.SetNull => "SET NULL",
            DeleteBehaviorKind.Restrict => "RESTRICT",
            _ => null,
        };
    }
}
