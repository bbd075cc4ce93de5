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

        /// <summary>
        /// A namespace's dotted name from its parts' names (<c>Sales.Orders</c>), as the CLR and metadata names write it: no
        /// <c>@</c> before a keyword, and none of the display machinery, which allocated a few megabytes per model edit when
        /// asked for every entity type's name.
        /// </summary>
        public static string NamespaceName(INamespaceSymbol ns)
        {
            var containing = ns.ContainingNamespace;
            return containing is null || containing.IsGlobalNamespace ? ns.Name : NamespaceName(containing) + "." + ns.Name;
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
                builder.Append(NamespaceName(ns)).Append('.');
            }

            builder.Append(type.MetadataName);
        }
    }
}
