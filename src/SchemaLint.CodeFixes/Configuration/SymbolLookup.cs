using Microsoft.CodeAnalysis;

namespace SchemaLint.CodeFixes.Configuration
{
    internal static class SymbolLookup
    {
        /// <summary>The instance property on the type or its bases, the most derived first.</summary>
        public static IPropertySymbol? FindProperty(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property) return property;
                }
            }

            return null;
        }
    }
}
