using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model
{
    /// <summary>
    /// One DbContext's schema as a front end established it: the only input of the rule engine.
    /// Front ends fill it, then hand it to the engine; treat it as frozen once analysis starts.
    /// </summary>
    public sealed class SchemaModel
    {
        // Not readonly: WithEntitiesReplaced gives its copy collections of its own.
        private List<EntityTypeModel> _entities = new List<EntityTypeModel>();

        // Kept up to date by AddEntity, so that filling a model of n entities costs O(n), not O(n²).
        private Dictionary<string, EntityTypeModel> _byName = new Dictionary<string, EntityTypeModel>(StringComparer.Ordinal);
        private Dictionary<string, List<EntityTypeModel>> _byShortName = new Dictionary<string, List<EntityTypeModel>>(StringComparer.Ordinal);

        public SchemaModel(string? contextName = null, DatabaseProvider provider = DatabaseProvider.Unknown)
        {
            ContextName = contextName;
            Provider = provider;
        }

        /// <summary>The DbContext's CLR name, when the model came from one.</summary>
        public string? ContextName { get; set; }

        public DatabaseProvider Provider { get; set; }

        /// <summary>
        /// False when model-building code the front end could not follow may add entity types
        /// (for example a loop over assemblies): rules that reason about "no entity named X" stay silent.
        /// </summary>
        public bool IsEntitySetComplete { get; set; } = true;

        /// <summary>
        /// The only entity types missing are those compiled package code adds for itself (Identity's roles and claims), which
        /// can take part in no relationship of the application's types except those the package was handed: rules that ask
        /// whether an application property belongs to some relationship may still answer.
        /// </summary>
        public bool OnlyPackageEntityTypesUnseen { get; set; }

        /// <summary>Why a front end left the whole model unknown (the code it could not follow), or null when it did not.</summary>
        public string? UnknownReason { get; set; }

        public IReadOnlyList<EntityTypeModel> Entities => _entities;

        /// <summary>Facts that only source code shows (calls, assignments); empty when a front end cannot see code.</summary>
        public CodeFacts Code { get; } = new CodeFacts();

        /// <summary>The live database's schema, when a front end read one; the database-check rules (SL6xxx) need it.</summary>
        public Database.DatabaseSchema? LiveDatabase { get; set; }

        /// <summary>The context's migrations, when a front end read them; the migration rules (SL7xxx) need them.</summary>
        public Migrations.MigrationHistory? Migrations { get; set; }

        /// <summary>
        /// Makes room for <paramref name="count"/> entity types in all, so that a front end that knows how many it will add
        /// fills the model without its tables growing step by step (a model edit in the IDE fills a thousand-entity model anew).
        /// </summary>
        public void ReserveEntities(int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of entity types cannot be negative.");
            if (count <= _entities.Capacity) return;
            var entities = _entities;
            _entities = new List<EntityTypeModel>(count);
            _byName = new Dictionary<string, EntityTypeModel>(count, StringComparer.Ordinal);
            _byShortName = new Dictionary<string, List<EntityTypeModel>>(count, StringComparer.Ordinal);
            foreach (var entity in entities) AddEntity(entity);
        }

        public EntityTypeModel AddEntity(EntityTypeModel entity)
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            if (_byName.ContainsKey(entity.Name))
                throw new InvalidOperationException($"The model already has an entity type named '{entity.Name}'.");
            _entities.Add(entity);
            _byName.Add(entity.Name, entity);
            if (!_byShortName.TryGetValue(entity.ShortName, out var sameShortName)) _byShortName[entity.ShortName] = sameShortName = new List<EntityTypeModel>();
            sameShortName.Add(entity);
            return entity;
        }

        /// <summary>
        /// A copy of this model whose entity types are those of <paramref name="replacements"/> where it names them (each with
        /// the same name as the one it replaces), in the same order; everything else is shared with this model, so both must
        /// stay frozen. A front end that learns one changed fact uses it to avoid building the whole model again.
        /// </summary>
        public SchemaModel WithEntitiesReplaced(IReadOnlyDictionary<EntityTypeModel, EntityTypeModel> replacements)
        {
            if (replacements is null) throw new ArgumentNullException(nameof(replacements));
            var copy = (SchemaModel)MemberwiseClone();
            copy._entities = new List<EntityTypeModel>(_entities.Count);
            copy._byName = new Dictionary<string, EntityTypeModel>(_byName.Count, StringComparer.Ordinal);
            copy._byShortName = new Dictionary<string, List<EntityTypeModel>>(_byShortName.Count, StringComparer.Ordinal);
            foreach (var entity in _entities)
            {
                if (!replacements.TryGetValue(entity, out var replacement)) replacement = entity;
                else if (!string.Equals(replacement.Name, entity.Name, StringComparison.Ordinal))
                    throw new ArgumentException($"'{replacement.Name}' cannot replace '{entity.Name}': a replacement keeps the entity type's name.", nameof(replacements));
                copy.AddEntity(replacement);
            }

            return copy;
        }

        /// <summary>Finds an entity type by its full name, or by its short name when that is unambiguous.</summary>
        public EntityTypeModel? FindEntity(string name)
        {
            if (string.IsNullOrEmpty(name)) return null;
            if (_byName.TryGetValue(name, out var entity)) return entity;
            return _byShortName.TryGetValue(name, out var candidates) && candidates.Count == 1 ? candidates[0] : null;
        }

        /// <summary>Entity types whose short (simple) name is <paramref name="shortName"/>, compared ordinally.</summary>
        public IReadOnlyList<EntityTypeModel> EntitiesNamed(string shortName) =>
            _byShortName.TryGetValue(shortName, out var entities) ? entities : (IReadOnlyList<EntityTypeModel>)Array.Empty<EntityTypeModel>();

        /// <summary>The entity itself and its base types, nearest first.</summary>
        public IEnumerable<EntityTypeModel> SelfAndBaseTypes(EntityTypeModel entity)
        {
            var seen = new HashSet<EntityTypeModel>();
            for (var current = entity; current is not null && seen.Add(current); current = current.BaseTypeName is null ? null : FindEntity(current.BaseTypeName))
                yield return current;
        }

        /// <summary>Declared and inherited properties.</summary>
        public IEnumerable<PropertyModel> AllProperties(EntityTypeModel entity) => SelfAndBaseTypes(entity).SelectMany(e => e.Properties);

        public PropertyModel? FindProperty(EntityTypeModel entity, string propertyName) =>
            AllProperties(entity).FirstOrDefault(p => string.Equals(p.Name, propertyName, StringComparison.Ordinal));

        /// <summary>Keys, foreign keys and indexes declared on the entity or inherited from its base types.</summary>
        public IEnumerable<KeyModel> AllKeys(EntityTypeModel entity) => SelfAndBaseTypes(entity).SelectMany(e => e.Keys);

        public IEnumerable<ForeignKeyModel> AllForeignKeys(EntityTypeModel entity) => SelfAndBaseTypes(entity).SelectMany(e => e.ForeignKeys);

        public IEnumerable<IndexModel> AllIndexes(EntityTypeModel entity) => SelfAndBaseTypes(entity).SelectMany(e => e.Indexes);

        public IEnumerable<CheckConstraintModel> AllCheckConstraints(EntityTypeModel entity) => SelfAndBaseTypes(entity).SelectMany(e => e.CheckConstraints);

        /// <summary>The entity whose primary key a foreign key references.</summary>
        public EntityTypeModel? Principal(ForeignKeyModel foreignKey) => FindEntity(foreignKey.PrincipalEntityName);

        /// <summary>The root of an entity's inheritance hierarchy.</summary>
        public EntityTypeModel Root(EntityTypeModel entity) => SelfAndBaseTypes(entity).Last();
    }

    /// <summary>Observations that exist only in source code. The runtime front end leaves these empty.</summary>
    public sealed class CodeFacts
    {
        /// <summary>Whether the front end could see source code at all; source-only rules need it.</summary>
        public bool IsObserved { get; set; }

        /// <summary>The code belongs to a test project (it references a test framework).</summary>
        public bool IsTestProject { get; set; }

        public List<CodeSite> EnsureCreatedCalls { get; } = new List<CodeSite>();

        public List<CodeSite> UndisposedContexts { get; } = new List<CodeSite>();
    }

    /// <summary>A place in code and what happens there, in words a message can use (for example the context type).</summary>
    public sealed class CodeSite
    {
        public CodeSite(SourceLocation location, string subject)
        {
            Location = location ?? throw new ArgumentNullException(nameof(location));
            Subject = subject ?? string.Empty;
        }

        public SourceLocation Location { get; }

        public string Subject { get; }

        /// <summary>The containing type, for exclusions and grouping.</summary>
        public string? ContainingType { get; set; }

        public bool IsAsync { get; set; }
    }
}
