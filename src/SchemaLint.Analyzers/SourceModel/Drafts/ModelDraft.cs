using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>One DbContext's model while it is being read: entity drafts, Fluent relationships, global conventions.</summary>
    internal sealed class ModelDraft
    {
        private readonly Dictionary<INamedTypeSymbol, EntityDraft> _byType = new Dictionary<INamedTypeSymbol, EntityDraft>(SymbolEqualityComparer.Default);
        private readonly List<EntityDraft> _entities = new List<EntityDraft>();

        // Owned types by owner: discovery asks for them once per navigation, which must not scan every entity each time.
        private readonly Dictionary<EntityDraft, List<EntityDraft>> _ownedByOwner = new Dictionary<EntityDraft, List<EntityDraft>>();

        public ModelDraft(INamedTypeSymbol context)
        {
            Context = context;
        }

        public INamedTypeSymbol Context { get; }

        public IReadOnlyList<EntityDraft> Entities => _entities;

        public List<RelationshipDraft> FluentRelationships { get; } = new List<RelationshipDraft>();

        /// <summary>Types <c>modelBuilder.Ignore&lt;T&gt;()</c> removed from the model.</summary>
        public HashSet<INamedTypeSymbol> IgnoredTypes { get; } = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Types <c>modelBuilder.Owned&lt;T&gt;()</c> or <c>[Owned]</c> make owned wherever a navigation reaches them.</summary>
        public HashSet<INamedTypeSymbol> OwnedTypes { get; } = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Model-building code this reader could not follow: any entity may gain or lose facts, more entities may exist.</summary>
        public bool IsOpaque { get; set; }

        public bool IsEntitySetComplete { get; set; } = true;

        /// <summary><c>Properties&lt;decimal&gt;().HavePrecision(p, s)</c> in ConfigureConventions.</summary>
        public Configured<(int? Precision, int? Scale)>? DecimalPrecision { get; set; }

        /// <summary><c>Properties&lt;string&gt;().HaveMaxLength(n)</c> in ConfigureConventions.</summary>
        public Configured<int?>? StringMaxLength { get; set; }

        /// <summary>ConfigureConventions code this reader could not follow: column facts may differ from conventions.</summary>
        public bool ConventionsOpaque { get; set; }

        /// <summary>Conventions removed with <c>configurationBuilder.Conventions.Remove(...)</c>, by simple type name.</summary>
        public HashSet<string> RemovedConventions { get; } = new HashSet<string>(StringComparer.Ordinal);

        public DatabaseProvider Provider { get; set; }

        public EntityDraft? Find(INamedTypeSymbol type) => _byType.TryGetValue(type, out var entity) ? entity : null;

        /// <summary>The non-owned entity type for a CLR type, added when it is new (and not ignored).</summary>
        public EntityDraft? GetOrAdd(INamedTypeSymbol type)
        {
            if (_byType.TryGetValue(type, out var existing)) return existing;
            if (IgnoredTypes.Contains(type)) return null;
            var entity = new EntityDraft(ClrTypes.FullNameForEntity(type), type) { Location = SourceLocations.Of(type) };
            _byType[type] = entity;
            _entities.Add(entity);
            return entity;
        }

        /// <summary>An owned type reached through <paramref name="navigation"/> of <paramref name="owner"/>.</summary>
        public EntityDraft AddOwned(EntityDraft owner, string navigation, INamedTypeSymbol type, bool isCollection, SourceLocation? location)
        {
            if (!_ownedByOwner.TryGetValue(owner, out var owned)) _ownedByOwner[owner] = owned = new List<EntityDraft>();
            var existing = owned.FirstOrDefault(e => e.OwnershipNavigation == navigation);
            if (existing is not null) return existing;
            var entity = new EntityDraft(owner.Name + "." + navigation + "#" + type.Name, type)
            {
                Owner = owner,
                OwnershipNavigation = navigation,
                OwnershipIsCollection = isCollection,
                OwnershipLocation = location,
                Location = SourceLocations.Of(type),
            };
            _entities.Add(entity);
            owned.Add(entity);
            return entity;
        }

        public void Remove(EntityDraft entity)
        {
            _entities.Remove(entity);
            if (!entity.IsOwned) _byType.Remove(entity.Type);
            else if (entity.Owner is not null && _ownedByOwner.TryGetValue(entity.Owner, out var owned)) owned.Remove(entity);
        }

        public IEnumerable<EntityDraft> OwnedBy(EntityDraft owner) =>
            _ownedByOwner.TryGetValue(owner, out var owned) ? owned : Enumerable.Empty<EntityDraft>();

        /// <summary>Compiled model-building code ran (a package's base context or extension): it may add entity types this reader does not see.</summary>
        public bool HasCompiledConfiguration { get; private set; }

        /// <summary>The application's types compiled model-building code was handed as type arguments (an identity user type).</summary>
        public HashSet<INamedTypeSymbol> CompiledReach { get; } = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <remarks>
        /// The entity types such code adds are its own (Identity's roles and claims): they are missing from this draft, yet
        /// the entity set stays "complete" for the application's types, because compiled code that names only its own types
        /// and its type arguments cannot give an application type a relationship it does not reach.
        /// </remarks>
        public void AddCompiledReach(IEnumerable<ITypeSymbol> types)
        {
            HasCompiledConfiguration = true;
            foreach (var type in types)
            {
                if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } named) CompiledReach.Add(named);
            }
        }

        /// <summary>Assemblies the options name as scoped model builders (besides the built-in ones).</summary>
        public IReadOnlyList<string> ScopedModelBuilders { get; set; } = Array.Empty<string>();

        /// <summary>The first code that made the whole model unknown, told to the user (SL0003).</summary>
        public string? OpaqueReason { get; private set; }

        /// <summary>Marks the whole model as depending on code this reader could not follow, saying which.</summary>
        public void MakeOpaque(string reason)
        {
            OpaqueReason ??= reason;
            MakeOpaque();
        }

        /// <summary>Marks the whole model as depending on code this reader could not follow.</summary>
        public void MakeOpaque()
        {
            IsOpaque = true;
            IsEntitySetComplete = false;
        }
    }
}
