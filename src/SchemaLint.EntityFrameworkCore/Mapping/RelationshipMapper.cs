using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Sources;
using EfDeleteBehavior = Microsoft.EntityFrameworkCore.DeleteBehavior;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>Keys, indexes and foreign keys of one entity type.</summary>
    internal sealed class RelationshipMapper
    {
        private readonly ClrNullability _nullability;
        private readonly ApplicationAssemblies _assemblies;

        public RelationshipMapper(ClrNullability nullability, ApplicationAssemblies assemblies)
        {
            _assemblies = assemblies;
            _nullability = nullability;
        }

        public KeyModel MapKey(IKey key) => new KeyModel(key.Properties.Select(p => p.Name), key.IsPrimaryKey());

        public IndexModel MapIndex(IIndex index) => new IndexModel(index.Properties.Select(p => p.Name), index.IsUnique)
        {
            Filter = index.GetFilter(),
            Name = index.Name ?? index.GetDatabaseName(),
            IsPlain = IsPlain(index),
        };

        /// <summary>
        /// Ascending keys and no provider-specific options: providers record access methods, included columns, operator
        /// classes, collations and the like as annotations with their own prefix ("Npgsql:IndexMethod", "SqlServer:Include").
        /// </summary>
        private static bool IsPlain(IIndex index) =>
            (index.IsDescending is null || index.IsDescending.All(descending => !descending))
            && !index.GetAnnotations().Any(a => a.Value is not null && !a.Name.StartsWith("Relational:", System.StringComparison.Ordinal));

        public ForeignKeyModel MapForeignKey(IForeignKey foreignKey, EntityTypeModel dependent)
        {
            var convention = foreignKey as IConventionForeignKey;
            return new ForeignKeyModel(
                foreignKey.Properties.Select(p => p.Name),
                foreignKey.PrincipalEntityType.Name,
                foreignKey.PrincipalKey.Properties.Select(p => p.Name))
            {
                IsRequired = foreignKey.IsRequired,
                DeclaredRequiredness = convention is null ? Fact<DeclaredRequiredness>.Unknown : DeclaredRequirednessOf(foreignKey, convention),
                DeleteBehavior = DeleteBehaviorOf(foreignKey.DeleteBehavior),
                IsDeleteBehaviorExplicit = convention is null ? Fact<bool>.Unknown : PropertyMapper.IsExplicit(convention.GetDeleteBehaviorConfigurationSource()),
                DependentNavigation = foreignKey.DependentToPrincipal?.Name,
                DependentNavigationNullability = foreignKey.DependentToPrincipal is { } navigation
                    ? _nullability.Of(PropertyMapper.ClrMember(navigation), navigation.ClrType)
                    : ReferenceNullability.NotApplicable,
                PrincipalNavigation = foreignKey.PrincipalToDependent?.Name,
                IsOwnership = foreignKey.IsOwnership,
                IsUnique = foreignKey.IsUnique,
                Location = LocationOf(foreignKey, dependent),
                Package = PackageOwnership.OfDeclaredParts(DeclaredParts(foreignKey).Select(member => _assemblies.PackageOf(member.DeclaringType))),
            };
        }

        /// <summary>The CLR members a relationship is made of: its foreign-key properties and its navigations on both sides.</summary>
        private static IEnumerable<MemberInfo> DeclaredParts(IForeignKey foreignKey)
        {
            var parts = foreignKey.Properties.Cast<IPropertyBase>().Append(foreignKey.DependentToPrincipal).Append(foreignKey.PrincipalToDependent);
            foreach (var part in parts)
            {
                if (part is not null && PropertyMapper.ClrMember(part) is { } member) yield return member;
            }
        }

        /// <summary>
        /// What the code declared: <c>IsRequired(...)</c> or <c>[Required]</c> on the relationship or a foreign key property,
        /// else the dependent-to-principal navigation's annotation under nullable reference types (EF Core applies that by
        /// convention, but it is the author's stated intent). Nothing of the kind leaves it unspecified.
        /// </summary>
        private DeclaredRequiredness DeclaredRequirednessOf(IForeignKey foreignKey, IConventionForeignKey convention)
        {
            if (PropertyMapper.IsExplicit(convention.GetIsRequiredConfigurationSource()))
                return foreignKey.IsRequired ? DeclaredRequiredness.Required : DeclaredRequiredness.Optional;

            foreach (var property in foreignKey.Properties.OfType<IConventionProperty>())
            {
                var declared = PropertyMapper.DeclaredRequirednessOf(property.GetIsNullableConfigurationSource(), property.IsNullable);
                if (declared != DeclaredRequiredness.Unspecified) return declared;
            }

            var navigation = foreignKey.DependentToPrincipal;
            if (navigation is null) return DeclaredRequiredness.Unspecified;
            var annotation = _nullability.Of(PropertyMapper.ClrMember(navigation), navigation.ClrType);
            if (annotation.Is(ReferenceNullability.NotAnnotated)) return DeclaredRequiredness.Required;
            if (annotation.Is(ReferenceNullability.Annotated)) return DeclaredRequiredness.Optional;
            return DeclaredRequiredness.Unspecified;
        }

        /// <summary>The dependent's navigation, else a CLR foreign key property, else the principal's navigation, else the dependent type.</summary>
        private static SourceLocation? LocationOf(IForeignKey foreignKey, EntityTypeModel dependent) =>
            SourceLocator.ForMember(foreignKey.DependentToPrincipal is null ? null : PropertyMapper.ClrMember(foreignKey.DependentToPrincipal))
            ?? foreignKey.Properties.Select(p => SourceLocator.ForMember(PropertyMapper.ClrMember(p))).FirstOrDefault(l => l is not null)
            ?? SourceLocator.ForMember(foreignKey.PrincipalToDependent is null ? null : PropertyMapper.ClrMember(foreignKey.PrincipalToDependent))
            ?? dependent.Location;

        private static Fact<DeleteBehaviorKind> DeleteBehaviorOf(EfDeleteBehavior behavior) => behavior switch
        {
            EfDeleteBehavior.ClientSetNull => DeleteBehaviorKind.ClientSetNull,
            EfDeleteBehavior.Restrict => DeleteBehaviorKind.Restrict,
            EfDeleteBehavior.SetNull => DeleteBehaviorKind.SetNull,
            EfDeleteBehavior.Cascade => DeleteBehaviorKind.Cascade,
            EfDeleteBehavior.ClientCascade => DeleteBehaviorKind.ClientCascade,
            EfDeleteBehavior.NoAction => DeleteBehaviorKind.NoAction,
            EfDeleteBehavior.ClientNoAction => DeleteBehaviorKind.ClientNoAction,
            _ => Fact<DeleteBehaviorKind>.Unknown,
        };
    }
}
