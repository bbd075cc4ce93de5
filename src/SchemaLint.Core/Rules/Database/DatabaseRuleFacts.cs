using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>An entity type mapped to a table, with the table the database has for it (null when missing).</summary>
    internal sealed class MappedTable
    {
        public MappedTable(EntityTypeModel entity, string schema, string name, DatabaseTable? table)
        {
            Entity = entity;
            Schema = schema;
            Name = name;
            Table = table;
        }

        public EntityTypeModel Entity { get; }
        public string Schema { get; }
        public string Name { get; }
        public DatabaseTable? Table { get; }
        public string QualifiedName => DatabaseSql.Table(Schema, Name);
    }

    /// <summary>Questions the database-check rules ask of the model and the live schema, answered once so that they agree.</summary>
    internal static class DatabaseRuleFacts
    {
        public static DatabaseSchema Database(RuleContext context) =>
            context.Model.LiveDatabase ?? throw new InvalidOperationException("Database rules run only when the model carries a live database schema.");

        /// <summary>Entities (not excluded) whose rows live in a named table, each with the live table it maps to.</summary>
        public static IEnumerable<MappedTable> MappedTables(RuleContext context)
        {
            var database = Database(context);
            foreach (var entity in context.Entities)
            {
                if (!RuleFacts.IsKnownTable(entity) || string.IsNullOrEmpty(entity.TableName)) continue;
                var schema = database.SchemaOf(entity.Schema);
                yield return new MappedTable(entity, schema, entity.TableName!, database.FindTable(schema, entity.TableName!));
            }
        }

        /// <summary>The first entity type (roots and owners before derived and owned types) mapped to a live table, if any.</summary>
        public static EntityTypeModel? EntityFor(SchemaModel model, DatabaseSchema database, DatabaseTable table) =>
            model.Entities
                .Where(e => RuleFacts.IsKnownTable(e) && e.TableName is not null && string.Equals(database.StoredName(e.TableName), table.Name, StringComparison.Ordinal)
                            && string.Equals(database.StoredName(database.SchemaOf(e.Schema)), table.Schema, StringComparison.Ordinal))
                .OrderBy(e => e.IsOwned)
                .ThenBy(e => e.BaseTypeName is null ? 0 : 1)
                .FirstOrDefault();

        /// <summary>A live table the options exclude, by its mapped entity or by table pattern (unmapped tables count too).</summary>
        public static bool IsExcluded(RuleContext context, DatabaseTable table, EntityTypeModel? entity)
        {
            if (entity is not null && context.Options.IsExcluded(entity)) return true;
            return context.Options.ExcludedTables.Any(p => Wildcard.IsMatch(p, table.Name) || Wildcard.IsMatch(p, table.QualifiedName));
        }

        /// <summary>
        /// Properties whose columns live in the entity's own table: declared ones, plus inherited ones under TPC
        /// (each concrete type's table repeats its base's columns).
        /// </summary>
        public static IEnumerable<PropertyModel> ColumnProperties(SchemaModel model, EntityTypeModel entity) =>
            entity.BaseTypeName is not null && model.Root(entity).InheritanceStrategy.Is(InheritanceStrategy.Tpc)
                ? model.AllProperties(entity)
                : entity.Properties;

        /// <summary>The columns behind <paramref name="propertyNames"/>, in order; null when any is unknown.</summary>
        public static IReadOnlyList<string>? ColumnNames(SchemaModel model, EntityTypeModel entity, IReadOnlyList<string> propertyNames)
        {
            var columns = new List<string>(propertyNames.Count);
            foreach (var name in propertyNames)
            {
                var column = model.FindProperty(entity, name)?.ColumnName;
                if (string.IsNullOrEmpty(column)) return null;
                columns.Add(column!);
            }

            return columns;
        }

        /// <summary>
        /// Which hierarchies share each table, indexed once per model so that asking for every column stays linear in the
        /// model's size.
        /// </summary>
        public sealed class TableSharing
        {
            private readonly SchemaModel _model;
            private readonly Dictionary<(string?, string?), HashSet<EntityTypeModel>> _rootsByTable = new Dictionary<(string?, string?), HashSet<EntityTypeModel>>();

            public TableSharing(SchemaModel model)
            {
                _model = model;
                foreach (var entity in model.Entities)
                {
                    if (!RuleFacts.IsKnownTable(entity)) continue;
                    var key = (entity.Schema, entity.TableName);
                    if (!_rootsByTable.TryGetValue(key, out var roots)) _rootsByTable[key] = roots = new HashSet<EntityTypeModel>();
                    roots.Add(model.Root(entity));
                }
            }

            /// <summary>
            /// The table shares rows with types outside the entity's own hierarchy (owned types, table splitting) or the
            /// entity is TPH-derived: its columns may be nullable in the table though the property is required.
            /// </summary>
            public bool MayBeNullable(EntityTypeModel entity)
            {
                if (RuleFacts.IsTphDerived(_model, entity) || entity.IsOwned) return true;
                if (!_rootsByTable.TryGetValue((entity.Schema, entity.TableName), out var roots)) return false;
                var root = _model.Root(entity);
                return roots.Any(other => !ReferenceEquals(other, root));
            }
        }

        public static bool SameColumnSet(IReadOnlyList<string?> a, IReadOnlyList<string> b) =>
            a.Count == b.Count && a.All(c => c is not null) && new HashSet<string>(a!, StringComparer.Ordinal).SetEquals(b);

        public static IReadOnlyDictionary<string, string> FixProperties(string table, string? columns, string? fixSql)
        {
            var pairs = new List<(string, string)> { (FindingProperties.Table, table) };
            if (columns is not null) pairs.Add((FindingProperties.Column, columns));
            if (fixSql is not null) pairs.Add((FindingProperties.FixSql, fixSql));
            return RuleFacts.Properties(pairs.ToArray());
        }
    }
}
