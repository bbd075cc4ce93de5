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

        internal SourceSchema(IReadOnlyList<SchemaModel> models, Dictionary<INamedTypeSymbol, List<(SchemaModel Model, EntityTypeModel Entity)>> byType)
        {
            Models = models;
            _byType = byType;
        }

        public static SourceSchema Empty { get; } = new SourceSchema(
            Array.Empty<SchemaModel>(),
            new Dictionary<INamedTypeSymbol, List<(SchemaModel Model, EntityTypeModel Entity)>>(SymbolEqualityComparer.Default));

        public IReadOnlyList<SchemaModel> Models { get; }

        /// <summary>Every CLR type that some context maps (original definitions).</summary>
        public IEnumerable<INamedTypeSymbol> MappedTypes => _byType.Keys;

        /// <summary>The type is mapped (as an entity or owned type) in some context.</summary>
        public bool IsEntityType(INamedTypeSymbol type) => _byType.ContainsKey(type.OriginalDefinition);

        /// <summary>Every context's entity type for the CLR type (an owned type can appear once per owning navigation).</summary>
        public IEnumerable<(SchemaModel Model, EntityTypeModel Entity)> EntitiesFor(INamedTypeSymbol type) =>
            _byType.TryGetValue(type.OriginalDefinition, out var entities) ? entities : (IEnumerable<(SchemaModel, EntityTypeModel)>)Array.Empty<(SchemaModel, EntityTypeModel)>();
    }
}
