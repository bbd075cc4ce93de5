using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
            BindAssemblyAttributesFirst(compilation);
            var footprint = ExtractionFootprint.Recording;
            var scope = new CompilationScope(compilation, symbols, footprint?.TypeFacts ?? new TypeFactsStore(), cancellationToken);
            if (scope.Contexts.Count == 0) return SourceSchema.Empty;

            var code = new CodeScan(compilation, cancellationToken, footprint);

            // The trees a model edit changed, when the snapshot before is one this compilation can be compared with file by file.
            var editedTrees = footprint?.EditedTrees;
            var models = new List<SchemaModel>();
            var byType = new Dictionary<INamedTypeSymbol, List<(SchemaModel, EntityTypeModel)>>(SymbolEqualityComparer.Default);
            var identities = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (var context in scope.Contexts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var contextName = ClrTypes.FullNameForEntity(context);
                var before = footprint?.EmittedBefore(contextName);
                var draft = new ModelDraft(context, contextName, scope.Clr, before?.Count ?? 0) { ScopedModelBuilders = options.ScopedModelBuilders };

                // Before reading: provider tests in OnModelCreating (Database.IsNpgsql()) are decided by it.
                draft.Provider = options.Provider ?? DetectProvider(scope, code, context);
                var sets = AddDbSets(draft, context, symbols, scope.TypeFacts);
                // Made only when a plan asks: a thousand sets are a table an edit would otherwise pay for (bench/ANALYSIS.md, run 32).
                HashSet<DbSetFacts>? setsRead = null;
                var plan = RebuildPlan.Seed(before, footprint?.EditedCode, declaration => declaration is TypeFacts facts
                    ? scope.TypeFacts.StillHolds(facts)
                    : declaration is DbSetFacts set && (setsRead ??= new HashSet<DbSetFacts>(sets.SelectMany(list => list))).Contains(set));
                var reader = new FluentReader(draft, scope, footprint?.EditedCode, cancellationToken, before?.Pieces, footprint?.RecordsPieces == true);
                reader.ReadConfigureConventions();
                reader.ReadOnModelCreating();
                new EntityDiscovery(draft, scope, reader, cancellationToken).Run();
                CompiledConfiguration.MarkReached(draft, compilation.Assembly);

                // Plans are checked against what was read as well as against what the conventions made of it.
                if (RebuildPlan.CheckEveryPlan) draft.KeepAsRead();
                var int32 = scope.Clr.Of(compilation.GetSpecialType(SpecialType.System_Int32));
                var (model, emitter, entities) = Settle(draft, int32, code, before, editedTrees);
                if (plan is not null)
                {
                    plan.Reach(draft.Entities);
                    plan.Settle(draft.Entities, emitter.Searched, emitter.Differs);
                    if (draft.RelationshipsAsRead is { } stated && reader.Pieces is { } pieces) plan.CheckUnreachedPieces(draft.Entities, pieces, stated);

                    // What a skipping build would start its conventions from, built in place of what was read: the model must
                    // come out as a fresh extraction's (the suites compare them), and its records serve the next edit.
                    if (plan.ToBuildAgain(draft) is { } fromRecord)
                    {
                        draft = fromRecord;
                        (model, emitter, entities) = Settle(draft, int32, code, before, editedTrees);
                        emitter.Emitted.PlanBuiltFromRecord = true;
                        emitter.Emitted.PlanTakenBeforeReading = plan.TakenBeforeReading;
                    }

                    // Counts, not the plan: it holds the snapshot before's emitted model, which would then live on.
                    emitter.Emitted.Planned = true;
                    emitter.Emitted.PlanRounds = plan.Rounds;
                    emitter.Emitted.PlanKept = plan.Kept;
                    emitter.Emitted.PlanRebuilt = plan.Rebuilt;
                    emitter.Emitted.PlanKeptAsRead = plan.KeptAsRead;
                    emitter.Emitted.PlanPiecesTaken = plan.PiecesTaken;
                    emitter.Emitted.PlanStayedWithinCandidates = plan.StaysWithinCandidates;
                }

                emitter.Emitted.Pieces = reader.Pieces;
                emitter.Emitted.PiecesPredictedUnreached = reader.PiecesPredictedUnreached;
                emitter.Emitted.PiecesWithRecord = reader.PiecesWithRecord;
                if (draft.RelationshipsAsRead is { } statedAsRead) emitter.Emitted.RecordRelationshipsAsRead(statedAsRead);

                footprint?.Emitted(draft.ContextName, emitter.Emitted);
                models.Add(model);
                foreach (var (emitted, entity) in entities)
                {
                    var type = draft.SymbolOf(emitted).OriginalDefinition;
                    if (!byType.TryGetValue(type, out var list))
                    {
                        byType[type] = list = new List<(SchemaModel, EntityTypeModel)>();
                        identities[type] = emitted.Type.TypeIdentity ?? Infrastructure.TypeIdentity.Of(type);
                    }

                    list.Add((model, entity));
                }
            }

            footprint?.ForgetEmittedBefore();
            return new SourceSchema(models, byType, identities);
        }

        /// <summary>The key and relationship conventions run over the drafts, and the model emitted from what they made.</summary>
        private static (SchemaModel Model, SchemaEmitter Emitter, List<(EntityDraft Draft, EntityTypeModel Entity)> Entities) Settle(
            ModelDraft draft, ClrType int32, CodeScan code, EmittedModel? before, HashSet<SyntaxTree>? editedTrees)
        {
            KeyConventions.Resolve(draft);
            var relationships = new RelationshipConventions(draft, int32);
            relationships.Run();

            var entities = new List<(EntityDraft Draft, EntityTypeModel Entity)>();
            var emitter = new SchemaEmitter(draft, code, before, editedTrees);
            var model = emitter.Emit(relationships.JoinEntities, entities);
            foreach (var entity in draft.Entities) entity.CheckReadStateKept();
            return (model, emitter, entities);
        }

        /// <summary>
        /// Binds the compilation's own assembly and module attributes before the reader binds anything else. Until they are
        /// bound, the compiler answers the obsolete check of every symbol it binds (each type a member, a base list or a
        /// Fluent call names) by collecting the assembly attribute lists of every file again: on a compilation nothing has
        /// bound yet, an extraction grew with the product of the names it binds and the files it has, and this was a
        /// quarter of one at 5,000 entity types (bench/ANALYSIS.md, run 22). Bound once, the attributes answer the check
        /// from then on. The compiler binds them anyway, for its own diagnostics and for emit, so nothing is bound that a
        /// build would not bind; where they are bound already (an edit's compilation usually has them) this costs nothing.
        /// </summary>
        private static void BindAssemblyAttributesFirst(Compilation compilation)
        {
            compilation.Assembly.GetAttributes();
            compilation.SourceModule.GetAttributes();
        }

        /// <returns>The lists of sets read, one per context of the hierarchy: the drafts their sets expose record those as inputs.</returns>
        private static List<IReadOnlyList<DbSetFacts>> AddDbSets(ModelDraft draft, INamedTypeSymbol context, EfSymbols symbols, TypeFactsReader typeFacts)
        {
            var read = new List<IReadOnlyList<DbSetFacts>>(1);
            if (symbols.DbSet is null) return read;
            for (var current = context; current is not null && !SymbolEqualityComparer.Default.Equals(current, symbols.DbContext); current = current.BaseType)
            {
                var facts = typeFacts.Of(current);
                read.Add(facts.DbSets);
                foreach (var set in facts.DbSets)
                {
                    // A compiled base context's own entity types come and go with its compiled configuration (Identity
                    // ignores some by schema version): only the application's types it exposes are taken from its sets.
                    // (The contexts read are the compilation's own, so the application's types are those declared in source.)
                    if (current.DeclaringSyntaxReferences.Length == 0 && !set.Entity.IsDeclaredInSource) continue;
                    var entity = draft.GetOrAdd(typeFacts.Resolve(set.Entity) ?? EntityOfSet(current, set.Property));
                    if (entity is null) continue;
                    entity.DbSetName ??= set.Property;

                    entity.Inputs.Add(set);
                }
            }

            return read;
        }

        /// <summary>The T of a context's DbSet&lt;T&gt; property, from its symbol (completing its signature).</summary>
        private static INamedTypeSymbol EntityOfSet(INamedTypeSymbol context, string property) =>
            (INamedTypeSymbol)((INamedTypeSymbol)context.GetMembers(property).OfType<IPropertySymbol>().First(p => !p.IsStatic).Type).TypeArguments[0];

        /// <summary>The one provider OnConfiguring or the context's registrations use; Unknown when none or several.</summary>
        private static DatabaseProvider DetectProvider(CompilationScope scope, CodeScan code, INamedTypeSymbol context)
        {
            var providers = new HashSet<DatabaseProvider>(code.RegisteredProviders(context.Name));
            for (var current = context; current is not null && !SymbolEqualityComparer.Default.Equals(current, scope.Symbols.DbContext); current = current.BaseType)
            {
                // Only source has bodies to read, so the declarations are read rather than the symbol's members: asking for
                // those builds every member of the context (a thousand DbSets) on each new compilation, for one method.
                foreach (var reference in current.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not TypeDeclarationSyntax declaration) continue;
                    foreach (var member in declaration.Members)
                    {
                        if (member is not MethodDeclarationSyntax { Identifier.ValueText: "OnConfiguring" } method) continue;
                        var body = CompilationScope.BodyOf(method, out _);
                        if (body is not null) providers.UnionWith(CodeScan.ProvidersIn(body));
                    }
                }
            }

            return providers.Count == 1 ? providers.First() : DatabaseProvider.Unknown;
        }
    }
}
