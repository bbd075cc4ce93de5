using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>
    /// Compares a model's store type with the type the database reports, by PostgreSQL's canonical names
    /// (<c>varchar(100)</c> is <c>character varying(100)</c>, <c>timestamptz</c> is <c>timestamp with time zone</c>).
    /// Only built-in types are compared: domains, enums and extension types may be spelled in ways this cannot
    /// resolve, and a false "type differs" would cost more than a miss.
    /// </summary>
    internal static class StoreTypeComparer
    {
        private static readonly Regex Modifiers = new Regex(@"\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\)", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["varchar"] = "character varying",
            ["char varying"] = "character varying",
            ["char"] = "character",
            ["bpchar"] = "character",
            ["int"] = "integer",
            ["int4"] = "integer",
            ["serial"] = "integer",
            ["serial4"] = "integer",
            ["int2"] = "smallint",
            ["smallserial"] = "smallint",
            ["serial2"] = "smallint",
            ["int8"] = "bigint",
            ["bigserial"] = "bigint",
            ["serial8"] = "bigint",
            ["bool"] = "boolean",
            ["float8"] = "double precision",
            ["float"] = "double precision",
            ["float4"] = "real",
            ["decimal"] = "numeric",
            ["timestamptz"] = "timestamp with time zone",
            ["timestamp"] = "timestamp without time zone",
            ["timetz"] = "time with time zone",
            ["time"] = "time without time zone",
            ["varbit"] = "bit varying",
        };

        private static readonly HashSet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
        {
            "smallint", "integer", "bigint", "numeric", "real", "double precision", "money", "boolean", "text", "character varying",
            "character", "bytea", "date", "time without time zone", "time with time zone", "timestamp without time zone",
            "timestamp with time zone", "interval", "uuid", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8", "bit",
            "bit varying", "tsvector", "tsquery", "oid", "citext", "hstore", "ltree", "point", "line", "lseg", "box", "path", "polygon", "circle",
        };

        /// <summary>A type in canonical form, or null when it is not a built-in type this can compare.</summary>
        public static CanonicalType? Canonicalize(string? storeType)
        {
            if (string.IsNullOrWhiteSpace(storeType)) return null;
            var text = Regex.Replace(storeType!.Trim().ToLowerInvariant(), @"\s+", " ");
            var arrayDimensions = 0;
            while (text.EndsWith("[]", StringComparison.Ordinal))
            {
                arrayDimensions++;
                text = text.Substring(0, text.Length - 2).TrimEnd();
            }

            if (text.StartsWith("pg_catalog.", StringComparison.Ordinal)) text = text.Substring("pg_catalog.".Length);
            var match = Modifiers.Match(text);
            var modifiers = match.Success ? match.Groups[1].Value + (match.Groups[2].Success ? "," + match.Groups[2].Value : string.Empty) : null;
            var baseName = (match.Success ? text.Remove(match.Index, match.Length) : text).Replace("  ", " ").Trim().Replace(" (", "(");
            if (Aliases.TryGetValue(baseName, out var canonical)) baseName = canonical;
            if (baseName == "timestamptz") baseName = "timestamp with time zone";
            if (!BuiltIn.Contains(baseName)) return null;

            // PostgreSQL prints a bare character as character(1); numeric(p) is numeric(p,0).
            if (baseName == "character" && modifiers is null) modifiers = "1";
            if (baseName == "numeric" && modifiers is not null && !modifiers.Contains(",")) modifiers += ",0";
            return new CanonicalType(baseName, modifiers, arrayDimensions);
        }

        /// <summary>True only when both types are comparable and differ.</summary>
        public static bool Differ(string? modelType, string? databaseType)
        {
            var model = Canonicalize(modelType);
            var database = Canonicalize(databaseType);
            return model is not null && database is not null && !model.Equals(database);
        }
    }

    internal sealed class CanonicalType : IEquatable<CanonicalType>
    {
        public CanonicalType(string baseName, string? modifiers, int arrayDimensions)
        {
            BaseName = baseName;
            Modifiers = modifiers;
            ArrayDimensions = arrayDimensions;
        }

        public string BaseName { get; }
        public string? Modifiers { get; }
        public int ArrayDimensions { get; }

        // PostgreSQL ignores declared array dimensions: integer[][] and integer[] are the same column type.
        public bool Equals(CanonicalType? other) =>
            other is not null && BaseName == other.BaseName && Modifiers == other.Modifiers && (ArrayDimensions > 0) == (other.ArrayDimensions > 0);

        public override bool Equals(object? obj) => Equals(obj as CanonicalType);

        public override int GetHashCode() => BaseName.GetHashCode();

        public override string ToString() => BaseName + (Modifiers is null ? string.Empty : "(" + Modifiers + ")") + string.Concat(Enumerable.Repeat("[]", ArrayDimensions));
    }
}
