using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules
{
    /// <summary>Questions several rules ask of the model, answered once so that they agree.</summary>
    internal static class RuleFacts
    {
        /// <summary>Rows live in a table the entity's own rules should judge (not a view, a query, JSON, or nothing).</summary>
        public static bool IsKnownTable(EntityTypeModel entity) => entity.Mapping.Is(TableMappingKind.Table);

        /// <summary>Entities exempt from demands on whole tables (keys, timestamps): owned, join, property-bag and keyless types.</summary>
        public static bool IsExemptFromTableDemands(EntityTypeModel entity) =>
            entity.IsOwned || entity.IsJoinEntity || entity.IsPropertyBag || !entity.IsKeyless.Is(false);

        /// <summary>
        /// The entity's collections and those of its base types are complete: rules that reason about absence read
        /// inherited keys, indexes and properties too, so an incomplete base type leaves them unsure.
        /// </summary>
        public static bool IsComplete(SchemaModel model, EntityTypeModel entity, ModelCompleteness facts) =>
            model.SelfAndBaseTypes(entity).All(e => e.IsComplete(facts));

        /// <summary>The leading columns of some index or key of the entity are exactly <paramref name="columns"/>, in order.</summary>
        public static bool IsCoveredByLeadingColumns(SchemaModel model, EntityTypeModel entity, IReadOnlyList<string> columns) =>
            model.AllKeys(entity).Any(k => StartsWith(k.PropertyNames, columns))
            || model.AllIndexes(entity).Any(i => i.Filter is null && StartsWith(i.PropertyNames, columns));

        public static bool StartsWith(IReadOnlyList<string> candidate, IReadOnlyList<string> prefix)
        {
            if (candidate.Count < prefix.Count) return false;
            for (var i = 0; i < prefix.Count; i++)
            {
                if (!string.Equals(candidate[i], prefix[i], StringComparison.Ordinal)) return false;
            }

            return true;
        }

        public static bool SameColumns(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Count == b.Count && StartsWith(a, b);

        public static bool IsForeignKeyProperty(SchemaModel model, EntityTypeModel entity, string propertyName) =>
            model.AllForeignKeys(entity).Any(fk => fk.PropertyNames.Contains(propertyName, StringComparer.Ordinal));

        public static bool IsKeyProperty(SchemaModel model, EntityTypeModel entity, string propertyName) =>
            model.AllKeys(entity).Any(k => k.PropertyNames.Contains(propertyName, StringComparer.Ordinal));

        public static bool IsPrimaryKeyProperty(SchemaModel model, EntityTypeModel entity, string propertyName) =>
            model.AllKeys(entity).Any(k => k.IsPrimary && k.PropertyNames.Contains(propertyName, StringComparer.Ordinal));

        public static bool IsNumeric(PropertyModel property) =>
            property.IsDecimal || property.IsFloatingPoint
            || property.IsClrType(ClrTypeNames.Int32) || property.IsClrType(ClrTypeNames.Int64) || property.IsClrType("System.Int16");

        /// <summary>A property in a TPH-derived type: its column is shared and nullable by design.</summary>
        public static bool IsTphDerived(SchemaModel model, EntityTypeModel entity) =>
            entity.BaseTypeName is not null && model.Root(entity).InheritanceStrategy.Is(InheritanceStrategy.Tph);

        public static string Describe(IReadOnlyList<string> columns) => string.Join(", ", columns);

        public static IReadOnlyDictionary<string, string> Properties(params (string Key, string Value)[] pairs) =>
            pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
