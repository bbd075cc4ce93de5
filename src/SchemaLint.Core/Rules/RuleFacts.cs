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
        public static bool IsComplete(ModelIndex index, EntityTypeModel entity, ModelCompleteness facts) => index.IsComplete(entity, facts);

        /// <summary>
        /// The leading columns of some index or key of the entity are exactly <paramref name="columns"/>, in order. A filtered
        /// index counts when its filter only leaves out rows where those columns are NULL (SQL Server's unique index on a
        /// nullable one-to-one key, <c>[X] IS NOT NULL</c>): a join or a delete never looks for a NULL key.
        /// </summary>
        public static bool IsCoveredByLeadingColumns(ModelIndex index, EntityTypeModel entity, IReadOnlyList<string> columns)
        {
            var types = index.SelfAndBaseTypes(entity);
            foreach (var type in types)
            {
                foreach (var key in type.Keys)
                {
                    if (StartsWith(key.PropertyNames, columns)) return true;
                }
            }

            foreach (var type in types)
            {
                foreach (var candidate in type.Indexes)
                {
                    if (StartsWith(candidate.PropertyNames, columns) && (candidate.Filter is null || ExcludesOnlyNulls(index, entity, candidate.Filter, columns))) return true;
                }
            }

            return false;
        }

        private static readonly Regex NotNullTerm = new Regex(
            @"^\s*[\[""`]?(?<column>[^\]""`\s()]+)[\]""`]?\s+IS\s+NOT\s+NULL\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex AndSeparator = new Regex(@"\s+AND\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The filter is a conjunction of <c>column IS NOT NULL</c> over some of <paramref name="propertyNames"/>' columns.</summary>
        private static bool ExcludesOnlyNulls(ModelIndex index, EntityTypeModel entity, string filter, IReadOnlyList<string> propertyNames)
        {
            var columnNames = new HashSet<string>(
                propertyNames.Select(name => index.FindProperty(entity, name) is { } property ? property.ColumnName ?? property.Name : name),
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

        public static bool IsForeignKeyProperty(ModelIndex index, EntityTypeModel entity, string propertyName) => index.IsForeignKeyProperty(entity, propertyName);

        public static bool IsKeyProperty(ModelIndex index, EntityTypeModel entity, string propertyName) => index.IsKeyProperty(entity, propertyName);

        public static bool IsPrimaryKeyProperty(ModelIndex index, EntityTypeModel entity, string propertyName) => index.IsKeyProperty(entity, propertyName, primaryOnly: true);

        public static bool IsNumeric(PropertyModel property) =>
            property.IsDecimal || property.IsFloatingPoint
            || property.IsClrType(ClrTypeNames.Int32) || property.IsClrType(ClrTypeNames.Int64) || property.IsClrType("System.Int16");

        /// <summary>
        /// A money-like name on a column that can hold money: a <c>Discount</c> stored as decimal(5,4), or with <c>[Range(0, 1)]</c>,
        /// is a fraction, not an amount.
        /// </summary>
        public static bool IsMoney(ModelIndex index, SchemaLintOptions options, PropertyModel property) =>
            index.Matches(options.MoneyNames, property.Name) && !IsFraction(property);

        /// <summary>Precision and scale leave at most one digit before the point, or the validation range ends at 1.</summary>
        public static bool IsFraction(PropertyModel property)
        {
            if (property.Precision.TryGet(out var precision) && precision is not null && property.Scale.TryGet(out var scale) && scale is not null
                && scale > 0 && precision - scale <= 1) return true;
            return property.RangeMaximum.TryGet(out var maximum) && maximum is not null && maximum <= 1;
        }

        /// <summary>A word of the name says the number records a movement, which goes both ways (<c>AdjustedQuantity</c>, <c>StockDelta</c>).</summary>
        public static bool IsSigned(ModelIndex index, SchemaLintOptions options, PropertyModel property)
        {
            foreach (var word in index.Name(property.Name).Words)
            {
                if (index.Matches(options.SignedNames, word)) return true;
            }

            return false;
        }

        /// <summary>A property in a TPH-derived type: its column is shared and nullable by design.</summary>
        public static bool IsTphDerived(SchemaModel model, EntityTypeModel entity) =>
            entity.BaseTypeName is not null && model.Root(entity).InheritanceStrategy.Is(InheritanceStrategy.Tph);

        public static bool IsTphDerived(ModelIndex index, EntityTypeModel entity) =>
            entity.BaseTypeName is not null && index.Root(entity).InheritanceStrategy.Is(InheritanceStrategy.Tph);

        public static string Describe(IReadOnlyList<string> columns) => string.Join(", ", columns);

        public static IReadOnlyDictionary<string, string> Properties(params (string Key, string Value)[] pairs)
        {
            // Sized once: hundreds of findings each carry a few of these.
            var properties = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
            foreach (var (key, value) in pairs) properties.Add(key, value);
            return properties;
        }
    }
}
