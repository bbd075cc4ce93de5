using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// A type's identity that holds across compilation instances and snapshots: its assembly and its metadata name. Caches
    /// that outlive a compilation keep this string, never the symbol.
    /// </summary>
    internal static class TypeIdentity
    {
        /// <remarks>
        /// Joined from the parts' strings rather than through a StringBuilder: asked for every entity type after every model
        /// edit, the builders and their growing buffers were most of what identities allocated (five sixths, sampled).
        /// </remarks>
        public static string Of(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            return (type.ContainingAssembly?.Identity.Name ?? string.Empty) + "|" + MetadataNameOf(type);
        }

        /// <summary>The type's metadata name as <see cref="Compilation.GetTypeByMetadataName"/> takes it (<c>Sales.Order</c>, <c>Outer+Inner</c>, <c>Wrapper`1</c>).</summary>
        public static string MetadataName(INamedTypeSymbol type) => MetadataNameOf(type.OriginalDefinition);

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

        private static string MetadataNameOf(INamedTypeSymbol type)
        {
            if (type.ContainingType is not null) return MetadataNameOf(type.ContainingType) + "+" + type.MetadataName;
            if (type.ContainingNamespace is { IsGlobalNamespace: false } ns) return NamespaceName(ns) + "." + type.MetadataName;
            return type.MetadataName;
        }
    }
}
