using System;
using System.Globalization;
using System.Linq;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>What a column's type says about the values it holds: its family, length, precision and scale (SL7004).</summary>
    internal sealed class ColumnShape
    {
        private static readonly string[] LengthTypes = { "character varying", "varchar", "nvarchar", "char", "nchar", "character", "varbinary", "binary", "bit varying", "varchar2" };
        private static readonly string[] UnboundedText = { "text", "citext", "ntext", "clob" };
        private static readonly string[] NumericTypes = { "numeric", "decimal" };

        // Integer types from narrowest to widest; widening keeps every value but PostgreSQL and SQL Server rewrite every row.
        private static readonly string[][] IntegerRanks =
        {
            new[] { "tinyint" },
            new[] { "smallint", "int2" },
            new[] { "integer", "int", "int4" },
            new[] { "bigint", "int8" },
        };

        private ColumnShape(string family, string baseType, int? length, bool unbounded, int? precision, int? scale)
        {
            Family = family;
            BaseType = baseType;
            Length = length;
            IsUnbounded = unbounded;
            Precision = precision;
            Scale = scale;
        }

        /// <summary>"text", "numeric", "integer", or the base store type (or CLR type) for anything else.</summary>
        public string Family { get; }

        public string BaseType { get; }

        public int? Length { get; }

        /// <summary>Text or binary of no maximum length.</summary>
        public bool IsUnbounded { get; }

        public int? Precision { get; }

        public int? Scale { get; }

        public int IntegerRank => Array.FindIndex(IntegerRanks, r => r.Contains(BaseType));

        /// <summary>The shape of a column; null when neither a store type nor a CLR type is known.</summary>
        public static ColumnShape? Of(ColumnDefinition column)
        {
            if (column.StoreType is { Length: > 0 } storeType) return Parse(storeType, column);
            if (column.ClrType is null) return null;
            var clr = column.ClrType;
            if (clr == "String" || clr == "Byte[]")
            {
                // Without a store type, no max length says "unbounded" only as EF Core reads it; the rule needs it stated.
                return column.MaxLength is null ? null : new ColumnShape("text", clr, column.MaxLength, false, null, null);
            }

            if (clr == "Decimal") return new ColumnShape("numeric", clr, null, false, column.Precision, column.Scale);
            return new ColumnShape(clr, clr, null, false, null, null);
        }

        private static ColumnShape Parse(string storeType, ColumnDefinition column)
        {
            var text = storeType.Trim().ToLowerInvariant();
            var open = text.IndexOf('(');
            var baseType = text;
            string[] arguments = Array.Empty<string>();
            if (open > 0)
            {
                var close = text.IndexOf(')', open);
                if (close > open)
                {
                    arguments = text.Substring(open + 1, close - open - 1).Split(',').Select(a => a.Trim()).ToArray();
                    baseType = (text.Substring(0, open).Trim() + " " + text.Substring(close + 1).Trim()).Trim();
                }
            }

            if (LengthTypes.Contains(baseType))
            {
                if (arguments.Length == 1 && arguments[0] == "max") return new ColumnShape("text", baseType, null, true, null, null);
                if (arguments.Length == 1 && int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                    return new ColumnShape("text", baseType, length, false, null, null);
                // PostgreSQL's "character varying" without a length is unbounded; "char" alone is char(1).
                var unbounded = baseType == "character varying" || baseType == "varchar" || baseType == "bit varying";
                return new ColumnShape("text", baseType, unbounded ? (int?)null : column.MaxLength ?? 1, unbounded && column.MaxLength is null, null, null);
            }

            if (UnboundedText.Contains(baseType)) return new ColumnShape("text", baseType, null, true, null, null);
            if (NumericTypes.Contains(baseType))
            {
                int? precision = arguments.Length > 0 && int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : column.Precision;
                int? scale = arguments.Length > 1 && int.TryParse(arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : arguments.Length == 1 ? 0 : column.Scale;
                return new ColumnShape("numeric", baseType, null, false, precision, scale);
            }

            if (IntegerRanks.Any(r => r.Contains(baseType))) return new ColumnShape("integer", baseType, null, false, null, null);
            return new ColumnShape(baseType, baseType, null, false, null, null);
        }

        public string Describe(ColumnDefinition column) => column.StoreType ?? column.ClrType ?? BaseType;
    }
}
