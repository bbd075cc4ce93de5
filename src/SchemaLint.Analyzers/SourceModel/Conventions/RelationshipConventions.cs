using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Conventions
{
    /// <summary>
    /// Relationships as EF Core builds them: ownerships, Fluent relationships, navigation pairing, foreign key
    /// discovery (or a shadow foreign key), requiredness, default delete behaviors, many-to-many join entities,
    /// and the foreign-key index convention.
    /// </summary>
    internal sealed class RelationshipConventions
    {
        private const ModelCompleteness RelationshipFacts = ModelCompleteness.ForeignKeys | ModelCompleteness.Indexes;
        private readonly ModelDraft _model;
        private readonly ClrType _int32;

        /// <param name="int32">System.Int32, the type of the key EF Core gives an owned collection.</param>
        public RelationshipConventions(ModelDraft model, ClrType int32)
        {
            _model = model;
            _int32 = int32;
        }

        public List<JoinEntity> JoinEntities { get; } = new List<JoinEntity>();

        public void Run()
        {
            foreach (var owned in _model.Entities.Where(e => e.IsOwned).ToList()) Ownership(owned);
            var relationships = ClaimFluent();
            relationships.AddRange(PairByConvention());
            foreach (var relationship in relationships) Settle(relationship);
            foreach (var derived in _model.Entities.Where(e => e.BaseType is not null && KeyConventions.Root(e).Strategy?.Value == InheritanceStrategy.Tpt)) TablePerTypeLink(derived);
            if (!_model.RemovedConventions.Contains("ForeignKeyIndexConvention")) IndexForeignKeys();
        }

        private void Ownership(EntityDraft owned)
        {
            var owner = owned.Owner!;
            var ownerKey = owner.IsOwned ? null : KeyConventions.Root(owner).ResolvedPrimaryKey;
            var keyProperty = ownerKey is { Count: 1 } ? KeyConventions.FindProperty(owner, ownerKey[0]) : null;
            if (keyProperty?.Type is null)
            {
                owned.MakeOpaque();
                return;
            }

            if (owned.OwnershipForeignKeyNames is { Count: > 1 })
            {
                owned.MakeOpaque();
                return;
            }

            var foreignKey = owned.WritableProperty(owned.OwnershipForeignKeyNames?[0] ?? ComposeName(owner.Type.Name, keyProperty.Name));

            // A foreign key the owned type declares itself (Property<OrderId>("OrderId")) keeps its own type.
            foreignKey.Type ??= keyProperty.Type.Underlying;
            foreignKey.IsForeignKeyPart = true;
            foreignKey.Location ??= owned.OwnershipLocation;
            if (!owned.Declared.Contains(foreignKey)) owned.Declare(foreignKey, 0);
            var key = new List<string> { foreignKey.Name };
            if (owned.PrimaryKey is { } configuredKey)
            {
                // HasKey on the owned builder replaces the ownership's conventional key.
                key = configuredKey.Value;
                foreach (var name in key)
                {
                    var part = owned.Declared.FirstOrDefault(p => p.Name == name);
                    if (part is null)
                    {
                        owned.MakeOpaque();
                        return;
                    }

                    owned.Writable(part).IsKeyPart = true;
                }
            }
            else if (owned.OwnershipIsCollection)
            {
                if (owned.Declared.Any(p => !p.IsShadow && (string.Equals(p.Name, "Id", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, owned.Type.Name + "Id", StringComparison.OrdinalIgnoreCase))))
                {
                    owned.Unknown |= ModelCompleteness.Keys | ModelCompleteness.Indexes;
                }
                else
                {
                    var id = owned.WritableProperty("Id");
                    id.Type = _int32;
                    id.IsKeyPart = true;
                    id.ValueGenerated ??= new Configured<ValueGeneration>(ValueGeneration.OnAdd, null);
                    id.Location ??= owned.OwnershipLocation;
                    owned.Declare(id, 1);
                    key.Add("Id");
                }
            }

            if (owned.PrimaryKey is null) foreignKey.IsKeyPart = true;
            owned.ResolvedPrimaryKey = key;
            owned.ResolvedKeyless = false;
            owned.AddForeignKey(new ForeignKeyModel(new[] { foreignKey.Name }, owner.Name, ownerKey!)
            {
                IsRequired = true,
                DeclaredRequiredness = DeclaredRequiredness.Unspecified,
                DeleteBehavior = DeleteBehaviorKind.Cascade,
                IsDeleteBehaviorExplicit = false,
                IsOwnership = true,
                IsUnique = !owned.OwnershipIsCollection,
                PrincipalNavigation = owned.OwnershipNavigation,
                Location = owned.OwnershipLocation,
            });
        }

        private List<RelationshipDraft> ClaimFluent()
        {
            var relationships = new List<RelationshipDraft>();
            foreach (var relationship in _model.FluentRelationships)
            {
                if (!_model.Contains(relationship.Source) || !_model.Contains(relationship.Target)) continue;
                if (relationship.TargetIsCollection is null) relationship.IsOpaque = true;
                if (relationship.SourceNavigation is not null && !Claim(relationship.Source, relationship.SourceNavigation)) relationship.IsOpaque = true;
                if (relationship.TargetNavigation is not null && !Claim(relationship.Target, relationship.TargetNavigation)) relationship.IsOpaque = true;
                relationships.Add(relationship);
            }

            return relationships;
        }

        private static bool Claim(EntityDraft entity, string name)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                var navigation = current.Navigations.FirstOrDefault(n => n.Name == name);
                if (navigation is null) continue;
                var wasFree = !navigation.IsClaimed;
                navigation.IsClaimed = true;
                return wasFree;
            }

            return false;
        }

        /// <remarks>
        /// Grouped in loops over a table rather than by queries: every navigation of the model is paired again on every model
        /// edit. The pairs come out in the order of their first navigation, as a grouping query gives them.
        /// </remarks>
        private IEnumerable<RelationshipDraft> PairByConvention()
        {
            var free = new List<NavigationDraft>();
            foreach (var entity in _model.Entities)
            {
                foreach (var navigation in entity.Navigations)
                {
                    if (!navigation.IsClaimed) free.Add(navigation);
                }
            }

            // [InverseProperty] pairs first.
            for (var i = 0; i < free.Count; i++)
            {
                var navigation = free[i];
                if (navigation.IsClaimed) continue;
                var inverseName = navigation.Member.InversePropertyAttribute;
                if (inverseName is null) continue;
                var inverse = navigation.Target.Navigations.FirstOrDefault(n => n.Name == inverseName && !n.IsClaimed && n != navigation);
                navigation.IsClaimed = true;
                if (inverse is null)
                {
                    Unknown(navigation.Declaring, navigation.Target);
                    continue;
                }

                inverse.IsClaimed = true;
                yield return FromNavigations(navigation, inverse);
            }

            var groups = new Dictionary<(EntityDraft, EntityDraft), List<NavigationDraft>>(free.Count);
            var pairs = new List<(EntityDraft, EntityDraft)>(free.Count);
            foreach (var navigation in free)
            {
                if (navigation.IsClaimed) continue;
                var pair = Pair(navigation.Declaring, navigation.Target);
                if (!groups.TryGetValue(pair, out var paired))
                {
                    groups.Add(pair, paired = new List<NavigationDraft>(2));
                    pairs.Add(pair);
                }

                paired.Add(navigation);
            }

            foreach (var pair in pairs)
            {
                var navigations = groups[pair];
                var (a, b) = pair;
                if (a == b)
                {
                    if (navigations.Count == 1) yield return FromNavigations(navigations[0], null);
                    else if (navigations.Count == 2) yield return FromNavigations(navigations[0], navigations[1]);
                    else Unknown(a, b);
                    continue;
                }

                // Every navigation of the pair is declared by one side and reaches the other.
                NavigationDraft? fromA = null, fromB = null;
                int countA = 0, countB = 0;
                foreach (var navigation in navigations)
                {
                    if (navigation.Declaring == a)
                    {
                        fromA ??= navigation;
                        countA++;
                    }
                    else
                    {
                        fromB ??= navigation;
                        countB++;
                    }
                }

                if (countA > 0 && countB > 0)
                {
                    if (countA == 1 && countB == 1) yield return FromNavigations(fromA!, fromB!);
                    else Unknown(a, b);
                    continue;
                }

                foreach (var navigation in navigations) yield return FromNavigations(navigation, null);
            }
        }

        private static (EntityDraft, EntityDraft) Pair(EntityDraft x, EntityDraft y) =>
            string.CompareOrdinal(x.Name, y.Name) <= 0 ? (x, y) : (y, x);

        private RelationshipDraft FromNavigations(NavigationDraft navigation, NavigationDraft? inverse)
        {
            navigation.IsClaimed = true;
            if (inverse is not null) inverse.IsClaimed = true;
            return new RelationshipDraft(navigation.Declaring, navigation.Target)
            {
                SourceNavigation = navigation.Name,
                SourceIsCollection = navigation.IsCollection,
                TargetNavigation = inverse?.Name,
                TargetIsCollection = inverse?.IsCollection ?? !navigation.IsCollection,
            };
        }

        private void Unknown(params EntityDraft[] entities)
        {
            foreach (var entity in entities) entity.Unknown |= RelationshipFacts;
        }

        private void Settle(RelationshipDraft relationship)
        {
            var source = relationship.Source;
            var target = relationship.Target;
            if (relationship.IsOpaque || source.IsOpaque || target.IsOpaque || _model.IsOpaque)
            {
                Unknown(source, target);
                return;
            }

            if (relationship.IsManyToMany)
            {
                ManyToMany(relationship);
                return;
            }

            EntityDraft dependent, principal;
            string? dependentNavigation, principalNavigation;
            var unique = false;
            if (relationship.SourceIsCollection)
            {
                (dependent, principal, dependentNavigation, principalNavigation) = (target, source, relationship.TargetNavigation, relationship.SourceNavigation);
            }
            else if (relationship.TargetIsCollection == true)
            {
                (dependent, principal, dependentNavigation, principalNavigation) = (source, target, relationship.SourceNavigation, relationship.TargetNavigation);
            }
            else
            {
                unique = true;
                var chosen = relationship.DeclaredDependent ?? OneToOneDependent(relationship);
                if (chosen is null)
                {
                    Unknown(source, target);
                    return;
                }

                var sourceIsDependent = chosen == source;
                (dependent, principal) = sourceIsDependent ? (source, target) : (target, source);
                (dependentNavigation, principalNavigation) = sourceIsDependent
                    ? (relationship.SourceNavigation, relationship.TargetNavigation)
                    : (relationship.TargetNavigation, relationship.SourceNavigation);
            }

            var dependentNavigationMember = Member(dependent, dependentNavigation);
            var principalNavigationMember = Member(principal, principalNavigation);
            var principalRoot = KeyConventions.Root(principal);
            var principalKeyNames = relationship.PrincipalKeyNames ?? principalRoot.ResolvedPrimaryKey;
            var principalKey = PrincipalKey(principal, principalKeyNames);
            if (principalKeyNames is null || principalKey is null)
            {
                Unknown(dependent);
                return;
            }

            var explicitNames = relationship.ForeignKeyNames
                ?? SplitNames(dependentNavigationMember?.ForeignKeyAttribute)
                ?? SplitNames(principalNavigationMember?.ForeignKeyAttribute)
                ?? PropertiesNamingNavigation(dependent, dependentNavigation);
            if (explicitNames is not null && explicitNames.Count != principalKey.Count)
            {
                Unknown(dependent);
                return;
            }

            var baseName = dependentNavigation ?? principal.Type.Name;
            var createdShadow = false;
            List<PropertyDraft> foreignKey;
            if (explicitNames is not null)
            {
                foreignKey = new List<PropertyDraft>();
                for (var i = 0; i < explicitNames.Count; i++)
                {
                    var property = KeyConventions.FindProperty(dependent, explicitNames[i]);
                    if (property is null)
                    {
                        property = AddShadow(dependent, explicitNames[i], principalKey[i]!.Type!, relationship.Location ?? dependentNavigationMember?.Location);
                        createdShadow = true;
                    }

                    foreignKey.Add(property);
                }
            }
            else
            {
                var found = FindByConvention(dependent, dependentNavigation, principal, principalKey!, unique);
                if (found is not null)
                {
                    foreignKey = found;
                }
                else
                {
                    foreignKey = principalKey.Select(k => AddShadow(dependent, Uniquify(dependent, ComposeName(baseName, k!.Name)), k.Type!,
                        relationship.Location ?? dependentNavigationMember?.Location ?? principalNavigationMember?.Location)).ToList();
                    createdShadow = true;
                }
            }

            var requiredAttribute = dependentNavigationMember?.HasRequiredAttribute == true;
            bool required;
            if (relationship.Required is not null) required = relationship.Required.Value;
            else if (requiredAttribute) required = true;
            else if (createdShadow || foreignKey.All(p => p.IsShadow && p.Type is not { IsValueType: true }))
                required = dependentNavigationMember?.DeclaredAnnotation == NullableAnnotation.NotAnnotated && !foreignKey.Any(p => p.Required?.Value == false);
            else if (foreignKey.Any(p => p.Type is null))
            {
                // A foreign key named by string whose type no code states: whether the relationship is required is unknown.
                Unknown(dependent);
                return;
            }
            else required = foreignKey.All(p => !IsNullable(p));

            var explicitlyRequired = relationship.Required?.Value == true || requiredAttribute;
            for (var i = 0; i < foreignKey.Count; i++)
            {
                var property = foreignKey[i] = dependent.Writable(foreignKey[i]);
                property.IsForeignKeyPart = true;
                if (principalKey[i]!.MaxLength is not null || _model.StringMaxLength is not null) property.SharesPrincipalFacets = true;
                if (property.IsShadow) property.RequiredByRelationship = required;
                else if (explicitlyRequired && IsNullable(property)) property.RequiredByRelationship = true;
            }

            var deleteAttribute = DeleteAttribute(dependentNavigationMember) ?? DeleteAttribute(principalNavigationMember);
            var delete = relationship.DeleteBehavior ?? deleteAttribute;
            var declared = relationship.Required is not null
                ? Fact<DeclaredRequiredness>.Known(relationship.Required.Value ? DeclaredRequiredness.Required : DeclaredRequiredness.Optional, relationship.Required.Location)
                : requiredAttribute
                    ? DeclaredRequiredness.Required
                    : dependentNavigationMember?.DeclaredAnnotation switch
                    {
                        NullableAnnotation.NotAnnotated => DeclaredRequiredness.Required,
                        NullableAnnotation.Annotated => DeclaredRequiredness.Optional,
                        _ => DeclaredRequiredness.Unspecified,
                    };

            if (relationship.PrincipalKeyNames is not null && !SameNames(principalRoot.ResolvedPrimaryKey, relationship.PrincipalKeyNames)
                && !principalRoot.AlternateKeys.Any(k => SameNames(k.Value, relationship.PrincipalKeyNames)))
            {
                principalRoot.AddAlternateKey(new Configured<List<string>>(relationship.PrincipalKeyNames, relationship.Location));
                for (var i = 0; i < principalKey.Count; i++) (principalKey[i] = principal.Writable(principalKey[i]!)).IsKeyPart = true;
            }

            dependent.AddForeignKey(new ForeignKeyModel(foreignKey.Select(p => p.Name), principal.Name, principalKeyNames)
            {
                IsRequired = Fact<bool>.Known(required, relationship.Required?.Location),
                DeclaredRequiredness = declared,
                DeleteBehavior = delete is null
                    ? Fact<DeleteBehaviorKind>.Known(required ? DeleteBehaviorKind.Cascade : DeleteBehaviorKind.ClientSetNull)
                    : delete.ToFact(),
                IsDeleteBehaviorExplicit = delete is not null,
                DependentNavigation = dependentNavigation,
                DependentNavigationNullability = dependentNavigationMember is null
                    ? ReferenceNullability.NotApplicable
                    : dependentNavigationMember.DeclaredAnnotation switch
                    {
                        NullableAnnotation.Annotated => ReferenceNullability.Annotated,
                        NullableAnnotation.NotAnnotated => ReferenceNullability.NotAnnotated,
                        _ => ReferenceNullability.Oblivious,
                    },
                PrincipalNavigation = principalNavigation,
                IsUnique = unique,
                Location = relationship.Location ?? dependentNavigationMember?.Location ?? principalNavigationMember?.Location,
            });
        }

        /// <summary>
        /// The principal's key properties by name, or null when one is missing or of no known type. A loop rather than a query:
        /// it runs for every relationship of the model on every model edit.
        /// </summary>
        private static List<PropertyDraft>? PrincipalKey(EntityDraft principal, IReadOnlyList<string>? names)
        {
            if (names is null) return null;
            var key = new List<PropertyDraft>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                if (KeyConventions.FindProperty(principal, names[i]) is not { Type: not null } property) return null;
                key.Add(property);
            }

            return key;
        }

        /// <summary>TPT: the derived type's table references its base type's table by the primary key, one to one.</summary>
        private void TablePerTypeLink(EntityDraft derived)
        {
            var key = KeyConventions.Root(derived).ResolvedPrimaryKey;
            if (key is null)
            {
                derived.Unknown |= RelationshipFacts;
                return;
            }

            derived.AddForeignKey(new ForeignKeyModel(key, derived.BaseType!.Name, key)
            {
                IsRequired = true,
                DeclaredRequiredness = DeclaredRequiredness.Unspecified,
                DeleteBehavior = DeleteBehaviorKind.Cascade,
                IsDeleteBehaviorExplicit = false,
                IsUnique = true,
                Location = derived.Location,
            });
        }

        /// <summary>For a one-to-one without HasForeignKey&lt;T&gt;: the side that has [ForeignKey] or a matching foreign key property.</summary>
        private EntityDraft? OneToOneDependent(RelationshipDraft relationship)
        {
            var sourceNavigation = Member(relationship.Source, relationship.SourceNavigation);
            var targetNavigation = Member(relationship.Target, relationship.TargetNavigation);
            var sourceNames = SplitNames(sourceNavigation?.ForeignKeyAttribute) ?? PropertiesNamingNavigation(relationship.Source, relationship.SourceNavigation);
            var targetNames = SplitNames(targetNavigation?.ForeignKeyAttribute) ?? PropertiesNamingNavigation(relationship.Target, relationship.TargetNavigation);
            if (sourceNames is not null && targetNames is null) return sourceNames.All(n => KeyConventions.FindProperty(relationship.Source, n) is not null) ? relationship.Source : relationship.Target;
            if (targetNames is not null && sourceNames is null) return targetNames.All(n => KeyConventions.FindProperty(relationship.Target, n) is not null) ? relationship.Target : relationship.Source;
            if (sourceNames is not null || targetNames is not null) return null;

            var sourceMatches = HasConventionalForeignKey(relationship.Source, relationship.SourceNavigation, relationship.Target);
            var targetMatches = HasConventionalForeignKey(relationship.Target, relationship.TargetNavigation, relationship.Source);
            if (sourceMatches == targetMatches) return null;
            return sourceMatches ? relationship.Source : relationship.Target;
        }

        private bool HasConventionalForeignKey(EntityDraft dependent, string? navigation, EntityDraft principal)
        {
            var key = KeyConventions.Root(principal).ResolvedPrimaryKey?.Select(n => KeyConventions.FindProperty(principal, n)).ToList();
            return key is not null && key.All(k => k?.Type is not null) && FindByConvention(dependent, navigation, principal, key!, unique: true) is not null;
        }

        /// <summary>
        /// EF Core's foreign key discovery: {navigation}{key}, then {principal type}{key} (or the key's own name when it
        /// already starts with that prefix), and for a single-column key {navigation}Id or {principal type}Id, compared
        /// ignoring case, with a compatible type. A dependent's primary key
        /// qualifies only for a one-to-one.
        /// </summary>
        private static List<PropertyDraft>? FindByConvention(EntityDraft dependent, string? navigation, EntityDraft principal, List<PropertyDraft> principalKey, bool unique)
        {
            var prefixes = new List<string>();
            if (navigation is not null) prefixes.Add(navigation);
            prefixes.Add(principal.Type.Name);
            var dependentKey = KeyConventions.Root(dependent).ResolvedPrimaryKey;
            foreach (var prefix in prefixes)
            {
                var match = new List<PropertyDraft>();
                foreach (var keyProperty in principalKey)
                {
                    var candidate = MatchName(dependent, prefix + keyProperty.Name, keyProperty)
                        ?? (keyProperty.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? MatchName(dependent, keyProperty.Name, keyProperty) : null);
                    if (candidate is null) break;
                    match.Add(candidate);
                }

                // EF Core's last try for a single-column key: {navigation}Id (AuthorId for Author, whatever Person's key is called).
                if (match.Count != principalKey.Count && principalKey.Count == 1 && MatchName(dependent, prefix + "Id", principalKey[0]) is { } byId)
                    match = new List<PropertyDraft> { byId };
                if (match.Count != principalKey.Count) continue;
                if (!unique && dependentKey is not null && SameNames(dependentKey, match.Select(p => p.Name).ToList())) continue;
                return match;
            }

            return null;
        }

        private static PropertyDraft? MatchName(EntityDraft dependent, string name, PropertyDraft keyProperty)
        {
            var candidates = KeyConventions.AllProperties(dependent).Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Count != 1) return null;
            var candidate = candidates[0];
            return candidate.Type is not null && candidate.Type.IsCompatibleWith(keyProperty.Type!) ? candidate : null;
        }

        private static PropertyDraft AddShadow(EntityDraft dependent, string name, ClrType keyType, SourceLocation? location)
        {
            var property = dependent.WritableProperty(name);
            property.Type ??= keyType;
            property.Location ??= location;
            if (!dependent.Declared.Contains(property)) dependent.Declare(property);
            return property;
        }

        /// <summary>EF Core appends 1, 2, ... when the name it wants is taken by a property that cannot serve as the key.</summary>
        private static string Uniquify(EntityDraft dependent, string name)
        {
            var candidate = name;
            for (var i = 1; KeyConventions.AllProperties(dependent).Any(p => p.Name == candidate) || dependent.Navigations.Any(n => n.Name == candidate); i++)
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return candidate;
        }

        /// <summary>{prefix}{key}, or the key's name alone when it already starts with the prefix ("BlogId" for Blog's key BlogId).</summary>
        public static string ComposeName(string prefix, string keyName) =>
            keyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? keyName : prefix + keyName;

        private void ManyToMany(RelationshipDraft relationship)
        {
            var left = relationship.Source;
            var right = relationship.Target;
            var leftKey = KeyProperty(left);
            var rightKey = KeyProperty(right);
            if (left == right || leftKey is null || rightKey is null)
            {
                _model.IsEntitySetComplete = false;
                Unknown(left, right);
                return;
            }

            // The navigation pointing at an entity names the join's foreign key to it: Tag.Posts gives PostsId.
            var toLeftName = (relationship.TargetNavigation ?? left.Type.Name) + leftKey.Name;
            var toRightName = (relationship.SourceNavigation ?? right.Type.Name) + rightKey.Name;
            var ordered = string.Compare(left.Type.Name, right.Type.Name, StringComparison.OrdinalIgnoreCase) <= 0;
            var first = ordered ? (Entity: left, Key: leftKey, Name: toLeftName) : (Entity: right, Key: rightKey, Name: toRightName);
            var second = ordered ? (Entity: right, Key: rightKey, Name: toRightName) : (Entity: left, Key: leftKey, Name: toLeftName);
            var join = new JoinEntity(first.Entity.Type.Name + second.Entity.Type.Name) { Location = relationship.Location };
            foreach (var side in new[] { first, second })
            {
                join.Properties.Add((side.Name, side.Key.Type!.Underlying));
                join.PrimaryKey.Add(side.Name);
                join.ForeignKeys.Add(new ForeignKeyModel(new[] { side.Name }, side.Entity.Name, new[] { side.Key.Name })
                {
                    IsRequired = true,
                    DeclaredRequiredness = DeclaredRequiredness.Unspecified,
                    DeleteBehavior = DeleteBehaviorKind.Cascade,
                    IsDeleteBehaviorExplicit = false,
                    Location = relationship.Location ?? Member(relationship.Source, relationship.SourceNavigation ?? string.Empty)?.Location,
                });
            }

            if (!_model.RemovedConventions.Contains("ForeignKeyIndexConvention")) join.Indexes.Add(new IndexModel(new[] { second.Name }));
            JoinEntities.Add(join);
        }

        private static PropertyDraft? KeyProperty(EntityDraft entity)
        {
            var key = KeyConventions.Root(entity).ResolvedPrimaryKey;
            var property = key is { Count: 1 } ? KeyConventions.FindProperty(entity, key[0]) : null;
            return property?.Type is null ? null : property;
        }

        private void IndexForeignKeys()
        {
            foreach (var entity in _model.Entities)
            {
                foreach (var foreignKey in entity.ForeignKeys)
                {
                    // Asked of the entity's keys and indexes as they are now: an index added for one foreign key covers the next.
                    if (foreignKey.IsUnique && HasNonUniqueIndexOn(entity, foreignKey.PropertyNames))
                    {
                        entity.Unknown |= ModelCompleteness.Indexes;
                        continue;
                    }

                    if (IsCovered(entity, foreignKey.PropertyNames)) continue;
                    entity.AddIndex(new IndexDraft(foreignKey.PropertyNames.ToList(), foreignKey.Location)
                    {
                        IsUnique = foreignKey.IsUnique,
                        IsByConvention = true,
                        Filter = foreignKey.IsUnique ? SqlServerNullFilter(entity, foreignKey.PropertyNames) : null,
                    });
                }
            }
        }

        /// <summary>
        /// SQL Server's convention filters a unique index on nullable columns (<c>[X] IS NOT NULL</c>), since its unique
        /// indexes count NULL as a value; other providers leave the index unfiltered.
        /// </summary>
        private string? SqlServerNullFilter(EntityDraft entity, IReadOnlyList<string> names)
        {
            if (_model.Provider != DatabaseProvider.SqlServer) return null;
            var nullable = names.Select(n => KeyConventions.FindProperty(entity, n)).Where(p => p is not null && IsNullable(p)).ToList();
            return nullable.Count == 0 ? null : string.Join(" AND ", nullable.Select(p => "[" + (p!.ColumnName ?? p.Name) + "] IS NOT NULL"));
        }

        /// <summary>
        /// A key, or an index of the entity type or its bases, starts with the columns. Walked without iterators or lambdas:
        /// asked for every foreign key of the model, the lists, iterators and lambdas it built were about a third of what the
        /// relationship conventions allocated (sampled at 1,000 entity types).
        /// </summary>
        private static bool IsCovered(EntityDraft entity, IReadOnlyList<string> columns)
        {
            var root = entity.IsOwned ? entity : KeyConventions.Root(entity);
            if (root.ResolvedPrimaryKey is not null && StartsWith(root.ResolvedPrimaryKey, columns)) return true;
            foreach (var alternate in root.AlternateKeys)
            {
                if (StartsWith(alternate.Value, columns)) return true;
            }

            for (var current = entity; current is not null; current = current.BaseType)
            {
                foreach (var index in current.Indexes)
                {
                    if (StartsWith(index.PropertyNames, columns)) return true;
                }
            }

            return false;
        }

        /// <summary>An index of the entity type or its bases that is not unique has exactly these columns.</summary>
        private static bool HasNonUniqueIndexOn(EntityDraft entity, IReadOnlyList<string> columns)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                foreach (var index in current.Indexes)
                {
                    if (!index.IsUnique && SameNames(index.PropertyNames, columns)) return true;
                }
            }

            return false;
        }

        private static bool StartsWith(IReadOnlyList<string> candidate, IReadOnlyList<string> prefix)
        {
            if (candidate.Count < prefix.Count) return false;
            for (var i = 0; i < prefix.Count; i++)
            {
                if (candidate[i] != prefix[i]) return false;
            }

            return true;
        }

        private static bool SameNames(IReadOnlyList<string>? a, IReadOnlyList<string> b) => a is not null && a.Count == b.Count && StartsWith(a, b);

        private static bool IsNullable(PropertyDraft property)
        {
            // A key column is never null, whatever its CLR type says (string? TagId in a composite key).
            if (property.IsKeyPart) return false;
            if (property.Required is not null) return !property.Required.Value;
            if (property.Type is null) return true;
            if (property.Type.IsValueType) return property.Type.IsNullableValueType;
            return property.IsShadow || property.DeclaredAnnotation != NullableAnnotation.NotAnnotated;
        }

        /// <summary>[ForeignKey("Navigation")] on dependent properties: those properties, in declaration order.</summary>
        private List<string>? PropertiesNamingNavigation(EntityDraft dependent, string? navigation)
        {
            if (navigation is null) return null;
            var names = KeyConventions.AllProperties(dependent)
                .Where(p => p.Member is { IsField: false } member && member.ForeignKeyAttribute == navigation)
                .Select(p => p.Name)
                .ToList();
            return names.Count > 0 ? names : null;
        }

        private static Configured<DeleteBehaviorKind>? DeleteAttribute(ClrMember? navigation) =>
            navigation?.DeleteBehaviorAttribute is { } attribute ? new Configured<DeleteBehaviorKind>(attribute.Value, SourceLocations.Of(attribute.At)) : null;

        /// <summary>
        /// The member of the navigation named <paramref name="name"/> on the entity type or its base entity types. A
        /// relationship is settled only when each of its named navigations was found and claimed, so there is one.
        /// </summary>
        private static ClrMember? Member(EntityDraft entity, string? name)
        {
            if (name is null) return null;
            for (var current = entity; current is not null; current = current.BaseType)
            {
                foreach (var navigation in current.Navigations)
                {
                    if (navigation.Name == name) return navigation.Member;
                }
            }

            return null;
        }

        private static List<string>? SplitNames(string? names) =>
            names?.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList() is { Count: > 0 } list ? list : null;
    }
}
