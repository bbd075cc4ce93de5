using System;
using System.Collections.Generic;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules
{
    /// <summary>
    /// What the model rules keep asking of one model, worked out once per engine run (issue 19: rules cheap enough for every
    /// keystroke): each entity's chain of base types and what it inherits, and each name's normalised form and words. The
    /// model is frozen while the engine runs, so nothing here goes stale, and a new run builds a new index. Entities are
    /// indexed on their first question, so a run of a single rule pays only for what that rule asks.
    /// </summary>
    internal sealed class ModelIndex
    {
        private readonly SchemaModel _model;
        private readonly Dictionary<EntityTypeModel, Hierarchy> _hierarchies = new Dictionary<EntityTypeModel, Hierarchy>();
        private readonly Dictionary<string, NameParts> _names = new Dictionary<string, NameParts>(StringComparer.Ordinal);
        private SchemaLintOptions? _optionsOfIncluded;
        private IReadOnlyList<EntityTypeModel>? _included;
        private HashSet<string>? _shortNames;
        private Dictionary<EntityTypeModel, List<EntityTypeModel>>? _tables;

        public ModelIndex(SchemaModel model)
        {
            _model = model ?? throw new ArgumentNullException(nameof(model));
        }

        public SchemaModel Model => _model;

        /// <summary>The model's entity types that these options do not exclude, in model order; matched once per run, not once per rule.</summary>
        public IReadOnlyList<EntityTypeModel> EntitiesNotExcluded(SchemaLintOptions options)
        {
            if (!ReferenceEquals(options, _optionsOfIncluded))
            {
                var included = new List<EntityTypeModel>(_model.Entities.Count);
                foreach (var entity in _model.Entities)
                {
                    if (!options.IsExcluded(entity)) included.Add(entity);
                }

                _included = included;
                _optionsOfIncluded = options;
            }

            return _included!;
        }

        /// <summary>The short names of the model's entity types, compared ignoring case.</summary>
        public ISet<string> EntityShortNames
        {
            get
            {
                if (_shortNames is null)
                {
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var entity in _model.Entities) names.Add(entity.ShortName);
                    _shortNames = names;
                }

                return _shortNames;
            }
        }

        /// <summary>
        /// The entity types stored in the entity's table, in model order (null for an entity type mapped to no known table):
        /// those of the same schema and table name; an entity type without a table name is a table of its own, which a TPH
        /// root without one shares with its derived types that have none either.
        /// </summary>
        public IReadOnlyList<EntityTypeModel>? TableOf(EntityTypeModel entity)
        {
            _tables ??= Tables();
            return _tables.TryGetValue(entity, out var table) ? table : null;
        }

        /// <summary>
        /// What two entity types stored in one table (<see cref="TableOf"/>) have in common, or null for one mapped to no known
        /// table: its schema and table name, or, without a table name, the entity type whose table it is (its own, or its TPH
        /// root's). The engine compares these across an edit, so they are values, not lists.
        /// </summary>
        public (string? Schema, string Name, bool IsEntityName)? TableKey(EntityTypeModel entity)
        {
            if (!entity.Mapping.Is(TableMappingKind.Table)) return null;
            if (entity.TableName is not null) return (entity.Schema ?? string.Empty, entity.TableName, false);
            return (null, (RuleFacts.IsTphDerived(this, entity) ? Root(entity) : entity).Name, true);
        }

        private Dictionary<EntityTypeModel, List<EntityTypeModel>> Tables()
        {
            var byName = new Dictionary<(string Schema, string Name), List<EntityTypeModel>>();
            var tables = new Dictionary<EntityTypeModel, List<EntityTypeModel>>();
            var derivedWithoutTableName = new List<EntityTypeModel>();
            foreach (var entity in _model.Entities)
            {
                if (!entity.Mapping.Is(TableMappingKind.Table)) continue;
                List<EntityTypeModel>? table;
                if (entity.TableName is null)
                {
                    // Without a table name, a TPH-derived type still lives in its root's table: placed once every root is.
                    if (RuleFacts.IsTphDerived(this, entity))
                    {
                        derivedWithoutTableName.Add(entity);
                        continue;
                    }

                    table = new List<EntityTypeModel>();
                }
                else
                {
                    var key = (entity.Schema ?? string.Empty, entity.TableName);
                    if (!byName.TryGetValue(key, out table)) byName[key] = table = new List<EntityTypeModel>();
                }

                table.Add(entity);
                tables[entity] = table;
            }

            foreach (var derived in derivedWithoutTableName)
            {
                var root = Root(derived);
                if (root == derived || !tables.TryGetValue(root, out var table) || root.TableName is not null) continue;
                table.Add(derived);
                tables[derived] = table;
            }

            return tables;
        }

        /// <summary>The entity itself and its base types, nearest first (<see cref="SchemaModel.SelfAndBaseTypes"/>).</summary>
        public IReadOnlyList<EntityTypeModel> SelfAndBaseTypes(EntityTypeModel entity) => HierarchyOf(entity).SelfAndBaseTypes;

        /// <summary>Declared and inherited properties, in <see cref="SchemaModel.AllProperties"/>' order.</summary>
        public IReadOnlyList<PropertyModel> AllProperties(EntityTypeModel entity) => HierarchyOf(entity).AllProperties;

        /// <summary>Keys declared on the entity or inherited, nearest type first (<see cref="SchemaModel.AllKeys"/>).</summary>
        public IReadOnlyList<KeyModel> AllKeys(EntityTypeModel entity) => HierarchyOf(entity).AllKeys;

        /// <summary>Relationships in which the entity or a base type is the dependent (<see cref="SchemaModel.AllForeignKeys"/>).</summary>
        public IReadOnlyList<ForeignKeyModel> AllForeignKeys(EntityTypeModel entity) => HierarchyOf(entity).AllForeignKeys;

        public IReadOnlyList<IndexModel> AllIndexes(EntityTypeModel entity) => HierarchyOf(entity).AllIndexes;

        public IReadOnlyList<CheckConstraintModel> AllCheckConstraints(EntityTypeModel entity) => HierarchyOf(entity).AllCheckConstraints;

        /// <summary>The entity whose primary key a foreign key references (<see cref="SchemaModel.Principal"/>).</summary>
        public EntityTypeModel? Principal(ForeignKeyModel foreignKey) => _model.FindEntity(foreignKey.PrincipalEntityName);

        /// <summary>The root of the entity's inheritance hierarchy (<see cref="SchemaModel.Root"/>).</summary>
        public EntityTypeModel Root(EntityTypeModel entity) => HierarchyOf(entity).Root;

        /// <summary>The entity's collections and those of all its base types are complete for <paramref name="facts"/>.</summary>
        public bool IsComplete(EntityTypeModel entity, ModelCompleteness facts) => (HierarchyOf(entity).Completeness & facts) == facts;

        /// <summary>
        /// Whether a finding on the entity could be about something a package declares (<see cref="PackageOwnership.IsAboutPackage"/>):
        /// the entity is a package's, or it declares or inherits a property or relationship a package declares. When not,
        /// that question's answer is no for every member, and the engine need not ask it.
        /// </summary>
        public bool MayBeAboutPackage(EntityTypeModel entity) => HierarchyOf(entity).MayBeAboutPackage;

        /// <summary>The normalised names (<see cref="NameVocabulary.Normalize"/>) of the properties the entity declares or inherits.</summary>
        public ISet<string> NormalizedPropertyNames(EntityTypeModel entity)
        {
            var hierarchy = HierarchyOf(entity);
            if (hierarchy.NormalizedPropertyNames is null)
            {
                hierarchy.NormalizedPropertyNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in hierarchy.AllProperties) hierarchy.NormalizedPropertyNames.Add(Name(property.Name).Normalized);
            }

            return hierarchy.NormalizedPropertyNames;
        }

        /// <summary>The first property of that name the entity declares or inherits (<see cref="SchemaModel.FindProperty"/>).</summary>
        public PropertyModel? FindProperty(EntityTypeModel entity, string propertyName)
        {
            // Indexed loops: these run for every property a rule looks at, and foreach over an IReadOnlyList allocates an enumerator.
            var properties = AllProperties(entity);
            for (var i = 0; i < properties.Count; i++)
            {
                if (string.Equals(properties[i].Name, propertyName, StringComparison.Ordinal)) return properties[i];
            }

            return null;
        }

        /// <summary>Some key the entity declares or inherits has this property, compared ordinally.</summary>
        public bool IsKeyProperty(EntityTypeModel entity, string propertyName, bool primaryOnly = false)
        {
            var keys = AllKeys(entity);
            for (var i = 0; i < keys.Count; i++)
            {
                if ((!primaryOnly || keys[i].IsPrimary) && Contains(keys[i].PropertyNames, propertyName, StringComparison.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>Some relationship the entity declares or inherits has this foreign-key property.</summary>
        public bool IsForeignKeyProperty(EntityTypeModel entity, string propertyName, StringComparison comparison = StringComparison.Ordinal)
        {
            var foreignKeys = AllForeignKeys(entity);
            for (var i = 0; i < foreignKeys.Count; i++)
            {
                if (Contains(foreignKeys[i].PropertyNames, propertyName, comparison)) return true;
            }

            return false;
        }

        /// <summary>A name's normalised form and words, split once per run however many rules and entities ask.</summary>
        public NameParts Name(string name)
        {
            if (!_names.TryGetValue(name, out var parts)) _names[name] = parts = new NameParts(name);
            return parts;
        }

        /// <summary><see cref="NameVocabulary.Matches(string)"/>, without normalising the name again.</summary>
        public bool Matches(NameVocabulary vocabulary, string name) => vocabulary.TryMatch(Name(name), out _, out _);

        /// <summary><see cref="NameVocabulary.TryMatch(string, out string, out int?)"/>' number, without normalising the name again.</summary>
        public bool TryMatch(NameVocabulary vocabulary, string name, out int? value) => vocabulary.TryMatch(Name(name), out _, out value);

        private static bool Contains(IReadOnlyList<string> names, string name, StringComparison comparison)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, comparison)) return true;
            }

            return false;
        }

        private Hierarchy HierarchyOf(EntityTypeModel entity)
        {
            if (!_hierarchies.TryGetValue(entity, out var hierarchy)) _hierarchies[entity] = hierarchy = new Hierarchy(_model, entity);
            return hierarchy;
        }

        /// <summary>
        /// One entity's chain of types and what the chain holds. Most entities have no base type: their members are then their
        /// own lists, handed out as they are (the model is frozen), so indexing them copies nothing.
        /// </summary>
        private sealed class Hierarchy
        {
            private readonly EntityTypeModel[] _types;
            private IReadOnlyList<PropertyModel>? _properties;
            private IReadOnlyList<KeyModel>? _keys;
            private IReadOnlyList<ForeignKeyModel>? _foreignKeys;
            private IReadOnlyList<IndexModel>? _indexes;
            private IReadOnlyList<CheckConstraintModel>? _checkConstraints;
            private bool? _mayBeAboutPackage;

            public Hierarchy(SchemaModel model, EntityTypeModel entity)
            {
                if (entity.BaseTypeName is null)
                {
                    _types = new[] { entity };
                }
                else
                {
                    // As SchemaModel.SelfAndBaseTypes walks it: by base type name, stopping at a type seen before.
                    var types = new List<EntityTypeModel>();
                    for (var current = entity; current is not null && !types.Contains(current); current = current.BaseTypeName is null ? null : model.FindEntity(current.BaseTypeName))
                        types.Add(current);
                    _types = types.ToArray();
                }

                var completeness = (ModelCompleteness)~0;
                foreach (var type in _types) completeness &= type.Completeness;
                Completeness = completeness;
            }

            public IReadOnlyList<EntityTypeModel> SelfAndBaseTypes => _types;

            public EntityTypeModel Root => _types[_types.Length - 1];

            /// <summary>The flags every type of the chain has.</summary>
            public ModelCompleteness Completeness { get; }

            public HashSet<string>? NormalizedPropertyNames { get; set; }

            // Collected on first use: each rule asks about some of these only.
            public IReadOnlyList<PropertyModel> AllProperties => _properties ??= Collect(t => t.Properties);

            public IReadOnlyList<KeyModel> AllKeys => _keys ??= Collect(t => t.Keys);

            public IReadOnlyList<ForeignKeyModel> AllForeignKeys => _foreignKeys ??= Collect(t => t.ForeignKeys);

            public IReadOnlyList<IndexModel> AllIndexes => _indexes ??= Collect(t => t.Indexes);

            public IReadOnlyList<CheckConstraintModel> AllCheckConstraints => _checkConstraints ??= Collect(t => t.CheckConstraints);

            public bool MayBeAboutPackage => _mayBeAboutPackage ??= FindAnythingFromAPackage();

            private bool FindAnythingFromAPackage()
            {
                if (_types[0].Package is not null) return true;
                foreach (var type in _types)
                {
                    foreach (var property in type.Properties)
                    {
                        if (property.Package is not null) return true;
                    }

                    foreach (var foreignKey in type.ForeignKeys)
                    {
                        if (foreignKey.Package is not null) return true;
                    }

                    // An index is a package's when all its columns are (an index always has one): the properties above tell.
                }

                return false;
            }

            private IReadOnlyList<T> Collect<T>(Func<EntityTypeModel, List<T>> members)
            {
                if (_types.Length == 1) return members(_types[0]);
                var all = new List<T>();
                foreach (var type in _types) all.AddRange(members(type));
                return all;
            }
        }
    }
}
