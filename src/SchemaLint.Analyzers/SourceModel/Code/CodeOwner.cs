using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// An entity type as the code scan asks about writes of its members, by names only: its metadata name, and the types
    /// whose members are its own (the type itself, its base classes, the interfaces it implements).
    /// </summary>
    internal sealed class CodeOwner
    {
        private CodeOwner(string? metadataName, HashSet<string> ownTypes)
        {
            MetadataName = metadataName;
            OwnTypes = ownTypes;
        }

        /// <summary>As <see cref="CodeQuestion.EntityMetadataName"/> takes it; null for a type that is not a named type.</summary>
        public string? MetadataName { get; }

        /// <summary>The identities (<see cref="TypeIdentity"/>) of the types whose members are the entity type's own.</summary>
        public HashSet<string> OwnTypes { get; }

        public static CodeOwner Of(ITypeSymbol entityType)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            for (var type = entityType as INamedTypeSymbol; type is not null; type = type.BaseType) own.Add(TypeIdentity.Of(type));
            foreach (var implemented in entityType.AllInterfaces) own.Add(TypeIdentity.Of(implemented));
            return new CodeOwner(CodeQuestion.MetadataNameOf(entityType), own);
        }
    }
}
