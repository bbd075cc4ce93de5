using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>The schema the source establishes: one SchemaModel per DbContext, and which CLR types they map.</summary>
    public sealed class SourceSchema
    {
        private readonly Dictionary<INamedTypeSymbol, List<(SchemaModel Model, EntityTypeModel Entity)>> _byType;
        private readonly Dictionary<INamedTypeSymbol, string> _identities;

        /// <param name="identities">The <see cref="Infrastructure.TypeIdentity"/> of each key of <paramref name="byType"/>.</param>
        internal SourceSchema(IReadOnlyList<SchemaModel> models, Dictionary<INamedTypeSymbol, List<(SchemaModel Model, EntityTypeModel Entity)>> byType,
            Dictionary<INamedTypeSymbol, string> identities)
        {
            Models = models;
            _byType = byType;
            _identities = identities;
        }

        public static SourceSchema Empty { get; } = new SourceSchema(
            Array.Empty<SchemaModel>(),
            new Dictionary<INamedTypeSymbol, List<(SchemaModel Model, EntityTypeModel Entity)>>(SymbolEqualityComparer.Default),
            new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default));

        public IReadOnlyList<SchemaModel> Models { get; }

        /// <summary>Every CLR type that some context maps (original definitions).</summary>
        public IEnumerable<INamedTypeSymbol> MappedTypes => _byType.Keys;

        /// <summary>The <see cref="Infrastructure.TypeIdentity"/> of one of <see cref="MappedTypes"/>.</summary>
        internal string IdentityOf(INamedTypeSymbol mappedType) => _identities[mappedType];

        /// <summary>The type is mapped (as an entity or owned type) in some context.</summary>
        public bool IsEntityType(INamedTypeSymbol type) => _byType.ContainsKey(type.OriginalDefinition);

        /// <summary>Every context's entity type for the CLR type (an owned type can appear once per owning navigation).</summary>
        public IEnumerable<(SchemaModel Model, EntityTypeModel Entity)> EntitiesFor(INamedTypeSymbol type) =>
            _byType.TryGetValue(type.OriginalDefinition, out var entities) ? entities : (IEnumerable<(SchemaModel, EntityTypeModel)>)Array.Empty<(SchemaModel, EntityTypeModel)>();
    }
}
