using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

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

        /// <summary>
        /// The leading columns of some index or key of the entity are exactly <paramref name="columns"/>, in order. A filtered
        /// index counts when its filter only leaves out rows where those columns are NULL (SQL Server's unique index on a
        /// nullable one-to-one key, <c>[X] IS NOT NULL</c>): a join or a delete never looks for a NULL key.
        /// </summary>
        public static bool IsCoveredByLeadingColumns(SchemaModel model, EntityTypeModel entity, IReadOnlyList<string> columns) =>
            model.AllKeys(entity).Any(k => StartsWith(k.PropertyNames, columns))
            || model.AllIndexes(entity).Any(i => StartsWith(i.PropertyNames, columns) && (i.Filter is null || ExcludesOnlyNulls(model, entity, i.Filter, columns)));

        private static readonly Regex NotNullTerm = new Regex(
            @"^\s*[\[""`]?(?<column>[^\]""`\s()]+)[\]""`]?\s+IS\s+NOT\s+NULL\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex AndSeparator = new Regex(@"\s+AND\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The filter is a conjunction of <c>column IS NOT NULL</c> over some of <paramref name="propertyNames"/>' columns.</summary>
        private static bool ExcludesOnlyNulls(SchemaModel model, EntityTypeModel entity, string filter, IReadOnlyList<string> propertyNames)
        {
            var columnNames = new HashSet<string>(
                propertyNames.Select(name => model.FindProperty(entity, name) is { } property ? property.ColumnName ?? property.Name : name),
                StringComparer.OrdinalIgnoreCase);
            var terms = AndSeparator.Split(StripParentheses(filter));
            return terms.All(term =>
            {
                var match = NotNullTerm.Match(StripParentheses(term));
                return match.Success && columnNames.Contains(match.Groups["column"].Value);
            });
        }

        private static string StripParentheses(string sql)
        {
            var trimmed = sql.Trim();
            while (trimmed.Length > 1 && trimmed[0] == '(' && trimmed[trimmed.Length - 1] == ')' && IsOneGroup(trimmed)) trimmed = trimmed.Substring(1, trimmed.Length - 2).Trim();
            return trimmed;
        }

        // "(a) AND (b)" starts and ends with parentheses that do not enclose the whole.
        private static bool IsOneGroup(string sql)
        {
            var depth = 0;
            for (var i = 0; i < sql.Length; i++)
            {
                if (sql[i] == '(') depth++;
                else if (sql[i] == ')' && --depth == 0 && i < sql.Length - 1) return false;
            }

            return true;
        }

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

        /// <summary>
        /// A money-like name on a column that can hold money: a <c>Discount</c> stored as decimal(5,4), or with <c>[Range(0, 1)]</c>,
        /// is a fraction, not an amount.
        /// </summary>
        public static bool IsMoney(SchemaLintOptions options, PropertyModel property) =>
            options.MoneyNames.Matches(property.Name) && !IsFraction(property);

        /// <summary>Precision and scale leave at most one digit before the point, or the validation range ends at 1.</summary>
        public static bool IsFraction(PropertyModel property)
        {
            if (property.Precision.TryGet(out var precision) && precision is not null && property.Scale.TryGet(out var scale) && scale is not null
                && scale > 0 && precision - scale <= 1) return true;
            return property.RangeMaximum.TryGet(out var maximum) && maximum is not null && maximum <= 1;
        }

        /// <summary>A word of the name says the number records a movement, which goes both ways (<c>AdjustedQuantity</c>, <c>StockDelta</c>).</summary>
        public static bool IsSigned(SchemaLintOptions options, PropertyModel property) =>
            NameVocabulary.SplitWords(property.Name).Any(options.SignedNames.Matches);

        /// <summary>A property in a TPH-derived type: its column is shared and nullable by design.</summary>
        public static bool IsTphDerived(SchemaModel model, EntityTypeModel entity) =>
            entity.BaseTypeName is not null && model.Root(entity).InheritanceStrategy.Is(InheritanceStrategy.Tph);

        public static string Describe(IReadOnlyList<string> columns) => string.Join(", ", columns);

        public static IReadOnlyDictionary<string, string> Properties(params (string Key, string Value)[] pairs) =>
            pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
