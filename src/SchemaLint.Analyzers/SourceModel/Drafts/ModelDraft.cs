using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// One DbContext's model while it is being read: entity drafts, Fluent relationships, global conventions. The drafts
    /// hold data only; the symbols of their CLR types are kept here, for binding, and live as long as one extraction.
    /// </summary>
    internal sealed class ModelDraft
    {
        private readonly ClrTypeReader _clr;
        private readonly Dictionary<ClrType, EntityDraft> _byType;
        private readonly Dictionary<INamedTypeSymbol, EntityDraft> _bySymbol;
        private readonly Dictionary<EntityDraft, INamedTypeSymbol> _symbols;
        private readonly Dictionary<EntityDraft, Dictionary<string, INamedTypeSymbol>> _castNavigations = new Dictionary<EntityDraft, Dictionary<string, INamedTypeSymbol>>();
        private readonly List<EntityDraft> _entities;

        // The same entity types as a set: the relationship conventions ask, for every Fluent relationship, whether both its
        // ends are still in the model, and a scan of the list made that quadratic in the model's size.
        private readonly HashSet<EntityDraft> _members;

        // Owned types by owner: discovery asks for them once per navigation, which must not scan every entity each time.
        private readonly Dictionary<EntityDraft, List<EntityDraft>> _ownedByOwner = new Dictionary<EntityDraft, List<EntityDraft>>();

        /// <param name="expectedEntities">
        /// How many entity types the model is likely to have (the snapshot before's count): the tables are made that size
        /// rather than grown to it, which allocated about as much again on every model edit.
        /// </param>
        public ModelDraft(INamedTypeSymbol context, string contextName, ClrTypeReader clr, int expectedEntities = 0)
        {
            Context = context;
            ContextName = contextName;
            _clr = clr;
            _byType = new Dictionary<ClrType, EntityDraft>(expectedEntities);
            _bySymbol = new Dictionary<INamedTypeSymbol, EntityDraft>(expectedEntities, SymbolEqualityComparer.Default);
            _symbols = new Dictionary<EntityDraft, INamedTypeSymbol>(expectedEntities);
            _entities = new List<EntityDraft>(expectedEntities);

            // (netstandard2.0 has no sized HashSet.)
            _members = new HashSet<EntityDraft>();
        }

        /// <summary>The context's symbol, for binding its methods.</summary>
        public INamedTypeSymbol Context { get; }

        /// <summary>The context's full name, as the model is named after it.</summary>
        public string ContextName { get; }

        public IReadOnlyList<EntityDraft> Entities => _entities;

        /// <summary>Whether <paramref name="entity"/> is one of <see cref="Entities"/> (added and not removed since).</summary>
        public bool Contains(EntityDraft entity) => _members.Contains(entity);

        public List<RelationshipDraft> FluentRelationships { get; } = new List<RelationshipDraft>();

        /// <summary>
        /// The Fluent relationships as the pieces stated them, copied before the conventions settle them, beside each
        /// draft's <see cref="EntityDraft.AsRead"/>; null unless taken (<see cref="KeepAsRead"/>).
        /// </summary>
        public List<RelationshipDraft>? RelationshipsAsRead { get; private set; }

        /// <summary>Copies every draft and Fluent relationship as read, once discovery is done and before any convention runs.</summary>
        public void KeepAsRead()
        {
            foreach (var entity in _entities) entity.KeepAsRead();
            RelationshipsAsRead = new List<RelationshipDraft>(FluentRelationships.Count);
            foreach (var relationship in FluentRelationships) RelationshipsAsRead.Add(relationship.Copy());
        }

        /// <summary>
        /// A model of the same context and of every model-wide fact this one holds that the conventions and the emitter read
        /// (discovery and the reader do not run over it), over <paramref name="entities"/> in their order and <paramref name="relationships"/>, which it
        /// keeps as read (<see cref="RelationshipsAsRead"/>): the model a build that takes some drafts from the record runs
        /// its conventions over (<see cref="RebuildPlan.ToBuildAgain"/>).
        /// </summary>
        public ModelDraft With(IReadOnlyList<(EntityDraft Draft, INamedTypeSymbol Symbol)> entities, IEnumerable<RelationshipDraft> relationships)
        {
            var model = new ModelDraft(Context, ContextName, _clr, entities.Count)
            {
                IsOpaque = IsOpaque,
                IsEntitySetComplete = IsEntitySetComplete,
                DecimalPrecision = DecimalPrecision,
                StringMaxLength = StringMaxLength,
                ConventionsOpaque = ConventionsOpaque,
                Provider = Provider,
                HasCompiledConfiguration = HasCompiledConfiguration,
                ScopedModelBuilders = ScopedModelBuilders,
                OpaqueReason = OpaqueReason,
            };
            model.IgnoredTypes.UnionWith(IgnoredTypes);
            model.OwnedTypes.UnionWith(OwnedTypes);
            model.RemovedConventions.UnionWith(RemovedConventions);
            model.CompiledReach.UnionWith(CompiledReach);
            foreach (var (entity, symbol) in entities)
            {
                model._symbols[entity] = symbol;
                model._entities.Add(entity);
                model._members.Add(entity);
                if (entity.Owner is { } owner)
                {
                    if (!model._ownedByOwner.TryGetValue(owner, out var owned)) model._ownedByOwner[owner] = owned = new List<EntityDraft>();
                    owned.Add(entity);
                }
                else
                {
                    model._bySymbol[symbol] = entity;
                    model._byType[entity.Type] = entity;
                }
            }

            model.FluentRelationships.AddRange(relationships);
            model.RelationshipsAsRead = new List<RelationshipDraft>(model.FluentRelationships.Count);
            foreach (var relationship in model.FluentRelationships) model.RelationshipsAsRead.Add(relationship.Copy());
            return model;
        }

        /// <summary>Types <c>modelBuilder.Ignore&lt;T&gt;()</c> removed from the model.</summary>
        public HashSet<ClrType> IgnoredTypes { get; } = new HashSet<ClrType>();

        /// <summary>Types <c>modelBuilder.Owned&lt;T&gt;()</c> or <c>[Owned]</c> make owned wherever a navigation reaches them.</summary>
        public HashSet<ClrType> OwnedTypes { get; } = new HashSet<ClrType>();

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

        /// <summary>
        /// The piece of model-building code being read, if any: every draft it finds or adds is recorded as reached by it
        /// (<see cref="DraftInputs"/>), since whatever the piece says of an entity type it says through one of these.
        /// </summary>
        public FluentPiece? Piece { get; set; }

        /// <summary>The non-owned entity type of a CLR type, while binding.</summary>
        public EntityDraft? Find(INamedTypeSymbol type) => Reached(_bySymbol.TryGetValue(type, out var entity) ? entity : null);

        /// <summary>The non-owned entity type of a CLR type.</summary>
        public EntityDraft? Find(ClrType type) => Reached(_byType.TryGetValue(type, out var entity) ? entity : null);

        /// <summary>Records that the piece being read reached <paramref name="entity"/>.</summary>
        public EntityDraft? Reached(EntityDraft? entity)
        {
            if (entity is not null && Piece is { } piece) entity.Inputs.Add(piece);
            return entity;
        }

        /// <summary>The symbol of an entity type's CLR type, for binding; conventions and the emitter read the draft's data instead.</summary>
        public INamedTypeSymbol SymbolOf(EntityDraft entity) => _symbols[entity];

        /// <summary>The non-owned entity type for a CLR type, added when it is new (and not ignored).</summary>
        public EntityDraft? GetOrAdd(INamedTypeSymbol type)
        {
            if (_bySymbol.TryGetValue(type, out var existing)) return Reached(existing);
            var clr = _clr.Of(type);
            if (IgnoredTypes.Contains(clr)) return null;
            var entity = new EntityDraft(clr.EntityName, clr) { Location = _clr.LocationOf(type, clr) };
            _bySymbol[type] = entity;
            _byType[clr] = entity;
            _symbols[entity] = type;
            _entities.Add(entity);
            _members.Add(entity);
            return Reached(entity);
        }

        /// <summary>An owned type reached through <paramref name="navigation"/> of <paramref name="owner"/> (the member, when the CLR type declares one).</summary>
        public EntityDraft AddOwned(EntityDraft owner, string navigation, ClrMember? member, INamedTypeSymbol type, bool isCollection, SourceLocation? location)
        {
            if (OwnedThrough(owner, navigation) is { } existing) return Reached(existing)!;
            if (!_ownedByOwner.TryGetValue(owner, out var owned)) _ownedByOwner[owner] = owned = new List<EntityDraft>();
            var entity = new EntityDraft(owner.Name + "." + navigation + "#" + type.Name, _clr.Of(type))
            {
                Owner = owner,
                OwnershipNavigation = navigation,
                OwnershipMember = member,
                OwnershipIsCollection = isCollection,
                OwnershipLocation = location,
                Location = SourceLocations.Of(type),
            };
            _symbols[entity] = type;
            _entities.Add(entity);
            _members.Add(entity);
            owned.Add(entity);
            return Reached(entity)!;
        }

        public void Remove(EntityDraft entity)
        {
            if (!_members.Remove(entity)) return;
            _entities.Remove(entity);
            if (!entity.IsOwned)
            {
                _byType.Remove(entity.Type);
                _bySymbol.Remove(_symbols[entity]);
            }
            else if (entity.Owner is not null && _ownedByOwner.TryGetValue(entity.Owner, out var owned))
            {
                owned.Remove(entity);
            }
        }

        /// <summary>A navigation a Fluent lambda casts to another type (<c>HasOne(e =&gt; (Show?)e.Series)</c>): EF uses the cast's type.</summary>
        public void AddCastNavigation(EntityDraft entity, string navigation, INamedTypeSymbol type)
        {
            if (!_castNavigations.TryGetValue(entity, out var casts)) _castNavigations[entity] = casts = new Dictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
            casts[navigation] = type;
        }

        /// <summary>The type a Fluent lambda casts the entity's navigation to, if one does.</summary>
        public INamedTypeSymbol? CastNavigation(EntityDraft entity, string navigation) =>
            _castNavigations.TryGetValue(entity, out var casts) && casts.TryGetValue(navigation, out var type) ? type : null;

        /// <summary>
        /// The type <paramref name="owner"/> owns through <paramref name="navigation"/>, or null. Asked for every member of every
        /// entity type, so it walks the list itself: a lambda over the member's name made discovery allocate a closure per member.
        /// </summary>
        public EntityDraft? OwnedThrough(EntityDraft owner, string navigation)
        {
            if (!_ownedByOwner.TryGetValue(owner, out var owned)) return null;
            foreach (var entity in owned)
            {
                if (entity.OwnershipNavigation == navigation) return entity;
            }

            return null;
        }

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
