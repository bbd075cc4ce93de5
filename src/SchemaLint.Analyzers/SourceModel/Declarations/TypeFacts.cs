using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>
    /// What discovery reads of one CLR type's own declarations (not its base types'), as data holding no symbol: its
    /// properties, the attributes EF Core reads from it and them, its nullable context and the types whose members are its
    /// own. Read once with the symbols of one compilation and reused by later snapshots while the declarations it came from
    /// cannot have changed (<see cref="TypeFactsStore"/>): a model edit then reads again only the types it touched, instead of
    /// completing every entity type's members on the new compilation.
    /// </summary>
    internal sealed class TypeFacts
    {
        public TypeFacts(string key, ClrType type, ClrType? baseType, IReadOnlyList<SyntaxTree> trees, HashSet<string> namesRead, IReadOnlyList<PropertyFacts> properties,
            IReadOnlyList<AttributeFacts> attributes, bool hasOwnedAttribute, bool hasConfigurationAttribute, Fact<bool> nullableContext,
            SyntaxTree? nullableContextReadFrom, CodeOwner codeOwner, IReadOnlyList<DbSetFacts> dbSets, Location? declaredAt)
        {
            Key = key;
            Type = type;
            BaseType = baseType;
            Trees = trees;
            NamesRead = namesRead;
            Properties = properties;
            Attributes = attributes;
            HasOwnedAttribute = hasOwnedAttribute;
            HasConfigurationAttribute = hasConfigurationAttribute;
            NullableContext = nullableContext;
            NullableContextReadFrom = nullableContextReadFrom;
            CodeOwner = codeOwner;
            DbSets = dbSets;
            DeclaredAt = declaredAt;
        }

        /// <summary>The type's assembly and closed name (<see cref="Discovery.ClrTypeReader.IdentityOf"/>).</summary>
        public string Key { get; }

        /// <summary>
        /// The type itself as data. It follows from the type's header and its bases' (a class's shape asks every interface
        /// it implements), which no snapshot that takes these facts over has changed.
        /// </summary>
        public ClrType Type { get; }

        /// <summary>The type's base class, as discovery walks a hierarchy; null when it is <c>object</c> or there is none.</summary>
        public ClrType? BaseType { get; }

        /// <summary>The trees that declare the type; none for a type of a referenced assembly.</summary>
        public IReadOnlyList<SyntaxTree> Trees { get; }

        /// <summary>
        /// The names written in the declarations read (outside method bodies): a change to a member of that name elsewhere
        /// may change what they bind to (an attribute's constant argument, the property an override overrides).
        /// </summary>
        public HashSet<string> NamesRead { get; }

        /// <summary>Instance properties that are not indexers, in declaration order.</summary>
        public IReadOnlyList<PropertyFacts> Properties { get; }

        /// <summary>The type's attributes discovery reads (<c>[Table]</c>, <c>[Index]</c>, ...), in order.</summary>
        public IReadOnlyList<AttributeFacts> Attributes { get; }

        /// <summary><c>[Owned]</c>.</summary>
        public bool HasOwnedAttribute { get; }

        /// <summary><c>[EntityTypeConfiguration(typeof(...))]</c>: its configuration class is bound from the symbol when applied.</summary>
        public bool HasConfigurationAttribute { get; }

        /// <summary>Whether nullable annotations are on where the type is declared.</summary>
        public Fact<bool> NullableContext { get; }

        /// <summary>The tree whose directives decided <see cref="NullableContext"/>, read whole; null when its members did.</summary>
        public SyntaxTree? NullableContextReadFrom { get; }

        public CodeOwner CodeOwner { get; }

        /// <summary>For a DbContext, its instance <c>DbSet&lt;T&gt;</c> properties (any accessibility), in declaration order; none for other types.</summary>
        public IReadOnlyList<DbSetFacts> DbSets { get; }

        /// <summary>The type's first place in source (the identifier of its first declaration), as Roslyn's location; null for a compiled type.</summary>
        public Location? DeclaredAt { get; }

        /// <summary>
        /// Where the type is declared, placed on first use and kept, as an entity type's draft is placed: asking a new
        /// compilation's symbol for its locations made them anew for every entity type after every model edit. These facts
        /// are taken over only from unedited trees (or moved with them), so the place cannot move. Each use still tells the
        /// footprint the reader pointed there.
        /// </summary>
        public SourceLocation? Location => SourceLocations.OfDeclaration(DeclaredAt, ref _placed);

        private StrongBox<SourceLocation?>? _placed;

        /// <summary>
        /// These facts as the trees after an edit hold them, when the edit changed none of their declarations
        /// (<see cref="MovedTree"/>): the same data, placed in the new trees. Null when the edit touched a place they hold.
        /// </summary>
        public TypeFacts? MovedTo(IReadOnlyDictionary<SyntaxTree, MovedTree> moves)
        {
            var trees = new List<SyntaxTree>(Trees.Count);
            foreach (var tree in Trees) trees.Add(moves.TryGetValue(tree, out var move) ? move.After : tree);
            var readFrom = NullableContextReadFrom is { } from && moves.TryGetValue(from, out var moved) ? moved.After : NullableContextReadFrom;

            var properties = new List<PropertyFacts>(Properties.Count);
            foreach (var property in Properties)
            {
                var movedProperty = property.MovedTo(moves);
                if (movedProperty is null) return null;
                properties.Add(movedProperty);
            }

            var attributes = AttributeFacts.MovedTo(Attributes, moves);
            if (attributes is null || !MovedTree.TryMove(DeclaredAt, moves, out var declaredAt)) return null;
            return new TypeFacts(Key, Type, BaseType, trees, NamesRead, properties, attributes, HasOwnedAttribute, HasConfigurationAttribute, NullableContext, readFrom, CodeOwner, DbSets, declaredAt);
        }
    }

    /// <summary>A context's <c>DbSet&lt;T&gt;</c> property: its name and T.</summary>
    internal sealed class DbSetFacts
    {
        public DbSetFacts(string property, ClrType entity)
        {
            Property = property;
            Entity = entity;
        }

        public string Property { get; }

        public ClrType Entity { get; }
    }

    /// <summary>One instance property as discovery considers it.</summary>
    internal sealed class PropertyFacts
    {
        public PropertyFacts(string name, bool isCandidate, ClrMember? member, IReadOnlyList<AttributeFacts> attributes)
        {
            Name = name;
            IsCandidate = isCandidate;
            Member = member;
            Attributes = attributes;
        }

        public string Name { get; }

        /// <summary>EF Core considers it: a public getter, a setter somewhere (collections need none), not <c>[NotMapped]</c>.</summary>
        public bool IsCandidate { get; }

        /// <summary>The member read as data; null when it is no candidate (its signature is then never completed).</summary>
        public ClrMember? Member { get; }

        /// <summary>The attributes discovery reads from a candidate (<c>[Required]</c>, <c>[MaxLength]</c>, ...), in order.</summary>
        public IReadOnlyList<AttributeFacts> Attributes { get; }

        /// <summary>The property as the trees after an edit hold it (<see cref="TypeFacts.MovedTo"/>); null when the edit touched its places.</summary>
        public PropertyFacts? MovedTo(IReadOnlyDictionary<SyntaxTree, MovedTree> moves)
        {
            ClrMember? member = null;
            if (Member is not null && (member = Member.MovedTo(moves)) is null) return null;
            var attributes = AttributeFacts.MovedTo(Attributes, moves);
            return attributes is null ? null : new PropertyFacts(Name, IsCandidate, member, attributes);
        }
    }
}
