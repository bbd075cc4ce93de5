using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.SourceModel.Conventions
{
    /// <summary>
    /// Turns a settled model draft into the core SchemaModel, applying column conventions and abstaining where the draft is
    /// opaque. Given what it emitted for the snapshot before, it keeps an entity type's model when everything that model is
    /// made from is the same: its draft and the drafts it reads (bases, owners, principals), the model-wide settings, and
    /// the code scan's answers about its points in time. A model edit changes a few entity types; emitting all of them
    /// again was about a third of such an edit at 1,000 entity types (bench/ANALYSIS.md, run 9), and deciding from the
    /// inputs, before anything is built, is what saves it: building and then comparing allocated as much as building.
    /// Which drafts are the same it finds from what each was made from (<see cref="FindDifferingDrafts"/>), comparing only
    /// the drafts that can differ.
    /// </summary>
    internal sealed class SchemaEmitter
    {
        internal const string TableNameFromDbSetConvention = "TableNameFromDbSetConvention";

        private readonly ModelDraft _draft;
        private readonly CodeScan _code;
        private readonly EmittedModel? _before;
        private readonly HashSet<SyntaxTree>? _editedTrees;

        /// <summary>
        /// The drafts that differ from the snapshot before's of their name, or have none there, as the search found them
        /// (<see cref="FindDifferingDrafts"/>); null when it did not run, and the keep decision compares each draft it reads.
        /// </summary>
        private HashSet<EntityDraft>? _differing;

        /// <summary>Two drafts share a name: the search, which finds drafts by name, does not run.</summary>
        private bool _namesRepeat;

        /// <summary>The snapshot before's entity type of each draft's name, by the draft's place, once the search has looked them up.</summary>
        private EmittedModel.Emitted?[]? _beforeAt;

        /// <summary>
        /// Set by the test suites: after the search, every draft it did not find is compared with the snapshot before's as
        /// well, and one that differs fails the extraction, so that every edit the suites make checks the search's premise.
        /// </summary>
        internal static bool CheckEveryDraftAfterSearch { get; set; }

        /// <summary>Per draft, whether its own facts are those of the snapshot before's draft of its name.</summary>
        /// <remarks>Made only when the search does not run: then every draft is compared, so it is sized for all of them.</remarks>
        private Dictionary<EntityDraft, bool>? _unchanged;
        private readonly Stack<EntityDraft> _pending = new Stack<EntityDraft>();
        private readonly HashSet<EntityDraft> _seen = new HashSet<EntityDraft>();
        private readonly List<(PropertyModel Property, AskedCodeFacts Facts)> _asked = new List<(PropertyModel, AskedCodeFacts)>();

        // Asked once per entity type and once per relationship: scanning every entity type for each made emitting quadratic
        // in the model (a million comparisons at 1,000 entity types, twenty-five million at 5,000).
        private readonly HashSet<EntityDraft> _baseTypes = new HashSet<EntityDraft>();
        private readonly Dictionary<string, EntityDraft> _byName;

        /// <param name="before">What the emitter made of the same context in the snapshot before, when there was one.</param>
        /// <param name="editedTrees">
        /// The trees that differ from the snapshot before's, when the two compare file by file: the drafts then tell from
        /// their inputs whether they can differ (<see cref="DraftInputs"/>). Null: every draft is compared.
        /// </param>
        public SchemaEmitter(ModelDraft draft, CodeScan code, EmittedModel? before = null, HashSet<SyntaxTree>? editedTrees = null)
        {
            _draft = draft;
            _code = code;
            _editedTrees = editedTrees;

            // Sized for every entity type up front: a model edit fills these anew for the whole model.
            _byName = new Dictionary<string, EntityDraft>(draft.Entities.Count, StringComparer.Ordinal);
            Emitted = new EmittedModel(draft);
            _before = before is not null && before.Settings.SameAs(Emitted.Settings) ? before : null;
        }

        /// <summary>
        /// Whether the emitter searched for the drafts that differ from the snapshot before's: nothing model-wide changed,
        /// names did not repeat, and the edit was compared file by file. Set by <see cref="Emit"/>.
        /// </summary>
        public bool Searched => _differing is not null;

        /// <summary>Once <see cref="Searched"/>: whether the draft differs from the snapshot before's of its name, or had none.</summary>
        public bool Differs(EntityDraft draft) => _differing!.Contains(draft);

        /// <summary>What this emitter made, for the next snapshot's.</summary>
        public EmittedModel Emitted { get; }

        /// <summary>The model, with each entity type's draft beside its model in <paramref name="emitted"/>.</summary>
        public SchemaModel Emit(IEnumerable<JoinEntity> joins, List<(EntityDraft Draft, EntityTypeModel Entity)> emitted)
        {
            var model = new SchemaModel(_draft.ContextName, _draft.Provider)
            {
                IsEntitySetComplete = _draft.IsEntitySetComplete && !_draft.IsOpaque && !_draft.HasCompiledConfiguration,
                OnlyPackageEntityTypesUnseen = _draft.IsEntitySetComplete && !_draft.IsOpaque && _draft.HasCompiledConfiguration,
                UnknownReason = _draft.IsOpaque ? _draft.OpaqueReason ?? "model-building code the analyzers cannot follow" : null,
            };
            model.Code.IsObserved = true;
            model.ReserveEntities(_draft.Entities.Count);
            NameOwnedTypes();
            foreach (var draft in _draft.Entities)
            {
                if (draft.BaseType is not null) _baseTypes.Add(draft.BaseType);

                // The first of a name, as a search of the list in order finds it.
                if (!_byName.ContainsKey(draft.Name)) _byName.Add(draft.Name, draft);
                else _namesRepeat = true;
            }

            // Once every draft is found by name: a foreign key names its principal by name, and one declared later may be it.
            foreach (var draft in _draft.Entities) RecordNamesOf(draft);

            FindDifferingDrafts();
            var entities = _draft.Entities;
            for (var position = 0; position < entities.Count; position++)
            {
                var draft = entities[position];
                var hasDerivedTypes = _baseTypes.Contains(draft);
                var kept = Kept(draft, _beforeAt is null ? _before?.Find(draft.Name) : _beforeAt[position], hasDerivedTypes);
                var entity = kept?.Entity ?? Entity(draft);
                model.AddEntity(entity);
                Emitted.Add(draft, position, entity, hasDerivedTypes, kept);
                emitted.Add((draft, entity));
            }

            foreach (var join in joins)
            {
                if (model.FindEntity(join.Name) is not null)
                {
                    model.IsEntitySetComplete = false;
                    continue;
                }

                var kept = _before?.FindJoin(join.Name) is { } before && EmitInputs.Same(join, before.Join) ? before.Entity : null;
                var entity = kept ?? Join(join);
                model.AddEntity(entity);
                Emitted.AddJoin(join, entity, kept is not null);
            }

            return model;
        }

        /// <summary>
        /// The snapshot before's entity type (its model and the record of its draft), when its model is made from the same
        /// inputs; the code scan's answers about it are then recorded as going into that model's properties, as emitting
        /// would record them.
        /// </summary>
        /// <param name="before">The snapshot before's entity type of the draft's name, if any.</param>
        private EmittedModel.Emitted? Kept(EntityDraft draft, EmittedModel.Emitted? before, bool hasDerivedTypes)
        {
            if (before is null || before.HasDerivedTypes != hasDerivedTypes || !ReadsOnlyUnchanged(draft)) return null;

            // The drafts are the same, so the model's properties are the emitted ones in order, after a discriminator the
            // emitter added of its own.
            var entity = before.Entity;
            var properties = entity.Properties;
            var emittedProperties = 0;
            foreach (var declared in draft.Declared)
            {
                if (declared.Type is not null) emittedProperties++;
            }

            var index = properties.Count - emittedProperties;
            if (index < 0) return null;
            var asked = _asked;
            asked.Clear();
            var inSource = draft.Type.IsDeclaredInSource;
            foreach (var declared in draft.Declared)
            {
                if (declared.Type is null) continue;
                var property = properties[index++];
                if (declared.IsShadow || !RuleCatalog.ReadsCodeFactsOf(property)) continue;
                var facts = _code.CodeFacts(property.Name, draft.CodeOwner!, inSource, requiredMember: declared.Member?.IsRequiredMember == true);
                if (!EmitInputs.Same(facts.Assigned, property.IsAssignedByCode) || !EmitInputs.Same(facts.Updated, property.IsUpdatedByCode)) return null;
                asked.Add((property, facts));
            }

            foreach (var (property, facts) in asked) _code.Fed(property, facts);

            return before;
        }

        /// <summary>
        /// The entity type's draft and every draft its model is made from are unchanged: its base types and owners (and
        /// theirs), and the principals of its relationships (whose navigations say which package declares the relationship).
        /// </summary>
        private bool ReadsOnlyUnchanged(EntityDraft draft)
        {
            var pending = _pending;
            var seen = _seen;
            pending.Clear();
            seen.Clear();
            pending.Push(draft);
            foreach (var foreignKey in draft.ForeignKeys)
            {
                if (_byName.TryGetValue(foreignKey.PrincipalEntityName, out var principal)) pending.Push(principal);
            }

            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!seen.Add(current)) continue;
                if (!Unchanged(current)) return false;
                if (current.BaseType is not null) pending.Push(current.BaseType);
                if (current.Owner is not null) pending.Push(current.Owner);
            }

            return true;
        }

        private bool Unchanged(EntityDraft draft)
        {
            if (_differing is not null) return !_differing.Contains(draft);
            _unchanged ??= new Dictionary<EntityDraft, bool>(_draft.Entities.Count);
            if (!_unchanged.TryGetValue(draft, out var unchanged))
            {
                var before = _before!.Find(draft.Name);
                _unchanged[draft] = unchanged = before is not null && EmitInputs.Same(draft, before.Draft);
                Emitted.Compared++;
            }

            return unchanged;
        }

        /// <summary>Records on each draft <paramref name="draft"/> names that it does, for this snapshot's search and the next one's.</summary>
        private void RecordNamesOf(EntityDraft draft)
        {
            draft.BaseType?.AddNamedBy(draft.Name);
            draft.Owner?.AddNamedBy(draft.Name);
            foreach (var foreignKey in draft.ForeignKeys)
            {
                if (_byName.TryGetValue(foreignKey.PrincipalEntityName, out var principal)) principal.AddNamedBy(draft.Name);
            }

            foreach (var navigation in draft.Navigations)
            {
                if (navigation.Target != draft) navigation.Target.AddNamedBy(draft.Name);
            }
        }

        /// <summary>
        /// Finds the drafts that differ from the snapshot before's without comparing every one (at 1,000 entity types,
        /// comparing them all was about a tenth of a model edit: bench/ANALYSIS.md, run 23). A draft made from the same
        /// inputs as before (<see cref="DraftInputs"/>: the same declarations, the same pieces of model-building code, none of
        /// them reading edited code), standing at the same place among the drafts, can differ only through a draft it
        /// relates to: discovery and the conventions make it from its inputs and from its base types, owners, principals
        /// and navigation targets, and from the drafts that name it. So the search compares the drafts whose inputs
        /// changed, and from each that differs, or that the edit removed, the drafts related to it in either snapshot.
        /// It does not run when anything model-wide changed, or when no file-by-file comparison told it the edited trees.
        /// </summary>
        private void FindDifferingDrafts()
        {
            if (_before is null || _editedTrees is null || _namesRepeat || !_before.Inputs.SameAs(Emitted.Inputs)) return;
            var pending = new Stack<EntityDraft>();
            var entities = _draft.Entities;
            var foundBefore = 0;
            var beforeAt = new EmittedModel.Emitted?[entities.Count];
            for (var position = 0; position < entities.Count; position++)
            {
                var draft = entities[position];
                var before = beforeAt[position] = _before.Find(draft.Name);
                if (before is not null) foundBefore++;
                if (before is null || before.Position != position || draft.Inputs.ReachedByEditedCode || !draft.Inputs.SameAs(before.Inputs)) pending.Push(draft);
            }

            // Names are unique here, so when every name before is found again, none was removed.
            if (foundBefore != _before.Count)
            {
                foreach (var name in _before.Names)
                {
                    if (!_byName.ContainsKey(name) && _before.Find(name) is { } removed) PushRelated(removed.Draft, removed.NamedBy, pending);
                }
            }

            var differing = new HashSet<EntityDraft>();
            var compared = new HashSet<EntityDraft>();
            while (pending.Count > 0)
            {
                var draft = pending.Pop();
                if (!compared.Add(draft)) continue;
                var before = _before.Find(draft.Name);
                if (before is not null && EmitInputs.Same(draft, before.Draft)) continue;
                differing.Add(draft);
                PushRelated(draft, draft.NamedBy, pending);
                if (before is not null) PushRelated(before.Draft, before.NamedBy, pending);
            }

            Emitted.Compared = compared.Count;
            _differing = differing;
            _beforeAt = beforeAt;
            if (CheckEveryDraftAfterSearch) CheckNoDraftMissed(compared);
        }

        /// <summary>Pushes the drafts <paramref name="draft"/> (this snapshot's, or the record of the one before) names, and those naming it in the same snapshot.</summary>
        private void PushRelated(EntityDraft draft, List<string>? namedBy, Stack<EntityDraft> pending)
        {
            Push(draft.BaseType?.Name, pending);
            Push(draft.Owner?.Name, pending);
            foreach (var foreignKey in draft.ForeignKeys) Push(foreignKey.PrincipalEntityName, pending);
            foreach (var navigation in draft.Navigations) Push(navigation.Target.Name, pending);
            if (namedBy is null) return;
            foreach (var name in namedBy) Push(name, pending);
        }

        private void Push(string? name, Stack<EntityDraft> pending)
        {
            if (name is not null && _byName.TryGetValue(name, out var draft)) pending.Push(draft);
        }

        private void CheckNoDraftMissed(HashSet<EntityDraft> compared)
        {
            foreach (var draft in _draft.Entities)
            {
                if (compared.Contains(draft)) continue;
                var before = _before!.Find(draft.Name);
                if (before is not null && !EmitInputs.Same(draft, before.Draft))
                    throw new InvalidOperationException($"The search for differing drafts missed {draft.Name}, which differs from the snapshot before's.");
            }
        }

        /// <summary>An owned CLR type used by one navigation only is named after the CLR type, as EF Core does.</summary>
        private void NameOwnedTypes()
        {
            foreach (var group in _draft.Entities.Where(e => e.IsOwned).GroupBy(e => e.Type))
            {
                var owned = group.ToList();
                if (owned.Count == 1 && _draft.Find(owned[0].Type) is null) owned[0].Name = owned[0].Type.EntityName;
            }
        }

        private bool IsOpaque(EntityDraft entity)
        {
            if (_draft.IsOpaque) return true;
            for (var current = entity; current is not null; current = current.BaseType ?? current.Owner)
            {
                if (current.IsOpaque) return true;
            }

            return false;
        }

        private EntityTypeModel Entity(EntityDraft draft)
        {
            var opaque = IsOpaque(draft);
            var root = draft.IsOwned ? draft : KeyConventions.Root(draft);
            var inHierarchy = !draft.IsOwned && (draft.BaseType is not null || _baseTypes.Contains(draft));
            var strategy = root.Strategy?.Value ?? InheritanceStrategy.Tph;
            var entity = new EntityTypeModel(draft.Name, draft.IsOwned ? draft.Type.Name : null)
            {
                IsOwned = draft.IsOwned,
                BaseTypeName = draft.BaseType?.Name,
                Location = draft.Location,
                Package = draft.Type.Package,
                InheritanceStrategy = inHierarchy ? Fact<InheritanceStrategy>.Known(strategy, root.Strategy?.Location) : InheritanceStrategy.None,
                NullableReferenceTypes = draft.NullableReferenceTypes,
                IsKeyless = opaque ? Fact<bool>.Unknown : draft.IsOwned ? false : root.ResolvedKeyless,
                Completeness = opaque ? ModelCompleteness.None : ModelCompleteness.All & ~draft.Unknown,
            };
            if (_draft.ConventionsOpaque) entity.Completeness &= ~ModelCompleteness.Properties;
            Mapping(draft, entity, opaque, inHierarchy ? strategy : InheritanceStrategy.None);

            var tphDerived = draft.BaseType is not null && strategy == InheritanceStrategy.Tph;
            if (inHierarchy && draft.BaseType is null && strategy == InheritanceStrategy.Tph && !draft.Declared.Any(p => p.IsDiscriminator))
                entity.AddProperty(Discriminator(draft));
            foreach (var property in draft.Declared)
            {
                if (property.Type is null) continue;
                entity.AddProperty(Property(draft, property, opaque, tphDerived));
            }

            if (opaque) return entity;
            if (draft.ResolvedPrimaryKey is not null && (draft.IsOwned || draft.BaseType is null))
                entity.Keys.Add(new KeyModel(draft.ResolvedPrimaryKey, isPrimary: true) { Location = draft.PrimaryKeyLocation });
            if (draft.BaseType is null)
            {
                foreach (var alternate in draft.AlternateKeys) entity.Keys.Add(new KeyModel(alternate.Value, isPrimary: false) { Location = alternate.Location });
            }

            entity.ForeignKeys.AddRange(draft.ForeignKeys);
            foreach (var foreignKey in draft.ForeignKeys) foreignKey.Package = PackageOwnership.OfDeclaredParts(DeclaredParts(draft, foreignKey));
            entity.Indexes.AddRange(draft.Indexes.Select(i => i.ToModel()));
            entity.CheckConstraints.AddRange(draft.CheckConstraints);
            return entity;
        }

        /// <summary>The packages of a relationship's parts that the CLR declares (null for the application's): its foreign-key members and navigations.</summary>
        private IEnumerable<string?> DeclaredParts(EntityDraft dependent, ForeignKeyModel foreignKey)
        {
            foreach (var name in foreignKey.PropertyNames)
            {
                var property = SelfAndBase(dependent).SelectMany(e => e.Declared).FirstOrDefault(p => p.Name == name);
                if (property?.Member is { } member) yield return member.DeclaringPackage;
            }

            if (Navigation(dependent, foreignKey.DependentNavigation) is { } toPrincipal) yield return toPrincipal.Member.DeclaringPackage;
            if (_byName.TryGetValue(foreignKey.PrincipalEntityName, out var principal) && Navigation(principal, foreignKey.PrincipalNavigation) is { } toDependent) yield return toDependent.Member.DeclaringPackage;
        }

        private static IEnumerable<EntityDraft> SelfAndBase(EntityDraft entity)
        {
            for (var current = entity; current is not null; current = current.BaseType) yield return current;
        }

        private static NavigationDraft? Navigation(EntityDraft entity, string? name) =>
            name is null ? null : SelfAndBase(entity).SelectMany(e => e.Navigations).FirstOrDefault(n => n.Name == name);

        private void Mapping(EntityDraft draft, EntityTypeModel entity, bool opaque, InheritanceStrategy strategy)
        {
            if (opaque)
            {
                entity.Mapping = Fact<TableMappingKind>.Unknown;
                return;
            }

            if (draft.IsOwned && !draft.OwnershipIsCollection)
            {
                var owner = draft.Owner!;
                var ownerEntity = owner.IsOwned ? owner : KeyConventions.Root(owner);
                entity.Mapping = draft.Mapping?.ToFact() ?? ownerEntity.Mapping?.ToFact() ?? TableMappingKind.Table;
                entity.TableName = draft.TableName ?? TableName(ownerEntity);
                entity.Schema = draft.Schema ?? ownerEntity.Schema;
                return;
            }

            if (draft.BaseType is not null && strategy == InheritanceStrategy.Tph)
            {
                var root = KeyConventions.Root(draft);
                entity.Mapping = root.Mapping?.ToFact() ?? TableMappingKind.Table;
                entity.TableName = TableName(root);
                entity.Schema = root.Schema;
                return;
            }

            if (strategy == InheritanceStrategy.Tpc && draft.Type.IsAbstract && draft.Mapping is null)
            {
                entity.Mapping = TableMappingKind.None;
                return;
            }

            if (draft.Mapping?.Value == TableMappingKind.SqlQuery)
            {
                // EF Core maps such a type to its SQL query and still to a default table that migrations create.
                entity.Mapping = Fact<TableMappingKind>.Unknown;
                return;
            }

            entity.Mapping = draft.Mapping?.ToFact() ?? TableMappingKind.Table;
            entity.TableName = TableName(draft);
            entity.Schema = draft.Schema;
        }

        private string TableName(EntityDraft draft)
        {
            if (draft.TableName is not null) return draft.TableName;

            // A computed name: a table of the entity's own, kept apart from every spelled-out name.
            if (draft.TableNameComputed) return "(computed) " + draft.Name;
            if (draft.IsOwned) return draft.Type.Name;
            if (draft.DbSetName is not null && !_draft.RemovedConventions.Contains(TableNameFromDbSetConvention)) return draft.DbSetName;
            return draft.Type.Name;
        }

        private PropertyModel Discriminator(EntityDraft root)
        {
            var property = new PropertyModel("Discriminator", ClrTypeNames.String)
            {
                IsShadow = true,
                ReferenceNullability = Core.Model.ReferenceNullability.Oblivious,
                IsColumnNullable = false,
                DeclaredRequiredness = DeclaredRequiredness.Unspecified,
                Precision = (int?)null,
                Scale = (int?)null,
                StoreType = (string?)null,
                HasDefaultValue = false,
                DefaultValueSql = (string?)null,
                ComputedColumnSql = (string?)null,
                ValueGenerated = ValueGeneration.Never,
                HasRangeValidation = false,
                IsAssignedByCode = true,
                IsUpdatedByCode = Fact<bool>.Unknown,
                Location = root.Location,
            };
            return property;
        }

        private PropertyModel Property(EntityDraft entity, PropertyDraft draft, bool opaqueEntity, bool tphDerived)
        {
            var type = draft.Type!;
            var underlying = type.Underlying;
            var property = new PropertyModel(draft.Name, underlying.FullName)
            {
                IsEnum = underlying.IsEnum,
                IsNullableValueType = type.IsNullableValueType,
                IsShadow = draft.IsShadow,
                ColumnName = draft.ColumnName,
                Location = draft.Location,
                HasRangeValidation = draft.HasRange,
                RangeMaximum = draft.RangeMaximum,
                Package = draft.Member?.DeclaringPackage,
            };
            property.ReferenceNullability = type.IsValueType
                ? Core.Model.ReferenceNullability.NotApplicable
                : draft.IsShadow
                    ? Core.Model.ReferenceNullability.Oblivious
                    : draft.DeclaredAnnotation switch
                    {
                        NullableAnnotation.Annotated => Core.Model.ReferenceNullability.Annotated,
                        NullableAnnotation.NotAnnotated => Core.Model.ReferenceNullability.NotAnnotated,
                        _ => Core.Model.ReferenceNullability.Oblivious,
                    };

            // Only this compilation's code is scanned: a type from a referenced project may be assigned there. Only points in
            // time have their writes looked for: no rule reads what code writes into any other property, and the two
            // questions per property were a tenth of a model edit at 1,000 entities.
            var inSource = entity.Type.IsDeclaredInSource && !draft.IsShadow;
            if (draft.IsShadow || !RuleCatalog.ReadsCodeFactsOf(property))
            {
                property.IsAssignedByCode = Fact<bool>.Unknown;
                property.IsUpdatedByCode = Fact<bool>.Unknown;
            }
            else
            {
                _code.SetCodeFacts(property, entity.CodeOwner!, inSource, requiredMember: draft.Member?.IsRequiredMember == true);
            }
            if (opaqueEntity || draft.IsOpaque || draft.IsDiscriminator || _draft.ConventionsOpaque && !draft.IsKeyPart) return property;

            property.IsColumnNullable = ColumnNullable(entity, draft, type, tphDerived);
            property.DeclaredRequiredness = draft.Required is null
                ? DeclaredRequiredness.Unspecified
                : Fact<DeclaredRequiredness>.Known(draft.Required.Value ? DeclaredRequiredness.Required : DeclaredRequiredness.Optional, draft.Required.Location);
            var isString = underlying.SpecialType == SpecialType.System_String;
            var isDecimal = underlying.SpecialType == SpecialType.System_Decimal;
            // Model-wide conventions override data annotations; the Fluent API overrides both.
            var maxLength = draft.MaxLength is { FromAnnotation: false } ? draft.MaxLength : isString ? _draft.StringMaxLength ?? draft.MaxLength : draft.MaxLength;
            property.MaxLength = draft.SharesPrincipalFacets && draft.MaxLength is null ? Fact<int?>.Unknown : maxLength?.ToFact() ?? (int?)null;
            var precision = draft.Precision is { FromAnnotation: false } ? draft.Precision : isDecimal ? _draft.DecimalPrecision ?? draft.Precision : draft.Precision;
            property.Precision = precision is null ? (int?)null : Fact<int?>.Known(precision.Value.Precision, precision.Location);
            property.Scale = precision is null ? (int?)null : Fact<int?>.Known(precision.Value.Scale, precision.Location);
            property.StoreType = draft.StoreType?.ToFact() ?? (string?)null;
            property.HasDefaultValue = draft.HasDefaultValue?.ToFact() ?? false;
            property.DefaultValueSql = draft.DefaultValueSql?.ToFact() ?? (string?)null;
            property.ComputedColumnSql = draft.ComputedColumnSql?.ToFact() ?? (string?)null;
            property.ValueGenerated = ValueGenerated(entity, draft, underlying);
            return property;
        }

        private static Fact<bool> ColumnNullable(EntityDraft entity, PropertyDraft draft, ClrType type, bool tphDerived)
        {
            if (draft.IsKeyPart) return false;
            if (tphDerived) return true;
            if (entity.IsOwned && !entity.OwnershipIsCollection)
            {
                if (entity.OwnershipMember?.DeclaredAnnotation != NullableAnnotation.NotAnnotated) return Fact<bool>.Unknown;
            }

            if (draft.RequiredByRelationship is not null) return !draft.RequiredByRelationship.Value;
            if (draft.Required is not null) return !draft.Required.Value;
            if (type.IsValueType) return type.IsNullableValueType;
            if (draft.IsShadow) return true;
            return draft.DeclaredAnnotation != NullableAnnotation.NotAnnotated;
        }

        private static Fact<ValueGeneration> ValueGenerated(EntityDraft entity, PropertyDraft draft, ClrType underlying)
        {
            if (draft.ValueGenerated is not null) return draft.ValueGenerated.ToFact();
            if (draft.ComputedColumnSql?.Value is not null) return ValueGeneration.OnAddOrUpdate;
            if (draft.HasDefaultValue?.Value == true || draft.DefaultValueSql?.Value is not null) return ValueGeneration.OnAdd;
            var root = entity.IsOwned ? entity : KeyConventions.Root(entity);
            var key = root.ResolvedPrimaryKey;
            if (key is { Count: 1 } && key[0] == draft.Name && !draft.IsForeignKeyPart && IsGeneratedKeyType(underlying)) return ValueGeneration.OnAdd;
            return ValueGeneration.Never;
        }

        private static bool IsGeneratedKeyType(ClrType type) =>
            type.SpecialType is SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
            || type.FullName == "System.Guid";

        private EntityTypeModel Join(JoinEntity join)
        {
            var entity = new EntityTypeModel(join.Name)
            {
                IsJoinEntity = true,
                IsPropertyBag = true,
                Mapping = TableMappingKind.Table,
                TableName = join.Name,
                Location = join.Location,
                NullableReferenceTypes = Fact<bool>.Unknown,
            };
            foreach (var (name, type) in join.Properties)
            {
                entity.AddProperty(new PropertyModel(name, type.FullName)
                {
                    ReferenceNullability = type.IsValueType ? Core.Model.ReferenceNullability.NotApplicable : Core.Model.ReferenceNullability.Oblivious,
                    IsColumnNullable = false,
                    DeclaredRequiredness = DeclaredRequiredness.Unspecified,
                    MaxLength = (int?)null,
                    Precision = (int?)null,
                    Scale = (int?)null,
                    StoreType = (string?)null,
                    HasDefaultValue = false,
                    DefaultValueSql = (string?)null,
                    ComputedColumnSql = (string?)null,
                    ValueGenerated = ValueGeneration.Never,
                    HasRangeValidation = false,
                    Location = join.Location,
                });
            }

            entity.Keys.Add(new KeyModel(join.PrimaryKey, isPrimary: true));
            entity.ForeignKeys.AddRange(join.ForeignKeys);
            entity.Indexes.AddRange(join.Indexes);
            return entity;
        }
    }
}
