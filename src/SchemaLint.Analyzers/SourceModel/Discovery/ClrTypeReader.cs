using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// Reads the types and members binding meets into <see cref="ClrType"/> and <see cref="ClrMember"/>, once per symbol in
    /// one extraction: the drafts hold those, and conventions and the emitter never ask a symbol again.
    /// </summary>
    internal sealed class ClrTypeReader
    {
        private readonly Compilation _compilation;
        private readonly EfSymbols _symbols;
        private readonly ReferencePackages _packages;
        private readonly Dictionary<ITypeSymbol, ClrType> _types;
        private readonly Dictionary<ISymbol, ClrMember> _members = new Dictionary<ISymbol, ClrMember>(SymbolEqualityComparer.Default);

        // A type's identity and entity name, once per symbol in this extraction: the type facts' key, the draft's type and the
        // check of a type found by its metadata name each needed them, and each built them again from the namespace up
        // (at 5,000 entity types, about 7 MB of strings per model edit).
        private readonly Dictionary<ITypeSymbol, (string Identity, string EntityName)> _names;
        private readonly Declarations.TypeFactsStore? _known;

        /// <param name="known">Facts of types this snapshot can take over: a class of the compilation found there is not read again.</param>
        public ClrTypeReader(Compilation compilation, EfSymbols symbols, Declarations.TypeFactsStore? known = null)
        {
            _compilation = compilation;
            _symbols = symbols;
            _packages = new ReferencePackages(compilation);
            _known = known;

            // Sized for the types earlier snapshots read, which this one mostly asks about again: grown from empty, these
            // tables allocated about as much again on every model edit.
            var types = known?.Count ?? 0;
            _types = new Dictionary<ITypeSymbol, ClrType>(types, SymbolEqualityComparer.Default);
            _names = new Dictionary<ITypeSymbol, (string, string)>(types, SymbolEqualityComparer.Default);
        }

        public ClrType Of(ITypeSymbol type)
        {
            if (_types.TryGetValue(type, out var known)) return known;
            var assembly = type.OriginalDefinition.ContainingAssembly;
            var (identity, entityName) = NamesOf(type);

            // Reading a class's shape binds the base list of every type in its hierarchy on the new compilation (a few
            // megabytes per model edit at 1,000 entities); the facts taken over hold the class as read before. The identity is
            // the facts' key.
            if (type.TypeKind == TypeKind.Class && _known is not null && _known.TryGet(identity, out var facts) && facts.Trees.Count > 0)
            {
                _types[type] = facts.Type;
                return facts.Type;
            }

            var read = new ClrType(
                identity,
                type.Name,
                ClrTypes.FullName(type),
                entityName,
                type.SpecialType,
                type.TypeKind,
                type.IsValueType,
                type.IsAbstract,
                _packages.Of(type),
                SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly));

            // Registered before its parts are read: a class's shape names the class itself.
            _types[type] = read;
            if (ClrTypes.IsNullableValueType(type)) read.NullableUnderlying = Of(((INamedTypeSymbol)type).TypeArguments[0]);
            if (type is INamedTypeSymbol named && IsFoundByMetadataName(named)) read.MetadataName = Infrastructure.TypeIdentity.MetadataName(named);
            var element = ElementOf(ClrTypes.UnwrapNullable(type));
            read.IsCollection = element is not null;
            read.Shape = ClrTypes.ShapeOf(type, element, out var target);
            if (target is not null) read.ShapeTarget = Of(target);
            return read;
        }

        /// <summary>
        /// Where <paramref name="type"/> (read as <paramref name="read"/>) is declared: kept by the facts this snapshot holds for
        /// it, or else asked of the symbol, which makes its locations anew on every compilation.
        /// </summary>
        public SourceLocation? LocationOf(INamedTypeSymbol type, ClrType read) =>
            _known is not null && _known.TryGet(read.Identity, out var facts) && ReferenceEquals(facts.Type, read)
                ? facts.Location
                : SourceLocations.Of(type);

        /// <summary>
        /// The type's identity, its <see cref="ClrType.Identity"/> and its facts' key in the store: its assembly and its closed
        /// name, so two closed versions of one generic class are two types.
        /// </summary>
        public string IdentityOf(INamedTypeSymbol type) => NamesOf(type).Identity;

        private (string Identity, string EntityName) NamesOf(ITypeSymbol type)
        {
            if (_names.TryGetValue(type, out var names)) return names;
            var entityName = ClrTypes.FullNameForEntity(type);
            var identity = type.TypeKind == TypeKind.TypeParameter
                ? "!" + type.ContainingSymbol?.ToDisplayString() + "|" + type.Name
                : (type.OriginalDefinition.ContainingAssembly?.Identity.Name ?? string.Empty) + "|" + entityName;
            _names[type] = (identity, entityName);
            return (identity, entityName);
        }

        public ClrMember Of(IPropertySymbol property)
        {
            if (_members.TryGetValue(property, out var known)) return known;
            var read = NewMember(property, property.Type, property.OriginalDefinition.Type, property.NullableAnnotation, isField: false);
            read.IsRequiredMember = property.IsRequired;

            // The first attribute of each kind decides, as the conventions read them.
            bool foreignKey = false, inverse = false, delete = false;
            foreach (var attribute in property.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type is null) continue;
                if (!foreignKey && Is(type, _symbols.ForeignKeyAttribute))
                {
                    foreignKey = true;
                    read.ForeignKeyAttribute = SingleString(attribute);
                }
                else if (!inverse && Is(type, _symbols.InversePropertyAttribute))
                {
                    inverse = true;
                    read.InversePropertyAttribute = SingleString(attribute);
                }
                else if (!delete && Is(type, _symbols.DeleteBehaviorAttribute))
                {
                    delete = true;
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value)
                        read.DeleteBehaviorAttribute = ((DeleteBehaviorKind)value, attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation());
                }
                else if (Is(type, _symbols.RequiredAttribute))
                {
                    read.HasRequiredAttribute = true;
                }
            }

            _members[property] = read;
            return read;
        }

        /// <summary>A backing field mapped by name; EF Core reads no relationship attributes from it.</summary>
        public ClrMember Of(IFieldSymbol field)
        {
            if (_members.TryGetValue(field, out var known)) return known;
            var read = NewMember(field, field.Type, field.OriginalDefinition.Type, field.NullableAnnotation, isField: true);
            read.IsRequiredMember = field.IsRequired;
            _members[field] = read;
            return read;
        }

        private ClrMember NewMember(ISymbol member, ITypeSymbol type, ITypeSymbol declaredType, NullableAnnotation annotation, bool isField) =>
            new ClrMember(
                member.Name,
                Of(type),
                isField,
                annotation,
                declaredType.TypeKind == TypeKind.TypeParameter,
                _packages.Of(member.ContainingType),
                SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition.ContainingAssembly, _compilation.Assembly),
                FirstSourceLocation(member));

        /// <summary>
        /// The element type of a generic collection, as <see cref="ClrTypes.CollectionElement"/> finds it. A context declares a
        /// <c>DbSet&lt;T&gt;</c> per entity type, whose element is its type argument: finding it among the set's interfaces
        /// had Roslyn build each of them for every set, about 2.6 MB whenever a 1,000-entity context's declarations were read
        /// again after an edit to its file.
        /// </summary>
        private ITypeSymbol? ElementOf(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 1 && Is(named.OriginalDefinition, _symbols.DbSet)
                ? named.TypeArguments[0]
                : ClrTypes.CollectionElement(type);

        /// <summary>Neither the type nor a type containing it is generic: its metadata name denotes it and nothing else.</summary>
        private static bool IsFoundByMetadataName(INamedTypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Error) return false;
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsGenericType) return false;
            }

            return true;
        }

        private static Location? FirstSourceLocation(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource) return location;
            }

            return null;
        }

        private static string? SingleString(AttributeData attribute) =>
            attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
