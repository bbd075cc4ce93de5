using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Declarations;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Analyzers.SourceModel.Fluent;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// Completes the entity set the way EF Core does (types reached through navigations, owned types, base types)
    /// and collects each entity's mapped properties and navigations with their data annotations.
    /// </summary>
    internal sealed class EntityDiscovery
    {
        private readonly ModelDraft _model;
        private readonly CompilationScope _scope;
        private readonly FluentReader _reader;
        /// <summary>Owned types nest deeper than any real model; beyond this the chain is left unknown rather than followed.</summary>
        private const int MaxOwnershipDepth = 16;

        private readonly EfSymbols _symbols;
        private readonly TypeFactsReader _facts;
        private readonly System.Threading.CancellationToken _cancellationToken;
        private readonly HashSet<string> _seenNames = new HashSet<string>(System.StringComparer.Ordinal);

        // Closing the entity set reads every entity type's candidates over its whole hierarchy; collecting the members of one
        // without an entity base type asks the same again, so that answer is kept until then.
        private readonly Dictionary<EntityDraft, List<PropertyFacts>> _wholeHierarchyCandidates;

        public EntityDiscovery(ModelDraft model, CompilationScope scope, FluentReader reader, System.Threading.CancellationToken cancellationToken)
        {
            _model = model;
            _scope = scope;
            _reader = reader;
            _symbols = scope.Symbols;
            _facts = scope.TypeFacts;
            _cancellationToken = cancellationToken;
            _wholeHierarchyCandidates = new Dictionary<EntityDraft, List<PropertyFacts>>(model.Entities.Count);
        }

        public void Run()
        {
            CloseEntitySet();
            foreach (var entity in _model.Entities.Where(e => !e.IsOwned))
                entity.BaseType = NearestEntityBase(TypeOf(entity));
            foreach (var entity in _model.Entities.OrderBy(Depth).ToList()) CollectMembers(entity);
            _wholeHierarchyCandidates.Clear();
            foreach (var entity in _model.Entities) ReadTypeFacts(entity);
        }

        private INamedTypeSymbol TypeOf(EntityDraft entity) => _model.SymbolOf(entity);

        /// <summary>What conventions and the emitter ask of the entity's CLR type beyond its members.</summary>
        private void ReadTypeFacts(EntityDraft entity)
        {
            var facts = _facts.Of(TypeOf(entity));
            if (facts.NullableContextReadFrom is { } tree) ExtractionFootprint.TouchWhole(tree);
            entity.NullableReferenceTypes = facts.NullableContext;
            entity.CodeOwner = facts.CodeOwner;
        }

        private static int Depth(EntityDraft entity)
        {
            var depth = 0;
            for (var current = entity; current is not null; current = current.BaseType ?? current.Owner) depth++;
            return depth;
        }

        private void CloseEntitySet()
        {
            var processed = new HashSet<EntityDraft>();
            bool added;
            do
            {
                added = false;
                foreach (var entity in _model.Entities.ToList())
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (!processed.Add(entity)) continue;
                    added = true;
                    ApplyConfigurationAttribute(entity);
                    var candidates = CandidateMembers(TypeOf(entity), null);
                    _facts.AddHierarchyTo(TypeOf(entity), entity.Inputs);
                    _wholeHierarchyCandidates[entity] = candidates;
                    foreach (var member in candidates)
                    {
                        if (IsIgnored(entity, member.Name)) continue;
                        var memberType = member.Member!.Type;
                        var (shape, target) = (memberType.Shape, memberType.ShapeTarget);
                        if (IsMappedAsScalar(entity, member.Name)) continue;
                        var cast = FindCastNavigation(entity, member.Name);
                        if (cast is not null) (shape, target) = (CastShape(memberType), _scope.Clr.Of(cast));
                        if ((shape != MemberShape.Reference && shape != MemberShape.Collection) || target is null) continue;
                        if (entity.IsOwned && target.Equals(entity.Owner!.Type)) continue;
                        if (_model.OwnedThrough(entity, member.Name) is not null) continue;
                        if (_model.IgnoredTypes.Contains(target)) continue;
                        if (IsOwnedType(entity, member, target, cast))
                        {
                            // EF Core rejects an owned type that owns itself through a cycle; following it would never end.
                            if (OwnershipDepth(entity) >= MaxOwnershipDepth || OwnsThroughChain(entity, target))
                            {
                                for (var owner = entity; owner is not null; owner = owner.Owner) owner.MakeOpaque();
                                continue;
                            }

                            _model.AddOwned(entity, member.Name, member.Member, TargetSymbol(entity, member, target, cast), shape == MemberShape.Collection, member.Member.Location);
                        }
                        else if (_model.Find(target) is null)
                            _model.GetOrAdd(TargetSymbol(entity, member, target, cast));
                    }
                }
            }
            while (added);
        }

        /// <summary>Fluent code mapped the member as a property (a class-typed id with a converter), on this type or a base.</summary>
        private static bool IsMappedAsScalar(EntityDraft entity, string name)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                if (current.IsMappedAsScalar(name)) return true;
            }

            return false;
        }

        private INamedTypeSymbol? FindCastNavigation(EntityDraft entity, string name)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                if (_model.CastNavigation(current, name) is { } cast) return cast;
            }

            return null;
        }

        /// <summary>A navigation Fluent code casts (to an entity type, from an interface or base type): a collection when its member is one.</summary>
        private static MemberShape CastShape(ClrType memberType) => memberType.IsCollection ? MemberShape.Collection : MemberShape.Reference;

        /// <summary>
        /// The symbol of the entity type a navigation reaches, for the type's draft: the cast's, the existing draft's, the one
        /// its metadata name finds (when that is this very type), or else the member's own type, completed on this compilation.
        /// </summary>
        private INamedTypeSymbol TargetSymbol(EntityDraft entity, PropertyFacts member, ClrType target, INamedTypeSymbol? cast)
        {
            return cast ?? _facts.NavigationTarget(_model, TypeOf(entity), member.Name, target);
        }

        private static int OwnershipDepth(EntityDraft entity)
        {
            var depth = 0;
            for (var current = entity.Owner; current is not null; current = current.Owner) depth++;
            return depth;
        }

        /// <summary>The type already appears in the ownership chain above (and including) the entity.</summary>
        private static bool OwnsThroughChain(EntityDraft entity, ClrType type)
        {
            for (var current = entity; current is not null; current = current.Owner)
            {
                if (current.Type.Equals(type)) return true;
            }

            return false;
        }

        private void ApplyConfigurationAttribute(EntityDraft entity)
        {
            if (entity.AttributeConfigurationApplied || entity.IsOwned) return;
            entity.AttributeConfigurationApplied = true;
            if (!_facts.Of(TypeOf(entity)).HasConfigurationAttribute) return;
            var attribute = Find(TypeOf(entity), _symbols.EntityTypeConfigurationAttribute);
            if (attribute is null) return;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol configuration)
                _reader.ApplyConfiguration(configuration, TypeOf(entity), entity);
            else
                entity.MakeOpaque();
        }

        /// <summary><c>Owned&lt;T&gt;()</c> or <c>[Owned]</c> made the navigation's target type owned.</summary>
        private bool IsOwnedType(EntityDraft entity, PropertyFacts member, ClrType target, INamedTypeSymbol? cast)
        {
            if (_model.OwnedTypes.Contains(target)) return true;
            var facts = _facts.Known(target) ?? _facts.Of(TargetSymbol(entity, member, target, cast));
            return facts.HasOwnedAttribute;
        }

        private EntityDraft? NearestEntityBase(INamedTypeSymbol type)
        {
            if (_facts.Hierarchy(type) is { } hierarchy)
            {
                for (var i = 1; i < hierarchy.Count; i++)
                {
                    if (_model.Find(hierarchy[i].Type) is { } found) return found;
                }

                return null;
            }

            for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var entity = _model.Find(current);
                if (entity is not null) return entity;
            }

            return null;
        }

        private bool IsIgnored(EntityDraft entity, string name)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                if (current.IsIgnored(name)) return true;
            }

            return false;
        }

        /// <summary>
        /// Properties EF Core considers: instance, non-indexer, public getter, a setter somewhere (collections need none),
        /// not [NotMapped]; declared on the type or on CLR bases up to (not including) <paramref name="stopAt"/>. A property
        /// it does not consider still hides a base type's property of the same name.
        /// </summary>
        private List<PropertyFacts> CandidateMembers(INamedTypeSymbol type, INamedTypeSymbol? stopAt)
        {
            // One set of names for the whole extraction, cleared per type: a new set per type and pass, grown member by member,
            // was 4% of an extraction at 1,000 entities.
            var seen = _seenNames;
            seen.Clear();
            if (_facts.Hierarchy(type) is { } hierarchy)
            {
                // Sized for every property of the hierarchy: grown one by one, the lists were two thirds of what asking allocated.
                // Indexed loops: foreach over these interfaces allocates an enumerator, for every entity type on every model edit.
                var capacity = 0;
                for (var level = 0; level < hierarchy.Count; level++) capacity += hierarchy[level].Properties.Count;
                var candidates = new List<PropertyFacts>(capacity);
                var stopAtType = stopAt is null ? null : _scope.Clr.Of(stopAt);
                for (var level = 0; level < hierarchy.Count; level++)
                {
                    var facts = hierarchy[level];
                    if (facts.Type.Equals(stopAtType)) break;
                    AddCandidates(facts.Properties, seen, candidates);
                }

                return candidates;
            }

            var read = new List<PropertyFacts>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (stopAt is not null && SymbolEqualityComparer.Default.Equals(current, stopAt)) break;
                AddCandidates(_facts.Of(current).Properties, seen, read);
            }

            return read;
        }

        /// <summary>The candidates among one type's properties that no more derived type declared.</summary>
        private static void AddCandidates(IReadOnlyList<PropertyFacts> properties, HashSet<string> seen, List<PropertyFacts> candidates)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                if (seen.Add(property.Name) && property.IsCandidate) candidates.Add(property);
            }
        }

        private void CollectMembers(EntityDraft entity)
        {
            var type = TypeOf(entity);
            var stopAt = entity.BaseType is null ? null : TypeOf(entity.BaseType);
            var candidates = stopAt is null && _wholeHierarchyCandidates.TryGetValue(entity, out var read) ? read : CandidateMembers(type, stopAt);
            entity.ReserveMembers(candidates.Count);
            foreach (var member in candidates)
            {
                if (IsIgnored(entity, member.Name)) continue;
                var clr = member.Member!;
                var (shape, target) = (clr.Type.Shape, clr.Type.ShapeTarget);
                if (IsMappedAsScalar(entity, member.Name)) shape = MemberShape.ProviderScalar;
                if (FindCastNavigation(entity, member.Name) is { } cast) (shape, target) = (CastShape(clr.Type), _scope.Clr.Of(cast));
                switch (shape)
                {
                    case MemberShape.Scalar:
                    case MemberShape.ProviderScalar:
                    {
                        var property = entity.Property(member.Name);
                        property.Member = clr;
                        property.Type = clr.Type;
                        property.Location = clr.Location;
                        if (shape == MemberShape.ProviderScalar) property.IsOpaque = true;

                        // Declared as a type parameter (T Value on Setting<string>): its nullability is not written anywhere EF reads.
                        if (clr.DeclaredAsTypeParameter) property.IsOpaque = true;
                        ReadPropertyAnnotations(entity, property, member.Attributes);
                        entity.Declared.Add(property);
                        break;
                    }

                    case MemberShape.Reference:
                    case MemberShape.Collection:
                    {
                        if (entity.IsOwned && target!.Equals(entity.Owner!.Type)) break;
                        if (_model.OwnedThrough(entity, member.Name) is not null) break;
                        var targetEntity = _model.Find(target!);
                        if (targetEntity is not null)
                            entity.Navigations.Add(new NavigationDraft(entity, clr, targetEntity, shape == MemberShape.Collection));
                        break;
                    }

                    default:
                        // EF Core would reject or map it in a way not modelled here: what else the entity has is uncertain.
                        entity.Unknown |= ModelCompleteness.Properties;
                        break;
                }
            }

            // Fluent-only names: shadow properties (Property<T>("Name")), or members this reader did not recognise.
            foreach (var configured in entity.Properties.Values.ToList())
            {
                if (configured.Member is { IsField: false } || entity.Declared.Contains(configured)) continue;
                if (_facts.FindProperty(type, configured.Name) is not null && ClrTypes.FindProperty(type, configured.Name) is { } hidden)
                {
                    if (IsDeclaredInBase(entity, configured.Name)) continue;

                    // A property conventions pass over (internal getter, no setter) that Fluent code names is mapped all the
                    // same (DDD entities expose 'internal MemberId MemberId { get; }'): it is declared, its facts unknown.
                    configured.Member = _scope.Clr.Of(hidden);
                    configured.Type = configured.Member.Type;
                    configured.IsOpaque = true;
                    entity.Declared.Add(configured);
                    continue;
                }

                if (configured.Type is null) configured.IsOpaque = true;
                entity.Declared.Add(configured);
            }

            ReadEntityAnnotations(entity);
        }

        /// <summary>A name configured on a derived builder but declared on a base entity type: the base's property is meant.</summary>
        private static bool IsDeclaredInBase(EntityDraft entity, string name)
        {
            for (var current = entity.BaseType; current is not null; current = current.BaseType)
            {
                var declared = current.Declared.FirstOrDefault(p => p.Name == name);
                if (declared is null) continue;
                var configured = entity.Properties[name];
                declared.IsOpaque |= configured.IsOpaque || configured.Required is not null || configured.MaxLength is not null || configured.Precision is not null
                    || configured.StoreType is not null || configured.HasDefaultValue is not null || configured.DefaultValueSql is not null || configured.ValueGenerated is not null;
                return true;
            }

            return false;
        }

        private static void ReadPropertyAnnotations(EntityDraft entity, PropertyDraft property, IReadOnlyList<AttributeFacts> attributes)
        {
            foreach (var attribute in attributes)
            {
                var type = attribute.Kind;
                var location = attribute.Location;
                if (type == ModelAttribute.Required) property.Required ??= new Configured<bool>(true, location);
                else if (type is ModelAttribute.MaxLength or ModelAttribute.StringLength)
                {
                    if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is int length && length > 0)
                        property.MaxLength ??= new Configured<int?>(length, location, fromAnnotation: true);
                }
                else if (type == ModelAttribute.Precision)
                {
                    var arguments = attribute.ConstructorArguments;
                    if (arguments.Count >= 1 && arguments[0].Value is int precision)
                        property.Precision ??= new Configured<(int?, int?)>((precision, arguments.Count > 1 ? arguments[1].Value as int? : null), location, fromAnnotation: true);
                }
                else if (type == ModelAttribute.Column)
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "TypeName" && named.Value.Value is string storeType) property.StoreType ??= new Configured<string?>(storeType, location);
                    }

                    if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is string column) property.ColumnName ??= column;
                }
                else if (type == ModelAttribute.DatabaseGenerated)
                {
                    if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is int option)
                    {
                        var generation = option switch { 0 => ValueGeneration.Never, 1 => ValueGeneration.OnAdd, _ => ValueGeneration.OnAddOrUpdate };
                        property.ValueGenerated ??= new Configured<ValueGeneration>(generation, location);
                    }
                }
                else if (type == ModelAttribute.Timestamp)
                {
                    property.ValueGenerated ??= new Configured<ValueGeneration>(ValueGeneration.OnAddOrUpdate, location);
                }
                else if (type == ModelAttribute.Range)
                {
                    property.HasRange = true;
                    if (attribute.ConstructorArguments.Count == 2) property.RangeMaximum = AsNumber(attribute.ConstructorArguments[1].Value);
                }
                else if (type == ModelAttribute.Key)
                {
                    if (!entity.KeyAttributes.Contains(property.Name)) entity.KeyAttributes.Add(property.Name);
                    entity.KeyAttributeLocation ??= location;
                }
            }
        }

        private void ReadEntityAnnotations(EntityDraft entity)
        {
            foreach (var attribute in _facts.Of(TypeOf(entity)).Attributes)
            {
                var type = attribute.Kind;
                var location = attribute.Location;
                if (type == ModelAttribute.Table && entity.Mapping is null && !entity.IsOwned)
                {
                    if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is string table)
                    {
                        entity.Mapping = new Configured<TableMappingKind>(TableMappingKind.Table, location);
                        entity.TableName = table;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Schema") entity.Schema = named.Value.Value as string;
                        }
                    }
                }
                else if (type == ModelAttribute.Keyless)
                {
                    entity.Keyless ??= new Configured<bool>(true, location);
                }
                else if (type == ModelAttribute.PrimaryKey)
                {
                    var names = AttributeNames(attribute);
                    if (names is null) entity.Unknown |= ModelCompleteness.Keys;
                    else entity.PrimaryKey ??= new Configured<List<string>>(names, location);
                }
                else if (type == ModelAttribute.Index)
                {
                    var names = AttributeNames(attribute);
                    if (names is null)
                    {
                        entity.Unknown |= ModelCompleteness.Indexes;
                        continue;
                    }

                    var unique = attribute.NamedArguments.Any(n => n.Key == "IsUnique" && n.Value.Value is true);
                    var name = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value?.Value as string;
                    var descending = attribute.NamedArguments.Any(n => n.Key == "AllDescending" && n.Value.Value is true)
                        || attribute.NamedArguments.Any(n => n.Key == "IsDescending" && !n.Value.IsNull);
                    var existing = entity.Indexes.FirstOrDefault(i => i.PropertyNames.SequenceEqual(names));
                    if (existing is not null)
                    {
                        if (!existing.IsUniqueConfigured) existing.IsUnique = unique;
                        existing.Name ??= name;
                        existing.HasOptions |= descending;
                    }
                    else
                    {
                        entity.Indexes.Add(new IndexDraft(names, location) { IsUnique = unique, IsUniqueConfigured = true, Name = name, HasOptions = descending });
                    }
                }
            }
        }

        private static double? AsNumber(object? value) => value switch
        {
            int i => i,
            double d => d,
            _ => null,
        };

        /// <summary>The names of [Index("A", "B")] or [PrimaryKey("A", "B")]: a first string, then a params array.</summary>
        private static List<string>? AttributeNames(AttributeFacts attribute)
        {
            var names = new List<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Items is { } items)
                {
                    foreach (var item in items)
                    {
                        if (item.Value is not string text) return null;
                        names.Add(text);
                    }
                }
                else if (argument.Value is string single)
                {
                    names.Add(single);
                }
                else
                {
                    return null;
                }
            }

            return names.Count > 0 ? names : null;
        }

        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType) =>
            attributeType is null ? null : symbol.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, attributeType));

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
