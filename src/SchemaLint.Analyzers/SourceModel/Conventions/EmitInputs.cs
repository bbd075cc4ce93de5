using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Conventions
{
    /// <summary>
    /// Whether two drafts of one entity type, from two snapshots, say the same to the emitter: every fact of the draft, its
    /// properties, navigations, keys, indexes and relationships, with the places that set them. Other drafts are named, not
    /// followed: the emitter's caller compares the drafts an entity type's model also reads (its base types, owners and
    /// principals) in their own right.
    /// </summary>
    /// <remarks>
    /// Each table lists what it compares by the draft's member name; <c>EmitInputsTests</c> checks that every member of these
    /// types is compared or named in <see cref="NotCompared"/> with the reason, so a fact added to a draft is not silently
    /// carried from one snapshot's model into the next.
    /// </remarks>
    internal static class EmitInputs
    {
        /// <summary>Members deliberately left out, with why the emitter's output cannot depend on them.</summary>
        internal static readonly IReadOnlyDictionary<string, string> NotCompared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(EntityDraft) + "." + nameof(EntityDraft.Properties)] = "configuration by name; the emitter reads the properties it became (Declared)",
            [nameof(EntityDraft) + "." + nameof(EntityDraft.CodeOwner)] = "the code scan is asked again on the new compilation and its answers compared",
            [nameof(EntityDraft) + "." + nameof(EntityDraft.IsOwned)] = "follows from Owner",
            [nameof(EntityDraft) + "." + nameof(EntityDraft.Inputs)] = "what the draft was made from, which decides whether it is compared at all",
            [nameof(EntityDraft) + "." + nameof(EntityDraft.NamedBy)] = "the drafts naming this one, which compare their own names of it",
            [nameof(EntityDraft) + "." + nameof(EntityDraft.AsRead)] = "the draft before conventions, which the rebuild plan's check compares on its own",
            [nameof(PropertyDraft) + "." + nameof(PropertyDraft.IsShadow)] = "follows from Member",
            [nameof(PropertyDraft) + "." + nameof(PropertyDraft.DeclaredAnnotation)] = "follows from Member",
            [nameof(NavigationDraft) + "." + nameof(NavigationDraft.Name)] = "follows from Member",
            [nameof(NavigationDraft) + "." + nameof(NavigationDraft.Location)] = "follows from Member",
            [nameof(ClrMember) + "." + nameof(ClrMember.Location)] = "placed from DeclaredAt",
            [nameof(ClrType) + "." + nameof(ClrType.Underlying)] = "follows from NullableUnderlying",
            [nameof(ClrType) + "." + nameof(ClrType.IsNullableValueType)] = "follows from NullableUnderlying",
            [nameof(ClrType) + "." + nameof(ClrType.IsEnum)] = "follows from TypeKind",
            [nameof(ClrType) + "." + nameof(ClrType.TypeIdentity)] = "follows from Identity and MetadataName; placing findings reads it, the emitter does not",
            [nameof(ForeignKeyModel) + "." + nameof(ForeignKeyModel.Package)] = "written by the emitter, from the members and navigations it compares",
            [nameof(RelationshipDraft) + "." + nameof(RelationshipDraft.IsManyToMany)] = "follows from SourceIsCollection and TargetIsCollection",
            [nameof(RelationshipDraft) + "." + nameof(RelationshipDraft.Piece)] = "the piece that stated it, by which relationships are grouped before they are compared",
        };

        internal static readonly (string Member, Func<EntityDraft, EntityDraft, bool> Same)[] EntityMembers = new (string, Func<EntityDraft, EntityDraft, bool>)[]
        {
            (nameof(EntityDraft.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(EntityDraft.Type), (a, b) => Same(a.Type, b.Type)),
            (nameof(EntityDraft.DbSetName), (a, b) => Same(a.DbSetName, b.DbSetName)),
            (nameof(EntityDraft.Owner), (a, b) => Same(a.Owner?.Name, b.Owner?.Name)),
            (nameof(EntityDraft.OwnershipNavigation), (a, b) => Same(a.OwnershipNavigation, b.OwnershipNavigation)),
            (nameof(EntityDraft.OwnershipMember), (a, b) => Same(a.OwnershipMember, b.OwnershipMember)),
            (nameof(EntityDraft.OwnershipIsCollection), (a, b) => a.OwnershipIsCollection == b.OwnershipIsCollection),
            (nameof(EntityDraft.OwnershipLocation), (a, b) => Equals(a.OwnershipLocation, b.OwnershipLocation)),
            (nameof(EntityDraft.OwnershipForeignKeyNames), (a, b) => SameNames(a.OwnershipForeignKeyNames, b.OwnershipForeignKeyNames)),
            (nameof(EntityDraft.BaseType), (a, b) => Same(a.BaseType?.Name, b.BaseType?.Name)),
            (nameof(EntityDraft.Mapping), (a, b) => Same(a.Mapping, b.Mapping)),
            (nameof(EntityDraft.TableName), (a, b) => Same(a.TableName, b.TableName)),
            (nameof(EntityDraft.TableNameComputed), (a, b) => a.TableNameComputed == b.TableNameComputed),
            (nameof(EntityDraft.Schema), (a, b) => Same(a.Schema, b.Schema)),
            (nameof(EntityDraft.Keyless), (a, b) => Same(a.Keyless, b.Keyless)),
            (nameof(EntityDraft.PrimaryKey), (a, b) => SameNames(a.PrimaryKey, b.PrimaryKey)),
            (nameof(EntityDraft.AlternateKeys), (a, b) => SameItems(a.AlternateKeys, b.AlternateKeys, (x, y) => SameNames(x, y))),
            (nameof(EntityDraft.Indexes), (a, b) => SameItems(a.Indexes, b.Indexes, (x, y) => Same(x, y))),
            (nameof(EntityDraft.CheckConstraints), (a, b) => SameItems(a.CheckConstraints, b.CheckConstraints, (x, y) => Same(x, y))),
            (nameof(EntityDraft.Ignored), (a, b) => a.IgnoresSameMembersAs(b)),
            (nameof(EntityDraft.ScalarMembers), (a, b) => a.MapsSameScalarsAs(b)),
            (nameof(EntityDraft.Strategy), (a, b) => Same(a.Strategy, b.Strategy)),
            (nameof(EntityDraft.Unknown), (a, b) => a.Unknown == b.Unknown),
            (nameof(EntityDraft.IsOpaque), (a, b) => a.IsOpaque == b.IsOpaque),
            (nameof(EntityDraft.Location), (a, b) => Equals(a.Location, b.Location)),
            (nameof(EntityDraft.Declared), (a, b) => SameItems(a.Declared, b.Declared, (x, y) => Same(x, y))),
            (nameof(EntityDraft.Navigations), (a, b) => SameItems(a.Navigations, b.Navigations, (x, y) => Same(x, y))),
            (nameof(EntityDraft.KeyAttributes), (a, b) => SameItems(a.KeyAttributes, b.KeyAttributes, (x, y) => Same(x, y))),
            (nameof(EntityDraft.KeyAttributeLocation), (a, b) => Equals(a.KeyAttributeLocation, b.KeyAttributeLocation)),
            (nameof(EntityDraft.ResolvedPrimaryKey), (a, b) => SameNames(a.ResolvedPrimaryKey, b.ResolvedPrimaryKey)),
            (nameof(EntityDraft.PrimaryKeyLocation), (a, b) => Equals(a.PrimaryKeyLocation, b.PrimaryKeyLocation)),
            (nameof(EntityDraft.ResolvedKeyless), (a, b) => Same(a.ResolvedKeyless, b.ResolvedKeyless)),
            (nameof(EntityDraft.ForeignKeys), (a, b) => SameItems(a.ForeignKeys, b.ForeignKeys, (x, y) => Same(x, y))),
            (nameof(EntityDraft.AttributeConfigurationApplied), (a, b) => a.AttributeConfigurationApplied == b.AttributeConfigurationApplied),
            (nameof(EntityDraft.NullableReferenceTypes), (a, b) => Same(a.NullableReferenceTypes, b.NullableReferenceTypes)),
            (nameof(EntityDraft.IsJoinEntity), (a, b) => a.IsJoinEntity == b.IsJoinEntity),
        };

        internal static readonly (string Member, Func<PropertyDraft, PropertyDraft, bool> Same)[] PropertyMembers = new (string, Func<PropertyDraft, PropertyDraft, bool>)[]
        {
            (nameof(PropertyDraft.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(PropertyDraft.Member), (a, b) => Same(a.Member, b.Member)),
            (nameof(PropertyDraft.Type), (a, b) => Same(a.Type, b.Type)),
            (nameof(PropertyDraft.Location), (a, b) => Equals(a.Location, b.Location)),
            (nameof(PropertyDraft.IsOpaque), (a, b) => a.IsOpaque == b.IsOpaque),
            (nameof(PropertyDraft.Required), (a, b) => Same(a.Required, b.Required)),
            (nameof(PropertyDraft.MaxLength), (a, b) => Same(a.MaxLength, b.MaxLength)),
            (nameof(PropertyDraft.Precision), (a, b) => Same(a.Precision, b.Precision)),
            (nameof(PropertyDraft.StoreType), (a, b) => Same(a.StoreType, b.StoreType)),
            (nameof(PropertyDraft.HasDefaultValue), (a, b) => Same(a.HasDefaultValue, b.HasDefaultValue)),
            (nameof(PropertyDraft.DefaultValueSql), (a, b) => Same(a.DefaultValueSql, b.DefaultValueSql)),
            (nameof(PropertyDraft.ComputedColumnSql), (a, b) => Same(a.ComputedColumnSql, b.ComputedColumnSql)),
            (nameof(PropertyDraft.ValueGenerated), (a, b) => Same(a.ValueGenerated, b.ValueGenerated)),
            (nameof(PropertyDraft.ColumnName), (a, b) => Same(a.ColumnName, b.ColumnName)),
            (nameof(PropertyDraft.HasRange), (a, b) => a.HasRange == b.HasRange),
            (nameof(PropertyDraft.RangeMaximum), (a, b) => Nullable.Equals(a.RangeMaximum, b.RangeMaximum)),
            (nameof(PropertyDraft.IsDiscriminator), (a, b) => a.IsDiscriminator == b.IsDiscriminator),
            (nameof(PropertyDraft.IsKeyPart), (a, b) => a.IsKeyPart == b.IsKeyPart),
            (nameof(PropertyDraft.IsForeignKeyPart), (a, b) => a.IsForeignKeyPart == b.IsForeignKeyPart),
            (nameof(PropertyDraft.SharesPrincipalFacets), (a, b) => a.SharesPrincipalFacets == b.SharesPrincipalFacets),
            (nameof(PropertyDraft.RequiredByRelationship), (a, b) => a.RequiredByRelationship == b.RequiredByRelationship),
        };

        internal static readonly (string Member, Func<NavigationDraft, NavigationDraft, bool> Same)[] NavigationMembers = new (string, Func<NavigationDraft, NavigationDraft, bool>)[]
        {
            (nameof(NavigationDraft.Declaring), (a, b) => Same(a.Declaring.Name, b.Declaring.Name)),
            (nameof(NavigationDraft.Member), (a, b) => Same(a.Member, b.Member)),
            (nameof(NavigationDraft.Target), (a, b) => Same(a.Target.Name, b.Target.Name)),
            (nameof(NavigationDraft.IsCollection), (a, b) => a.IsCollection == b.IsCollection),
            (nameof(NavigationDraft.IsClaimed), (a, b) => a.IsClaimed == b.IsClaimed),
        };

        internal static readonly (string Member, Func<ClrMember, ClrMember, bool> Same)[] ClrMemberMembers = new (string, Func<ClrMember, ClrMember, bool>)[]
        {
            (nameof(ClrMember.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(ClrMember.Type), (a, b) => Same(a.Type, b.Type)),
            (nameof(ClrMember.IsField), (a, b) => a.IsField == b.IsField),
            (nameof(ClrMember.DeclaredAnnotation), (a, b) => a.DeclaredAnnotation == b.DeclaredAnnotation),
            (nameof(ClrMember.DeclaredAsTypeParameter), (a, b) => a.DeclaredAsTypeParameter == b.DeclaredAsTypeParameter),
            (nameof(ClrMember.DeclaringPackage), (a, b) => Same(a.DeclaringPackage, b.DeclaringPackage)),
            (nameof(ClrMember.IsDeclaredInSource), (a, b) => a.IsDeclaredInSource == b.IsDeclaredInSource),

            // Roslyn's locations are equal for one span of one tree: a member of an edited file is compared as changed.
            (nameof(ClrMember.DeclaredAt), (a, b) => Equals(a.DeclaredAt, b.DeclaredAt)),
            (nameof(ClrMember.ForeignKeyAttribute), (a, b) => Same(a.ForeignKeyAttribute, b.ForeignKeyAttribute)),
            (nameof(ClrMember.InversePropertyAttribute), (a, b) => Same(a.InversePropertyAttribute, b.InversePropertyAttribute)),
            (nameof(ClrMember.HasRequiredAttribute), (a, b) => a.HasRequiredAttribute == b.HasRequiredAttribute),
            (nameof(ClrMember.IsRequiredMember), (a, b) => a.IsRequiredMember == b.IsRequiredMember),
            (nameof(ClrMember.DeleteBehaviorAttribute), (a, b) => Nullable.Equals(a.DeleteBehaviorAttribute, b.DeleteBehaviorAttribute)),
        };

        internal static readonly (string Member, Func<ClrType, ClrType, bool> Same)[] ClrTypeMembers = new (string, Func<ClrType, ClrType, bool>)[]
        {
            (nameof(ClrType.Identity), (a, b) => Same(a.Identity, b.Identity)),
            (nameof(ClrType.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(ClrType.FullName), (a, b) => Same(a.FullName, b.FullName)),
            (nameof(ClrType.EntityName), (a, b) => Same(a.EntityName, b.EntityName)),
            (nameof(ClrType.SpecialType), (a, b) => a.SpecialType == b.SpecialType),
            (nameof(ClrType.TypeKind), (a, b) => a.TypeKind == b.TypeKind),
            (nameof(ClrType.IsValueType), (a, b) => a.IsValueType == b.IsValueType),
            (nameof(ClrType.IsAbstract), (a, b) => a.IsAbstract == b.IsAbstract),
            (nameof(ClrType.Package), (a, b) => Same(a.Package, b.Package)),
            (nameof(ClrType.IsDeclaredInSource), (a, b) => a.IsDeclaredInSource == b.IsDeclaredInSource),
            (nameof(ClrType.NullableUnderlying), (a, b) => Same(a.NullableUnderlying, b.NullableUnderlying)),
            (nameof(ClrType.Shape), (a, b) => a.Shape == b.Shape),
            (nameof(ClrType.ShapeTarget), (a, b) => Same(a.ShapeTarget?.Identity, b.ShapeTarget?.Identity)),
            (nameof(ClrType.MetadataName), (a, b) => Same(a.MetadataName, b.MetadataName)),
            (nameof(ClrType.IsCollection), (a, b) => a.IsCollection == b.IsCollection),
        };

        internal static readonly (string Member, Func<ForeignKeyModel, ForeignKeyModel, bool> Same)[] ForeignKeyMembers = new (string, Func<ForeignKeyModel, ForeignKeyModel, bool>)[]
        {
            (nameof(ForeignKeyModel.PropertyNames), (a, b) => SameItems(a.PropertyNames, b.PropertyNames, (x, y) => Same(x, y))),
            (nameof(ForeignKeyModel.PrincipalEntityName), (a, b) => Same(a.PrincipalEntityName, b.PrincipalEntityName)),
            (nameof(ForeignKeyModel.PrincipalKeyPropertyNames), (a, b) => SameItems(a.PrincipalKeyPropertyNames, b.PrincipalKeyPropertyNames, (x, y) => Same(x, y))),
            (nameof(ForeignKeyModel.IsRequired), (a, b) => Same(a.IsRequired, b.IsRequired)),
            (nameof(ForeignKeyModel.DeclaredRequiredness), (a, b) => Same(a.DeclaredRequiredness, b.DeclaredRequiredness)),
            (nameof(ForeignKeyModel.DeleteBehavior), (a, b) => Same(a.DeleteBehavior, b.DeleteBehavior)),
            (nameof(ForeignKeyModel.IsDeleteBehaviorExplicit), (a, b) => Same(a.IsDeleteBehaviorExplicit, b.IsDeleteBehaviorExplicit)),
            (nameof(ForeignKeyModel.DependentNavigation), (a, b) => Same(a.DependentNavigation, b.DependentNavigation)),
            (nameof(ForeignKeyModel.DependentNavigationNullability), (a, b) => Same(a.DependentNavigationNullability, b.DependentNavigationNullability)),
            (nameof(ForeignKeyModel.PrincipalNavigation), (a, b) => Same(a.PrincipalNavigation, b.PrincipalNavigation)),
            (nameof(ForeignKeyModel.IsOwnership), (a, b) => a.IsOwnership == b.IsOwnership),
            (nameof(ForeignKeyModel.IsUnique), (a, b) => a.IsUnique == b.IsUnique),
            (nameof(ForeignKeyModel.Location), (a, b) => Equals(a.Location, b.Location)),
        };

        /// <summary>A Fluent relationship as its piece stated it, before the conventions: the rebuild plan's check compares these.</summary>
        internal static readonly (string Member, Func<RelationshipDraft, RelationshipDraft, bool> Same)[] RelationshipMembers = new (string, Func<RelationshipDraft, RelationshipDraft, bool>)[]
        {
            (nameof(RelationshipDraft.Source), (a, b) => Same(a.Source.Name, b.Source.Name)),
            (nameof(RelationshipDraft.Target), (a, b) => Same(a.Target.Name, b.Target.Name)),
            (nameof(RelationshipDraft.SourceNavigation), (a, b) => Same(a.SourceNavigation, b.SourceNavigation)),
            (nameof(RelationshipDraft.SourceIsCollection), (a, b) => a.SourceIsCollection == b.SourceIsCollection),
            (nameof(RelationshipDraft.TargetNavigation), (a, b) => Same(a.TargetNavigation, b.TargetNavigation)),
            (nameof(RelationshipDraft.TargetIsCollection), (a, b) => a.TargetIsCollection == b.TargetIsCollection),
            (nameof(RelationshipDraft.DeclaredDependent), (a, b) => Same(a.DeclaredDependent?.Name, b.DeclaredDependent?.Name)),
            (nameof(RelationshipDraft.ForeignKeyNames), (a, b) => SameNames(a.ForeignKeyNames, b.ForeignKeyNames)),
            (nameof(RelationshipDraft.PrincipalKeyNames), (a, b) => SameNames(a.PrincipalKeyNames, b.PrincipalKeyNames)),
            (nameof(RelationshipDraft.DeleteBehavior), (a, b) => Same(a.DeleteBehavior, b.DeleteBehavior)),
            (nameof(RelationshipDraft.Required), (a, b) => Same(a.Required, b.Required)),
            (nameof(RelationshipDraft.Declared), (a, b) => Same(a.Declared, b.Declared)),
            (nameof(RelationshipDraft.IsFluent), (a, b) => a.IsFluent == b.IsFluent),
            (nameof(RelationshipDraft.IsOpaque), (a, b) => a.IsOpaque == b.IsOpaque),
            (nameof(RelationshipDraft.Location), (a, b) => Equals(a.Location, b.Location)),
        };

        internal static readonly (string Member, Func<IndexDraft, IndexDraft, bool> Same)[] IndexMembers = new (string, Func<IndexDraft, IndexDraft, bool>)[]
        {
            (nameof(IndexDraft.PropertyNames), (a, b) => SameItems(a.PropertyNames, b.PropertyNames, (x, y) => Same(x, y))),
            (nameof(IndexDraft.IsUnique), (a, b) => a.IsUnique == b.IsUnique),
            (nameof(IndexDraft.IsUniqueConfigured), (a, b) => a.IsUniqueConfigured == b.IsUniqueConfigured),
            (nameof(IndexDraft.Filter), (a, b) => Same(a.Filter, b.Filter)),
            (nameof(IndexDraft.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(IndexDraft.HasOptions), (a, b) => a.HasOptions == b.HasOptions),
            (nameof(IndexDraft.IsByConvention), (a, b) => a.IsByConvention == b.IsByConvention),
            (nameof(IndexDraft.Location), (a, b) => Equals(a.Location, b.Location)),
        };

        internal static readonly (string Member, Func<CheckConstraintModel, CheckConstraintModel, bool> Same)[] CheckConstraintMembers = new (string, Func<CheckConstraintModel, CheckConstraintModel, bool>)[]
        {
            (nameof(CheckConstraintModel.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(CheckConstraintModel.Sql), (a, b) => Same(a.Sql, b.Sql)),
            (nameof(CheckConstraintModel.Location), (a, b) => Equals(a.Location, b.Location)),
        };

        internal static readonly (string Member, Func<JoinEntity, JoinEntity, bool> Same)[] JoinMembers = new (string, Func<JoinEntity, JoinEntity, bool>)[]
        {
            (nameof(JoinEntity.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(JoinEntity.Properties), (a, b) => SameItems(a.Properties, b.Properties, (x, y) => Same(x.Name, y.Name) && Same(x.Type, y.Type))),
            (nameof(JoinEntity.ForeignKeys), (a, b) => SameItems(a.ForeignKeys, b.ForeignKeys, (x, y) => Same(x, y))),
            (nameof(JoinEntity.PrimaryKey), (a, b) => SameNames(a.PrimaryKey, b.PrimaryKey)),
            (nameof(JoinEntity.Indexes), (a, b) => SameItems(a.Indexes, b.Indexes, (x, y) => Same(x, y))),
            (nameof(JoinEntity.Location), (a, b) => Equals(a.Location, b.Location)),
        };

        internal static readonly (string Member, Func<IndexModel, IndexModel, bool> Same)[] IndexModelMembers = new (string, Func<IndexModel, IndexModel, bool>)[]
        {
            (nameof(IndexModel.PropertyNames), (a, b) => SameNames(a.PropertyNames, b.PropertyNames)),
            (nameof(IndexModel.IsUnique), (a, b) => a.IsUnique == b.IsUnique),
            (nameof(IndexModel.IsPlain), (a, b) => Same(a.IsPlain, b.IsPlain)),
            (nameof(IndexModel.Filter), (a, b) => Same(a.Filter, b.Filter)),
            (nameof(IndexModel.Name), (a, b) => Same(a.Name, b.Name)),
            (nameof(IndexModel.Location), (a, b) => Equals(a.Location, b.Location)),
        };

        /// <summary>The join entity type is built from what <paramref name="before"/> was built from.</summary>
        public static bool Same(JoinEntity now, JoinEntity before) => ReferenceEquals(now, before) || All(JoinMembers, now, before);

        /// <summary>The relationship is stated as <paramref name="before"/> was, its ends compared by name.</summary>
        public static bool Same(RelationshipDraft now, RelationshipDraft before) => ReferenceEquals(now, before) || All(RelationshipMembers, now, before);

        private static bool Same(IndexModel a, IndexModel b) => ReferenceEquals(a, b) || All(IndexModelMembers, a, b);

        /// <summary>The draft's own facts are those of <paramref name="before"/>; the drafts it names are compared on their own.</summary>
        public static bool Same(EntityDraft now, EntityDraft before) => ReferenceEquals(now, before) || All(EntityMembers, now, before);

        private static bool Same(PropertyDraft a, PropertyDraft b) => ReferenceEquals(a, b) || All(PropertyMembers, a, b);

        private static bool Same(NavigationDraft a, NavigationDraft b) => ReferenceEquals(a, b) || All(NavigationMembers, a, b);

        private static bool Same(ClrMember? a, ClrMember? b) => ReferenceEquals(a, b) || a is not null && b is not null && All(ClrMemberMembers, a, b);

        private static bool Same(ClrType? a, ClrType? b) => ReferenceEquals(a, b) || a is not null && b is not null && All(ClrTypeMembers, a, b);

        private static bool Same(ForeignKeyModel a, ForeignKeyModel b) => ReferenceEquals(a, b) || All(ForeignKeyMembers, a, b);

        private static bool Same(IndexDraft a, IndexDraft b) => ReferenceEquals(a, b) || All(IndexMembers, a, b);

        private static bool Same(CheckConstraintModel a, CheckConstraintModel b) => ReferenceEquals(a, b) || All(CheckConstraintMembers, a, b);

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

        /// <summary>Known the same way, with the same value, established at the same place.</summary>
        internal static bool Same<T>(Fact<T> a, Fact<T> b) => a.Equals(b) && Equals(a.Location, b.Location);

        internal static bool Same<T>(Configured<T>? a, Configured<T>? b) =>
            ReferenceEquals(a, b)
            || a is not null && b is not null && a.FromAnnotation == b.FromAnnotation && Equals(a.Location, b.Location) && EqualityComparer<T>.Default.Equals(a.Value, b.Value);

        private static bool SameNames(Configured<List<string>>? a, Configured<List<string>>? b) =>
            ReferenceEquals(a, b)
            || a is not null && b is not null && a.FromAnnotation == b.FromAnnotation && Equals(a.Location, b.Location) && SameNames(a.Value, b.Value);

        private static bool SameNames(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
            ReferenceEquals(a, b) || a is not null && b is not null && SameItems(a, b, (x, y) => Same(x, y));

        // Lambdas rather than method groups as the comparers: a lambda that captures nothing is one cached instance.
        private static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> same)
        {
            if (a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++)
            {
                if (!same(a[i], b[i])) return false;
            }

            return true;
        }

        private static bool All<T>((string Member, Func<T, T, bool> Same)[] members, T a, T b)
        {
            // An array walked by index: a foreach over the interface allocated an enumerator per draft compared.
            for (var i = 0; i < members.Length; i++)
            {
                if (!members[i].Same(a, b)) return false;
            }

            return true;
        }
    }
}
