using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Analyzers.SourceModel.Conventions;
using SchemaLint.Analyzers.SourceModel.Declarations;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Analyzers.SourceModel.Fluent;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>
    /// Builds the schema the source establishes, the way EF Core would build it, from symbols and from model-building code
    /// bound with the semantic model of its tree: one SchemaModel per concrete DbContext in the compilation.
    /// </summary>
    public static class SourceSchemaBuilder
    {
        public static SourceSchema Build(Compilation compilation, EfSymbols symbols, SchemaLintOptions options, CancellationToken cancellationToken)
        {
            var scope = new CompilationScope(compilation, symbols, cancellationToken);
            if (scope.Contexts.Count == 0) return SourceSchema.Empty;

            var footprint = ExtractionFootprint.Recording;
            var code = new CodeScan(compilation, cancellationToken, footprint);
            var typeFacts = new TypeFactsReader(compilation, symbols, scope.Clr, footprint?.TypeFacts ?? new TypeFactsStore());
            var models = new List<SchemaModel>();
            var byType = new Dictionary<INamedTypeSymbol, List<(SchemaModel, EntityTypeModel)>>(SymbolEqualityComparer.Default);
            foreach (var context in scope.Contexts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var draft = new ModelDraft(context, scope.Clr) { ScopedModelBuilders = options.ScopedModelBuilders };

                // Before reading: provider tests in OnModelCreating (Database.IsNpgsql()) are decided by it.
                draft.Provider = options.Provider ?? DetectProvider(scope, code, context);
                AddDbSets(draft, context, symbols);
                var reader = new FluentReader(draft, scope, cancellationToken);
                reader.ReadConfigureConventions();
                reader.ReadOnModelCreating();
                new EntityDiscovery(draft, scope, reader, typeFacts, cancellationToken).Run();
                CompiledConfiguration.MarkReached(draft, compilation.Assembly);
                KeyConventions.Resolve(draft);
                var relationships = new RelationshipConventions(draft, scope.Clr.Of(compilation.GetSpecialType(SpecialType.System_Int32)));
                relationships.Run();

                var entities = new List<(EntityDraft Draft, EntityTypeModel Entity)>();
                var model = new SchemaEmitter(draft, code).Emit(relationships.JoinEntities, entities);
                models.Add(model);
                foreach (var (emitted, entity) in entities)
                {
                    var type = draft.SymbolOf(emitted);
                    if (!byType.TryGetValue(type.OriginalDefinition, out var list)) byType[type.OriginalDefinition] = list = new List<(SchemaModel, EntityTypeModel)>();
                    list.Add((model, entity));
                }
            }

            return new SourceSchema(models, byType);
        }

        private static void AddDbSets(ModelDraft draft, INamedTypeSymbol context, EfSymbols symbols)
        {
            if (symbols.DbSet is null) return;
            for (var current = context; current is not null && !SymbolEqualityComparer.Default.Equals(current, symbols.DbContext); current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.Type is not INamedTypeSymbol set || !SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, symbols.DbSet)) continue;
                    if (set.TypeArguments[0] is not INamedTypeSymbol entityType || entityType.TypeKind == TypeKind.TypeParameter) continue;

                    // A compiled base context's own entity types come and go with its compiled configuration (Identity
                    // ignores some by schema version): only the application's types it exposes are taken from its sets.
                    if (current.DeclaringSyntaxReferences.Length == 0
                        && !SymbolEqualityComparer.Default.Equals(entityType.OriginalDefinition.ContainingAssembly, context.ContainingAssembly)) continue;
                    var entity = draft.GetOrAdd(entityType);
                    if (entity is not null) entity.DbSetName ??= property.Name;
                }
            }
        }

        /// <summary>The one provider OnConfiguring or the context's registrations use; Unknown when none or several.</summary>
        private static DatabaseProvider DetectProvider(CompilationScope scope, CodeScan code, INamedTypeSymbol context)
        {
            var providers = new HashSet<DatabaseProvider>(code.RegisteredProviders(context.Name));
            for (var current = context; current is not null && !SymbolEqualityComparer.Default.Equals(current, scope.Symbols.DbContext); current = current.BaseType)
            {
                foreach (var method in current.GetMembers("OnConfiguring").OfType<IMethodSymbol>())
                {
                    var body = CompilationScope.BodyOf(method, out _);
                    if (body is not null) providers.UnionWith(CodeScan.ProvidersIn(body));
                }
            }

            return providers.Count == 1 ? providers.First() : DatabaseProvider.Unknown;
        }
    }
}
