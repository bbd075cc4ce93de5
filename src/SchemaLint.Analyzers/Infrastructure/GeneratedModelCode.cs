using System;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// EF Core's migrations, their designer files and the model snapshot are generated from the model: findings there would
    /// repeat the model's findings in code nobody edits. The compiler already skips files marked generated; these are the
    /// ones a tool or a hand may have left without the marker. The migration analyzer (Migrations/MigrationAnalyzer) is the one
    /// reader of migrations: it judges what their <c>Up</c> does to the database, not the model, and skips the designer files too.
    /// </summary>
    internal static class GeneratedModelCode
    {
        public static bool IsGeneratedFile(SyntaxTree tree) => IsGeneratedPath(tree.FilePath);

        public static bool IsGeneratedPath(string? path) =>
            path is not null
            && (path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith("ModelSnapshot.cs", StringComparison.OrdinalIgnoreCase));

        /// <summary>A migration or a model snapshot, or a type nested in one.</summary>
        public static bool IsMigrationOrSnapshot(INamedTypeSymbol? type, INamedTypeSymbol? migrationType, INamedTypeSymbol? snapshotType)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                for (var baseType = current.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(baseType, migrationType) || SymbolEqualityComparer.Default.Equals(baseType, snapshotType)) return true;
                }
            }

            return false;
        }
    }
}
