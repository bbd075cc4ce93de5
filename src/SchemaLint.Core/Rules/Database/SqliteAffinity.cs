using System;

namespace SchemaLint.Core.Rules.Database
{
    /// <summary>
    /// SQLite stores a value by its column's type affinity, which it derives from the declared type's name
    /// (https://www.sqlite.org/datatype3.html, 3.1); lengths and precisions in a declared type change nothing. Two declared
    /// types differ for SQLite only when their affinities do: <c>varchar(10)</c> and <c>TEXT</c> hold the same values,
    /// <c>NUMERIC</c> and <c>TEXT</c> do not (a decimal EF Core stores as TEXT would come back as a rounded REAL).
    /// </summary>
    internal static class SqliteAffinity
    {
        public static string Of(string? declaredType)
        {
            var type = (declaredType ?? string.Empty).ToUpperInvariant();
            if (type.Contains("INT")) return "INTEGER";
            if (type.Contains("CHAR") || type.Contains("CLOB") || type.Contains("TEXT")) return "TEXT";
            if (type.Contains("BLOB") || type.Trim().Length == 0) return "BLOB";
            if (type.Contains("REAL") || type.Contains("FLOA") || type.Contains("DOUB")) return "REAL";
            return "NUMERIC";
        }

        public static bool Differ(string? modelType, string? databaseType) =>
            !string.Equals(Of(modelType), Of(databaseType), StringComparison.Ordinal);
    }
}
