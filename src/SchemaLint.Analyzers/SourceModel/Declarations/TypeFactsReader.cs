using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>
    /// The <see cref="TypeFacts"/> of the types discovery meets: taken from the store when an earlier snapshot read them and
    /// the edits since cannot have changed them, read from the type's symbol otherwise (and then stored).
    /// </summary>
    internal sealed class TypeFactsReader
    {
        private static readonly IReadOnlyList<AttributeFacts> NoAttributes = Array.Empty<AttributeFacts>();

        private readonly Compilation _compilation;
        private readonly EfSymbols _symbols;
        private readonly ClrTypeReader _clr;
        private readonly TypeFactsStore _store;

        // This extraction's answers by symbol: a type is asked for its facts once per Fluent call and per level of its
        // hierarchy, and the store's key is a name built from the symbol each time. Lives as long as the reader (one extraction).
        private readonly Dictionary<INamedTypeSymbol, TypeFacts> _bySymbol;

        // Hierarchies walked in this extraction (discovery asks for each entity type's three times); only complete ones.
        private readonly Dictionary<INamedTypeSymbol, IReadOnlyList<TypeFacts>> _hierarchies;

        public TypeFactsReader(Compilation compilation, EfSymbols symbols, ClrTypeReader clr, TypeFactsStore store)
        {
            _compilation = compilation;
            _symbols = symbols;
            _clr = clr;
            _store = store;

            // Sized for the types earlier snapshots read, as the type reader's tables are.
            _bySymbol = new Dictionary<INamedTypeSymbol, TypeFacts>(store.Count, SymbolEqualityComparer.Default);
            _hierarchies = new Dictionary<INamedTypeSymbol, IReadOnlyList<TypeFacts>>(store.Count, SymbolEqualityComparer.Default);
        }

        /// <summary>The facts of a type some snapshot read already, without its symbol; null when none did.</summary>
        public TypeFacts? Known(ClrType type) => _store.TryGet(type.Identity, out var facts) ? facts : null;

        /// <summary>Whether <paramref name="facts"/>, read by a snapshot before, are this snapshot's facts of their type: taken over, as the same object.</summary>
        public bool StillHolds(TypeFacts facts) => _store.TryGet(facts.Key, out var now) && ReferenceEquals(now, facts);

        public TypeFacts Of(INamedTypeSymbol type)
        {
            if (_bySymbol.TryGetValue(type, out var facts)) return facts;
            var key = _clr.IdentityOf(type);
            if (!_store.TryGet(key, out facts))
            {
                facts = ReadFacts(type, key);
                _store.Add(facts);
            }

            _bySymbol[type] = facts;
            return facts;
        }

        /// <summary>
        /// The instance property named <paramref name="name"/> on the type or its CLR bases, the most derived first (as
        /// <see cref="ClrTypes.FindProperty"/> finds its symbol), without completing any member on a type read before.
        /// </summary>
        public PropertyFacts? FindProperty(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                // Indexed: asked for every member Fluent code names, where an enumerator per call added up.
                var properties = Of(current).Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    if (properties[i].Name == name) return properties[i];
                }
            }

            return null;
        }

        /// <summary>Records the facts of the type and of each of its classes' bases as what <paramref name="inputs"/>' draft was made from.</summary>
        public void AddHierarchyTo(INamedTypeSymbol type, Drafts.DraftInputs inputs)
        {
            if (Hierarchy(type) is { } hierarchy)
            {
                for (var i = 0; i < hierarchy.Count; i++) inputs.Add(hierarchy[i]);
                return;
            }

            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType) inputs.Add(Of(current));
        }

        /// <summary>
        /// The facts of <paramref name="type"/> and of each base class up to <c>object</c>, the type first, as far as they
        /// are known without a symbol (from this extraction or taken over); null when some base class's facts are not.
        /// Walking a hierarchy this way binds no base list on the new compilation.
        /// </summary>
        public IReadOnlyList<TypeFacts>? Hierarchy(INamedTypeSymbol type)
        {
            if (_hierarchies.TryGetValue(type, out var known)) return known;
            var hierarchy = new List<TypeFacts> { Of(type) };
            for (var baseType = hierarchy[0].BaseType; baseType is not null; baseType = hierarchy[hierarchy.Count - 1].BaseType)
            {
                if (Known(baseType) is not { } facts) return null;
                hierarchy.Add(facts);
            }

            _hierarchies[type] = hierarchy;
            return hierarchy;
        }

        /// <summary>
        /// The symbol of a type read as data, found by its metadata name, when that name finds this very type; null for a type
        /// the name cannot find (a constructed generic type), or finds another.
        /// </summary>
        public INamedTypeSymbol? Resolve(ClrType type) =>
            type.MetadataName is { } metadataName && _compilation.GetTypeByMetadataName(metadataName) is { } found && _clr.IdentityOf(found) == type.Identity
                ? found
                : null;

        /// <summary>
        /// The symbol of the entity type the navigation <paramref name="navigation"/> of <paramref name="declaringType"/> reaches
        /// (<paramref name="target"/>, read as data): the existing draft's, the one its metadata name finds (when that is this
        /// very type), or else the member's own type, completed on this compilation.
        /// </summary>
        public INamedTypeSymbol NavigationTarget(ModelDraft model, INamedTypeSymbol declaringType, string navigation, ClrType target)
        {
            if (model.Find(target) is { } existing) return model.SymbolOf(existing);
            if (Resolve(target) is { } found) return found;
            ClrTypes.ShapeOf(ClrTypes.FindProperty(declaringType, navigation)!.Type, out var symbol);
            return (INamedTypeSymbol)symbol!;
        }

        /// <summary>How EF Core sees the type of the property <see cref="FindProperty"/> finds; null when there is none.</summary>
        public MemberShape? ShapeOfProperty(INamedTypeSymbol type, string name)
        {
            var property = FindProperty(type, name);
            if (property is null) return null;
            if (property.Member is { } member) return member.Type.Shape;

            // A property EF Core passes over is read no further than that; its type is completed only when asked for.
            return ClrTypes.ShapeOf(ClrTypes.FindProperty(type, name)!.Type, out _);
        }

        private TypeFacts ReadFacts(INamedTypeSymbol type, string key)
        {
            var properties = new List<PropertyFacts>();
            foreach (var symbol in type.GetMembers())
            {
                if (symbol is IPropertySymbol { IsStatic: false, IsIndexer: false } property) properties.Add(ReadProperty(property));
            }

            List<AttributeFacts>? attributes = null;
            bool owned = false, configuration = false;
            foreach (var attribute in type.GetAttributes())
            {
                var attributeType = attribute.AttributeClass;
                if (attributeType is null) continue;
                if (Is(attributeType, _symbols.OwnedAttribute)) owned = true;
                else if (Is(attributeType, _symbols.EntityTypeConfigurationAttribute)) configuration = true;
                else if (TypeAttributeKind(attributeType) is { } kind) (attributes ??= new List<AttributeFacts>()).Add(Decode(kind, attribute));
            }

            var nullable = NullableContext(type, out var readFrom);
            var trees = type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct().ToList();
            var baseType = type.BaseType is { SpecialType: not SpecialType.System_Object } declaredBase ? _clr.Of(declaredBase) : null;
            return new TypeFacts(key, _clr.Of(type), baseType, trees, NamesIn(type), properties, attributes ?? NoAttributes, owned, configuration, nullable, readFrom, CodeOwner.Of(type), DbSets(type, key),
                FirstInSource(type.Locations));
        }

        private static Location? FirstInSource(ImmutableArray<Location> locations)
        {
            foreach (var location in locations)
            {
                if (location.IsInSource) return location;
            }

            return null;
        }

        /// <summary>
        /// A context's DbSet properties: every instance property typed <c>DbSet&lt;T&gt;</c> with a class or struct T. Where the
        /// snapshot before read the context too, a set is that snapshot's very object when it and every set before it are
        /// as they were: the drafts a set exposes are made from it (its name, and through the sets before it, their order),
        /// so a set added after the others, or a property added to the context, leaves them as they were.
        /// </summary>
        private IReadOnlyList<DbSetFacts> DbSets(INamedTypeSymbol type, string key)
        {
            if (_symbols.DbSet is null || !_symbols.IsDbContext(type)) return Array.Empty<DbSetFacts>();
            var before = _store.SetsBefore(key);
            var sets = new List<DbSetFacts>();
            foreach (var symbol in type.GetMembers())
            {
                if (symbol is not IPropertySymbol { IsStatic: false } property || property.Type is not INamedTypeSymbol set
                    || !SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, _symbols.DbSet)) continue;
                if (set.TypeArguments[0] is not INamedTypeSymbol entity || entity.TypeKind == TypeKind.TypeParameter) continue;
                var entityType = _clr.Of(entity);
                var index = sets.Count;
                if (before is not null && index < before.Count && before[index].Property == property.Name && before[index].Entity.Identity == entityType.Identity)
                {
                    sets.Add(before[index]);
                    continue;
                }

                before = null;
                sets.Add(new DbSetFacts(property.Name, entityType));
            }

            return sets;
        }

        private PropertyFacts ReadProperty(IPropertySymbol property)
        {
            // As EF Core's conventions ask, and no further: a member they pass over early keeps its signature uncompleted.
            if (property.GetMethod is null || property.GetMethod.DeclaredAccessibility != Accessibility.Public
                || EntityDiscovery.Find(property, _symbols.NotMappedAttribute) is not null)
                return new PropertyFacts(property.Name, isCandidate: false, member: null, NoAttributes);

            var member = _clr.Of(property);
            if (member.Type.Shape != MemberShape.Collection && !HasSetter(property))
                return new PropertyFacts(property.Name, isCandidate: false, member: null, NoAttributes);

            List<AttributeFacts>? attributes = null;
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeType && PropertyAttributeKind(attributeType) is { } kind)
                    (attributes ??= new List<AttributeFacts>()).Add(Decode(kind, attribute));
            }

            return new PropertyFacts(property.Name, isCandidate: true, member, attributes ?? NoAttributes);
        }

        private static bool HasSetter(IPropertySymbol property)
        {
            for (var current = property; current is not null; current = current.OverriddenProperty)
            {
                if (current.SetMethod is not null) return true;
            }

            return false;
        }

        private ModelAttribute? PropertyAttributeKind(INamedTypeSymbol type)
        {
            if (Is(type, _symbols.RequiredAttribute)) return ModelAttribute.Required;
            if (Is(type, _symbols.MaxLengthAttribute)) return ModelAttribute.MaxLength;
            if (Is(type, _symbols.StringLengthAttribute)) return ModelAttribute.StringLength;
            if (Is(type, _symbols.PrecisionAttribute)) return ModelAttribute.Precision;
            if (Is(type, _symbols.ColumnAttribute)) return ModelAttribute.Column;
            if (Is(type, _symbols.DatabaseGeneratedAttribute)) return ModelAttribute.DatabaseGenerated;
            if (Is(type, _symbols.TimestampAttribute)) return ModelAttribute.Timestamp;
            if (Is(type, _symbols.RangeAttribute)) return ModelAttribute.Range;
            if (Is(type, _symbols.KeyAttribute)) return ModelAttribute.Key;
            return null;
        }

        private ModelAttribute? TypeAttributeKind(INamedTypeSymbol type)
        {
            if (Is(type, _symbols.TableAttribute)) return ModelAttribute.Table;
            if (Is(type, _symbols.KeylessAttribute)) return ModelAttribute.Keyless;
            if (Is(type, _symbols.PrimaryKeyAttribute)) return ModelAttribute.PrimaryKey;
            if (Is(type, _symbols.IndexAttribute)) return ModelAttribute.Index;
            return null;
        }

        private static AttributeFacts Decode(ModelAttribute kind, AttributeData attribute)
        {
            var constructorArguments = attribute.ConstructorArguments.Select(AttributeValue.Of).ToList();
            var namedArguments = attribute.NamedArguments.Select(n => new KeyValuePair<string, AttributeValue>(n.Key, AttributeValue.Of(n.Value))).ToList();
            return new AttributeFacts(kind, constructorArguments, namedArguments, attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation());
        }

        /// <summary>Whether nullable annotations are on where the type is declared, read from its reference-typed members.</summary>
        private Fact<bool> NullableContext(INamedTypeSymbol type, out SyntaxTree? readFrom)
        {
            readFrom = null;
            foreach (var member in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (member.Type.IsValueType || member.Type.TypeKind == TypeKind.TypeParameter) continue;
                return member.NullableAnnotation != NullableAnnotation.None;
            }

            if (!type.Locations.Any(l => l.IsInSource)) return Fact<bool>.Unknown;
            var tree = type.Locations.First(l => l.IsInSource).SourceTree;
            readFrom = tree;
            var hasDirectives = tree is not null && tree.GetRoot().DescendantTrivia().Any(t => t.IsKind(SyntaxKind.NullableDirectiveTrivia));
            if (hasDirectives) return Fact<bool>.Unknown;
            return _compilation.Options.NullableContextOptions.AnnotationsEnabled();
        }

        /// <summary>
        /// The names written in the type's declarations outside method and accessor bodies: what its members' signatures and
        /// attributes may bind through. The name a property, field, event or method declares binds to nothing, so it is left
        /// out unless the member overrides (and so binds to a base type's member of that name): with it, an edit renaming or
        /// deleting a member read again the facts of every type declaring a member of the same name (bench/ANALYSIS.md,
        /// run 31: 12 to 39 of a 47-entity app's types for a <c>CreatedAt</c> or a <c>Status</c>). A name where only a type
        /// can stand (a member's type, a type argument, an attribute's name) and the name a type declares bind no member
        /// either, and the names are asked only about changed members (a changed type takes nothing over): with them, changing
        /// a navigation named like its type (<c>public Customer Customer</c>, EF Core's most common shape) read again every
        /// type naming the type, the context's <c>DbSet&lt;Customer&gt;</c> among them, and so rebuilt every entity type
        /// (bench/ANALYSIS.md, run 32). A simple name the type declares a member of (<c>[Index(nameof(Code))]</c> on a type
        /// with a <c>Code</c>) binds to that member, found first, which no edit elsewhere changes: with it, deleting one
        /// type's <c>Code</c> read again every type indexing a <c>Code</c> of its own.
        /// </summary>
        private static HashSet<string> NamesIn(INamedTypeSymbol type)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            HashSet<string>? declared = null;
            HashSet<string>? lookedUp = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax();
                foreach (var token in declaration.DescendantTokens(node => node is not BlockSyntax and not ArrowExpressionClauseSyntax))
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken)) continue;
                    if (DeclaresMemberOf(declaration, token)) (declared ??= new HashSet<string>(StringComparer.Ordinal)).Add(token.ValueText);
                    if (BindsNoMember(token)) continue;
                    if (IsLookedUp(token)) (lookedUp ??= new HashSet<string>(StringComparer.Ordinal)).Add(token.ValueText);
                    else names.Add(token.ValueText);
                }
            }

            if (lookedUp is not null)
            {
                foreach (var name in lookedUp)
                {
                    if (declared is null || !declared.Contains(name)) names.Add(name);
                }
            }

            return names;
        }

        /// <summary>
        /// The token is the name a member of <paramref name="declaration"/> itself declares (not a nested type's member, which
        /// a simple name in the type does not find; not the type's own name, which a base type's member of that name hides).
        /// </summary>
        private static bool DeclaresMemberOf(SyntaxNode declaration, SyntaxToken token) => token.Parent switch
        {
            PropertyDeclarationSyntax property => property.Identifier == token && property.Parent == declaration,
            MethodDeclarationSyntax method => method.Identifier == token && method.Parent == declaration,
            EventDeclarationSyntax @event => @event.Identifier == token && @event.Parent == declaration,
            VariableDeclaratorSyntax variable => variable.Identifier == token && variable.Parent?.Parent is BaseFieldDeclarationSyntax field && field.Parent == declaration,
            _ => false,
        };

        /// <summary>The token is a simple name looked up from where it stands (not the member of something: <c>Limits.Code</c>).</summary>
        private static bool IsLookedUp(SyntaxToken token) =>
            token.Parent is IdentifierNameSyntax name
            && !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            && !(name.Parent is QualifiedNameSyntax qualified && qualified.Right == name)
            && name.Parent is not MemberBindingExpressionSyntax
            && name.Parent?.Parent is not AttributeArgumentSyntax { NameEquals: not null } and not AttributeArgumentSyntax { NameColon: not null };

        /// <summary>The token is a name that cannot bind to a member: one a member or a type declares, or a type's name.</summary>
        private static bool BindsNoMember(SyntaxToken token) => token.Parent switch
        {
            SimpleNameSyntax name => SyntaxFacts.IsInTypeOnlyContext(name),
            BaseTypeDeclarationSyntax type => type.Identifier == token,
            PropertyDeclarationSyntax property => property.Identifier == token && !property.Modifiers.Any(SyntaxKind.OverrideKeyword),
            MethodDeclarationSyntax method => method.Identifier == token && !method.Modifiers.Any(SyntaxKind.OverrideKeyword),
            EventDeclarationSyntax @event => @event.Identifier == token && !@event.Modifiers.Any(SyntaxKind.OverrideKeyword),
            VariableDeclaratorSyntax variable => variable.Identifier == token && variable.Parent?.Parent is FieldDeclarationSyntax,
            _ => false,
        };

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
