using System;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// A question the model asked the code scan (is <see cref="Member"/> of this entity type assigned, or updated?), kept
    /// by names so that a later snapshot can ask it again of its own compilation.
    /// </summary>
    internal sealed class CodeQuestion : IEquatable<CodeQuestion>
    {
        public CodeQuestion(string? entityMetadataName, string member, bool declaredInSource, bool updatesOnly)
        {
            EntityMetadataName = entityMetadataName;
            Member = member;
            DeclaredInSource = declaredInSource;
            UpdatesOnly = updatesOnly;

            // Looked up in two footprints when an answer is taken over from the snapshot before: hashed once.
            _hashCode = ((entityMetadataName?.GetHashCode() ?? 0) * 31 + member.GetHashCode()) * 4 + (declaredInSource ? 2 : 0) + (updatesOnly ? 1 : 0);
        }

        private readonly int _hashCode;

        /// <summary>The entity type's metadata name (<c>Sales.Order</c>, <c>Outer+Inner</c>, <c>Wrapper`1</c>); null for a question about any type.</summary>
        public string? EntityMetadataName { get; }

        public string Member { get; }

        public bool DeclaredInSource { get; }

        public bool UpdatesOnly { get; }

        /// <summary>A named type's metadata name as <see cref="Compilation.GetTypeByMetadataName"/> takes it; null for other types.</summary>
        public static string? MetadataNameOf(ITypeSymbol type) => type is INamedTypeSymbol named ? TypeIdentity.MetadataName(named) : null;

        public bool Equals(CodeQuestion? other) =>
            other is not null && EntityMetadataName == other.EntityMetadataName && Member == other.Member
            && DeclaredInSource == other.DeclaredInSource && UpdatesOnly == other.UpdatesOnly;

        public override bool Equals(object? obj) => Equals(obj as CodeQuestion);

        public override int GetHashCode() => _hashCode;
    }
}
