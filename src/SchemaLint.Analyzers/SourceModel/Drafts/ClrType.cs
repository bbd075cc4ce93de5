using System;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Discovery;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// A CLR type as conventions and the emitter ask about it, read from its symbol once while binding and holding none, so
    /// that nothing after binding completes a symbol of the compilation (and a draft can outlive the compilation it came from).
    /// </summary>
    internal sealed class ClrType : IEquatable<ClrType>
    {
        public ClrType(string identity, string name, string fullName, string entityName, SpecialType specialType, TypeKind typeKind, bool isValueType, bool isAbstract, string? package, bool isDeclaredInSource)
        {
            Identity = identity;
            Name = name;
            FullName = fullName;
            EntityName = entityName;
            SpecialType = specialType;
            TypeKind = typeKind;
            IsValueType = isValueType;
            IsAbstract = isAbstract;
            Package = package;
            IsDeclaredInSource = isDeclaredInSource;
        }

        /// <summary>Equal for the same type in any compilation: its assembly and its closed name (<c>Ns.Wrapper&lt;int&gt;</c>).</summary>
        public string Identity { get; }

        /// <summary>The simple name EF Core's conventions compose names from (<c>Order</c> for <c>Sales.Order</c>).</summary>
        public string Name { get; }

        /// <summary>As <see cref="ClrTypes.FullName"/> writes it: Nullable removed, '+' before a nested type.</summary>
        public string FullName { get; }

        /// <summary>As <see cref="ClrTypes.FullNameForEntity"/> writes it: EF Core's name for an entity type of this CLR type.</summary>
        public string EntityName { get; }

        public SpecialType SpecialType { get; }

        public TypeKind TypeKind { get; }

        public bool IsValueType { get; }

        public bool IsAbstract { get; }

        /// <summary>The package that declares the type (null for the application's own), as <see cref="ReferencePackages"/> tells.</summary>
        public string? Package { get; }

        /// <summary>Declared by the compilation being read, not by a reference.</summary>
        public bool IsDeclaredInSource { get; }

        /// <summary>T for <c>Nullable&lt;T&gt;</c>; null otherwise.</summary>
        public ClrType? NullableUnderlying { get; internal set; }

        public bool IsNullableValueType => NullableUnderlying is not null;

        /// <summary>The type with Nullable removed.</summary>
        public ClrType Underlying => NullableUnderlying ?? this;

        /// <summary>How EF Core sees a member of this type (<see cref="ClrTypes.ShapeOf"/>).</summary>
        public MemberShape Shape { get; internal set; }

        /// <summary>The entity type a reference or a collection of this type reaches; null for other shapes.</summary>
        public ClrType? ShapeTarget { get; internal set; }

        public bool IsEnum => TypeKind == TypeKind.Enum;

        /// <summary>
        /// The name <see cref="Compilation.GetTypeByMetadataName"/> finds the type by (<c>Sales.Order</c>, <c>Outer+Inner</c>);
        /// null for a type it cannot find that way (a constructed generic type, an array, a type parameter).
        /// </summary>
        public string? MetadataName { get; internal set; }

        private string? _typeIdentity;

        /// <summary>
        /// The type's <see cref="Infrastructure.TypeIdentity"/> (its assembly and metadata name) when it is found by its metadata
        /// name; null otherwise. Made once per type read: findings are placed by the identities of every mapped type after every
        /// model edit, and a type whose facts the edit took over is this very object, its identity made already.
        /// </summary>
        public string? TypeIdentity => MetadataName is null ? null : _typeIdentity ??= Identity.Substring(0, Identity.IndexOf('|') + 1) + MetadataName;

        /// <summary>The type, Nullable removed, is a collection of something (EF Core maps a navigation cast to an entity type from it as a collection).</summary>
        public bool IsCollection { get; internal set; }

        /// <summary>Two key types are compatible for a foreign key when they are the same type once Nullable is removed.</summary>
        public bool IsCompatibleWith(ClrType other) => Underlying.Equals(other.Underlying);

        public bool Equals(ClrType? other) => other is not null && string.Equals(Identity, other.Identity, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ClrType other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Identity);

        public override string ToString() => EntityName;
    }
}
