using System.Text;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// A type's identity that holds across compilation instances and snapshots: its assembly and its metadata name. Caches
    /// that outlive a compilation keep this string, never the symbol.
    /// </summary>
    internal static class TypeIdentity
    {
        public static string Of(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            var builder = new StringBuilder();
            builder.Append(type.ContainingAssembly?.Identity.Name).Append('|');
            AppendMetadataName(builder, type);
            return builder.ToString();
        }

        /// <summary>The type's metadata name as <see cref="Compilation.GetTypeByMetadataName"/> takes it (<c>Sales.Order</c>, <c>Outer+Inner</c>, <c>Wrapper`1</c>).</summary>
        public static string MetadataName(INamedTypeSymbol type)
        {
            var builder = new StringBuilder();
            AppendMetadataName(builder, type.OriginalDefinition);
            return builder.ToString();
        }

        private static void AppendMetadataName(StringBuilder builder, INamedTypeSymbol type)
        {
            if (type.ContainingType is not null)
            {
                AppendMetadataName(builder, type.ContainingType);
                builder.Append('+');
            }
            else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(ns.ToDisplayString()).Append('.');
            }

            builder.Append(type.MetadataName);
        }
    }
}
