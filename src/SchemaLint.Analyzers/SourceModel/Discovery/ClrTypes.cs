using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>How EF Core sees a CLR member's type: a column, a navigation to an entity type, or something it cannot map.</summary>
    internal enum MemberShape
    {
        /// <summary>A scalar EF Core maps to one column (primitives, string, decimal, dates, Guid, byte[], enums).</summary>
        Scalar,
        /// <summary>A provider-mapped type or a collection of scalars (arrays, hstore, JSON, NodaTime): a column whose facts we read less well.</summary>
        ProviderScalar,
        Reference,
        Collection,
        /// <summary>Something EF Core would reject or map in ways this reader does not model (structs, interfaces, dictionaries).</summary>
        Unsupported,
    }

    internal static class ClrTypes
    {
        /// <summary>The scalars of namespace System that <see cref="IsScalar"/> recognises by name (and byte[]).</summary>
        private static readonly HashSet<string> ScalarNamesInSystem = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "String", "Decimal", "DateTime", "DateTimeOffset", "TimeSpan", "Guid", "DateOnly", "TimeOnly", "Char", "Half",
        };

        private static readonly string[] ProviderNamespaces = { "NodaTime", "System.Net", "System.Net.NetworkInformation", "NpgsqlTypes", "System.Text.Json", "NetTopologySuite.Geometries", "System.Numerics", "System.Collections" };

        public static MemberShape ShapeOf(ITypeSymbol type, out ITypeSymbol? target) => ShapeOf(type, CollectionElement(UnwrapNullable(type)), out target);

        /// <param name="element">The type's collection element as <see cref="CollectionElement"/> finds it, when the caller knows it already.</param>
        public static MemberShape ShapeOf(ITypeSymbol type, ITypeSymbol? element, out ITypeSymbol? target)
        {
            target = null;
            var underlying = UnwrapNullable(type);
            if (IsScalar(underlying)) return MemberShape.Scalar;
            if (underlying is IArrayTypeSymbol array)
                return IsScalar(UnwrapNullable(array.ElementType)) ? MemberShape.ProviderScalar : MemberShape.Unsupported;

            if (element is not null)
            {
                var elementType = UnwrapNullable(element);
                if (IsScalar(elementType)) return MemberShape.ProviderScalar;
                if (IsEntityCandidate(elementType))
                {
                    target = elementType;
                    return MemberShape.Collection;
                }

                return MemberShape.Unsupported;
            }

            if (IsEntityCandidate(underlying))
            {
                target = underlying;
                return MemberShape.Reference;
            }

            var ns = underlying.ContainingNamespace is { } containing ? TypeIdentity.NamespaceName(containing) : string.Empty;
            if (ProviderNamespaces.Any(p => ns == p || ns.StartsWith(p + ".", System.StringComparison.Ordinal))) return MemberShape.ProviderScalar;
            return MemberShape.Unsupported;
        }

        public static bool IsScalar(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Enum) return true;
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_String:
                case SpecialType.System_Char:
                case SpecialType.System_DateTime:
                    return true;
            }

            // What FullName says, without building it: every member's type is asked, entity types too. As FullName, a
            // Nullable is unwrapped, and an array is named after its element type whatever its rank ("System.Byte[]").
            type = UnwrapNullable(type);
            if (type is IArrayTypeSymbol array) return IsInSystem(UnwrapNullable(array.ElementType), "Byte");
            return ScalarNamesInSystem.Contains(type.MetadataName) && IsInSystem(type, type.MetadataName);
        }

        /// <summary>The type's <see cref="FullName"/> is "System." + <paramref name="metadataName"/>.</summary>
        private static bool IsInSystem(ITypeSymbol type, string metadataName) =>
            type is not IArrayTypeSymbol && type.ContainingType is null && type.MetadataName == metadataName
            && type.ContainingNamespace is { Name: "System" } ns && ns.ContainingNamespace is { IsGlobalNamespace: true };

        /// <summary>A class EF Core would make an entity type when a navigation reaches it.</summary>
        public static bool IsEntityCandidate(ITypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type is not INamedTypeSymbol named) return false;
            if (type.SpecialType == SpecialType.System_Object || type.SpecialType == SpecialType.System_String) return false;
            var ns = named.ContainingNamespace is { } containing ? TypeIdentity.NamespaceName(containing) : string.Empty;
            if (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal)) return false;

            // Microsoft's own types are no entities, but an application may live in a Microsoft.* namespace (Microsoft.eShopWeb):
            // judge by the assembly, not the namespace.
            return !ns.StartsWith("Microsoft.", System.StringComparison.Ordinal) || !IsPlatformAssembly(named.ContainingAssembly);
        }

        private static bool IsPlatformAssembly(IAssemblySymbol? assembly)
        {
            var name = assembly?.Identity.Name ?? string.Empty;
            return name.StartsWith("Microsoft.", System.StringComparison.Ordinal) || name.StartsWith("System.", System.StringComparison.Ordinal)
                || name == "System" || name == "mscorlib" || name == "netstandard";
        }

        public static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        public static bool IsNullableValueType(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        /// <summary>The element type of a generic collection (anything implementing IEnumerable&lt;T&gt;), or null.</summary>
        public static ITypeSymbol? CollectionElement(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named) return null;
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) return named.TypeArguments[0];
            foreach (var candidate in named.AllInterfaces)
            {
                if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) return candidate.TypeArguments[0];
            }

            return null;
        }

        /// <summary>"System.Decimal", "System.String", "Ns.Outer+Inner" for nested types, as EF Core names CLR types; Nullable removed.</summary>
        public static string FullName(ITypeSymbol type)
        {
            type = UnwrapNullable(type);
            if (type is IArrayTypeSymbol array) return FullName(array.ElementType) + "[]";
            var name = type.MetadataName;
            for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
                name = containing.MetadataName + "+" + name;
            var ns = type.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? name : TypeIdentity.NamespaceName(ns) + "." + name;
        }

        /// <summary>
        /// EF Core's name for an entity type's CLR type, as its DisplayName writes it: the full name with '+' before a nested
        /// type, and a closed generic type with its arguments (<c>Ns.Wrapper&lt;int&gt;</c>), so two closed versions of one
        /// generic class are two entity types.
        /// </summary>
        public static string FullNameForEntity(ITypeSymbol type) => DisplayName(type);

        private static string DisplayName(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: return "bool";
                case SpecialType.System_Byte: return "byte";
                case SpecialType.System_SByte: return "sbyte";
                case SpecialType.System_Char: return "char";
                case SpecialType.System_Decimal: return "decimal";
                case SpecialType.System_Double: return "double";
                case SpecialType.System_Single: return "float";
                case SpecialType.System_Int16: return "short";
                case SpecialType.System_UInt16: return "ushort";
                case SpecialType.System_Int32: return "int";
                case SpecialType.System_UInt32: return "uint";
                case SpecialType.System_Int64: return "long";
                case SpecialType.System_UInt64: return "ulong";
                case SpecialType.System_Object: return "object";
                case SpecialType.System_String: return "string";
            }

            if (type is IArrayTypeSymbol array) return DisplayName(array.ElementType) + "[]";
            if (type is not INamedTypeSymbol named || !named.IsGenericType || named.IsUnboundGenericType) return FullName(type);
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return DisplayName(named.TypeArguments[0]) + "?";
            var definition = FullName(named.OriginalDefinition);
            var tick = definition.LastIndexOf('`');
            if (tick > 0) definition = definition.Substring(0, tick);

            // EF Core writes the namespace and a dot before a generic type's name even when the namespace is the global one.
            if (named.ContainingType is null && named.ContainingNamespace is { IsGlobalNamespace: true }) definition = "." + definition;
            return definition + "<" + string.Join(", ", named.TypeArguments.Select(DisplayName)) + ">";
        }

        /// <summary>The instance property named <paramref name="name"/> on the type or its bases, the most derived first.</summary>
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

        /// <summary>The instance field named <paramref name="name"/> on the type or its bases, the most derived first.</summary>
        public static IFieldSymbol? FindField(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol { IsStatic: false } field) return field;
                }
            }

            return null;
        }
    }
}
