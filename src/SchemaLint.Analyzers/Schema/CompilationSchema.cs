using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Options;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// Per-compilation state of the schema analyzer: the source schema and the engine's findings, built on first demand by
    /// whichever action needs them first, or taken from another compilation instance of the same snapshot (<see cref="SchemaCache"/>).
    /// Every later action (symbol actions for each document, operation actions) reads them.
    /// </summary>
    internal sealed class CompilationSchema
    {
        /// <summary>The source-only rules run from operation actions, one site at a time; the model engine leaves them out.</summary>
        private static readonly SchemaLintEngine ModelEngine = new SchemaLintEngine(RuleCatalog.Rules.Where(r =>
            SchemaLint.Analyzers.Diagnostics.SchemaLintDescriptors.ModelRules.Any(d => d.Id == r.Descriptor.Id)));

        private readonly Compilation _compilation;
        private readonly EfSymbols _symbols;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly object _typesGate = new object();
        private AnalyzedSchema? _analyzed;
        private Dictionary<string, INamedTypeSymbol?>? _typesByName;

        public CompilationSchema(Compilation compilation, EfSymbols symbols, AnalyzerConfigOptionsProvider options, AnalyzerBaseline baseline)
        {
            _compilation = compilation;
            _symbols = symbols;
            _options = options;
            Baseline = baseline;
        }

        public EfSymbols Symbols => _symbols;

        /// <summary>
        /// Applied when findings are reported, never to the cached schema: the cache is shared by compilations whose
        /// AdditionalFiles (and so baselines) may differ.
        /// </summary>
        public AnalyzerBaseline Baseline { get; }

        /// <summary>
        /// The analyzed schema. The cache builds it under a lock so that concurrent actions wait for one build; a cancelled
        /// build leaves nothing behind, so the next action starts it again.
        /// </summary>
        public AnalyzedSchema Get(CancellationToken cancellationToken)
        {
            var analyzed = Volatile.Read(ref _analyzed);
            if (analyzed is not null) return analyzed;
            analyzed = SchemaCache.GetOrBuild(_compilation, _options, previous => Build(previous, cancellationToken), (previous, replaced) => Reanalyze(previous, replaced, cancellationToken), cancellationToken);
            Volatile.Write(ref _analyzed, analyzed);
            return analyzed;
        }

        /// <summary>This compilation's type with the metadata name (null when there is none, or several).</summary>
        public INamedTypeSymbol? TypeNamed(string metadataName)
        {
            lock (_typesGate)
            {
                _typesByName ??= new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
                if (!_typesByName.TryGetValue(metadataName, out var type))
                    _typesByName[metadataName] = type = _compilation.GetTypeByMetadataName(metadataName);
                return type;
            }
        }

        private AnalyzedSchema Build(AnalyzedSchema? previous, CancellationToken cancellationToken) => Guarded(_compilation, () => Extract(previous, cancellationToken));

        /// <summary>A fresh extraction of this compilation, bypassing the cache (a test seam: what the cache must agree with).</summary>
        internal AnalyzedSchema BuildUncached(CancellationToken cancellationToken) => Build(null, cancellationToken);

        /// <summary>
        /// Runs an extraction so that no exception leaves the analyzer: an exception escaping an analyzer disables it for the
        /// session (AD0001) and takes every finding with it; one compilation's model becoming unknown, said once (SL0002),
        /// costs far less. Cancellation is not a failure and passes through.
        /// </summary>
        internal static AnalyzedSchema Guarded(Compilation compilation, Func<AnalyzedSchema> extract)
        {
            try
            {
                return extract();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return AnalyzedSchema.Unreadable(compilation, exception.GetType().Name + ": " + exception.Message);
            }
        }

        /// <param name="previous">The snapshot before's analysis, when this compilation is an edit of it: its findings about
        /// the entity types the edit left alone are kept.</param>
        private AnalyzedSchema Extract(AnalyzedSchema? previous, CancellationToken cancellationToken)
        {
            // The schema is the compilation's, not one file's: it gets the global options together with those of the first
            // source file, which in practice carries the project's [*.cs] section.
            var buildOptions = AnalyzerOptionsReader.Read(_options, _compilation.SyntaxTrees.FirstOrDefault());
            var schema = SourceSchemaBuilder.Build(_compilation, _symbols, buildOptions, cancellationToken);
            return new AnalyzedSchema(_compilation, schema, Findings(schema.Models, model => Analyze(model, previous), cancellationToken), previous);
        }

        /// <summary>
        /// The findings of a model just extracted. After a model edit, the extraction keeps every entity type the edit left
        /// alone as the very object the snapshot before analysed, and the engine judges again only the entity types whose
        /// neighbourhood the edit changed (at 5,000 entities that made a model edit 17-19% cheaper: bench/ANALYSIS.md, run 11).
        /// </summary>
        private RuleFindings Analyze(SchemaModel model, AnalyzedSchema? previous)
        {
            var options = OptionsFor(model);
            var before = previous?.RuleFindingsOfContext(model.ContextName);
            return before is null ? ModelEngine.AnalyzeByRule(model, options) : ModelEngine.AnalyzeEdited(model, before, options);
        }

        /// <summary>
        /// The snapshot before's schema with some entity types replaced (new answers about the code that writes them), and the
        /// findings of the models that result, found on this compilation as an extraction would find them. Only the rules that
        /// read those answers run again (at 5,000 entities, running every rule was about a third of what such a keystroke cost).
        /// </summary>
        private AnalyzedSchema Reanalyze(AnalyzedSchema previous, IReadOnlyDictionary<EntityTypeModel, EntityTypeModel> replaced, CancellationToken cancellationToken) =>
            Guarded(_compilation, () => previous.WithEntitiesReplaced(_compilation, replaced, models =>
            {
                var before = new Dictionary<SchemaModel, SchemaModel>();
                foreach (var (old, now) in models) before[now] = old;
                return Findings(models.Select(m => m.After).ToList(), model => FindAgain(previous.RuleFindingsOf(before[model]), before[model], model), cancellationToken);
            }));

        /// <summary>The findings of a model that replaces <paramref name="before"/> and differs from it in answers about code writes only.</summary>
        private RuleFindings FindAgain(RuleFindings? previous, SchemaModel before, SchemaModel after)
        {
            if (previous is null) return ModelEngine.AnalyzeByRule(after, OptionsFor(after));
            return ReferenceEquals(before, after) ? previous : ModelEngine.AnalyzeAgain(after, previous, rule => rule.ReadsCodeFacts);
        }

        private ModelFindings Findings(IReadOnlyList<SchemaModel> models, Func<SchemaModel, RuleFindings> analyze, CancellationToken cancellationToken)
        {
            var byModel = new Dictionary<SchemaModel, RuleFindings>();
            var perModel = new List<(SchemaModel Model, INamedTypeSymbol? Context, IReadOnlyList<Finding> Findings)>();
            foreach (var model in models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var found = analyze(model);
                byModel[model] = found;
                perModel.Add((model, model.ContextName is null ? null : ContextType(model.ContextName), found.All));
            }

            var findings = new List<(SchemaModel Model, Finding Finding)>(perModel.Count == 1 ? perModel[0].Findings.Count : 0);
            foreach (var (model, context, modelFindings) in perModel)
            {
                // A base context that other contexts here derive from (AppDbContext under PostgresDbContext and SqliteDbContext,
                // registered as AddDbContext<AppDbContext, PostgresDbContext>) is, in practice, used through them: what it lacks
                // and they configure (a default, a precision) is no defect. It reports only what every derived context shares.
                var derived = context is null ? new List<HashSet<(string, string?, string?)>>() : perModel
                    .Where(other => other.Context is not null && !SymbolEqualityComparer.Default.Equals(other.Context, context) && DerivesFrom(other.Context, context))
                    .Select(other => Defects(other.Findings))
                    .ToList();
                foreach (var finding in modelFindings)
                {
                    if (derived.Count == 0 || EveryDerivedContextFinds(derived, finding)) findings.Add((model, finding));
                }
            }

            return new ModelFindings(findings, byModel);
        }

        /// <summary>Apart from the loop above, so that a context without derived contexts allocates nothing per finding.</summary>
        private static bool EveryDerivedContextFinds(List<HashSet<(string, string?, string?)>> derived, Finding finding)
        {
            var defect = DefectOf(finding);
            foreach (var defects in derived)
            {
                if (!defects.Contains(defect)) return false;
            }

            return true;
        }

        /// <summary>A derived context's defects as a set: asking its list for each of the base's findings was quadratic.</summary>
        private static HashSet<(string, string?, string?)> Defects(IReadOnlyList<Finding> findings)
        {
            var defects = new HashSet<(string, string?, string?)>();
            foreach (var finding in findings) defects.Add(DefectOf(finding));
            return defects;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition)) return true;
            return false;
        }

        /// <summary>What makes two contexts' findings the same defect: the rule, the entity type and the member.</summary>
        private static (string RuleId, string? EntityName, string? MemberName) DefectOf(Finding finding) =>
            (finding.RuleId, finding.EntityName, finding.MemberName);

        /// <summary>A model's options: the global ones and those of the file that declares its DbContext.</summary>
        public SchemaLintOptions OptionsFor(SchemaModel model)
        {
            var contextTree = model.ContextName is null ? null : ContextTree(model.ContextName);
            return AnalyzerOptionsReader.Read(_options, contextTree ?? _compilation.SyntaxTrees.FirstOrDefault());
        }

        public SchemaLintOptions OptionsFor(SyntaxTree tree) => AnalyzerOptionsReader.Read(_options, tree);

        private SyntaxTree? ContextTree(string contextName) => ContextType(contextName)?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;

        private INamedTypeSymbol? ContextType(string contextName) =>
            _compilation.GetTypeByMetadataName(contextName) ?? _compilation.GetTypeByMetadataName(NestedMetadataName(contextName));

        /// <summary>Display names separate nested types with dots; metadata names use '+'. Try the last dot as a nesting.</summary>
        private static string NestedMetadataName(string name)
        {
            var dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(0, dot) + "+" + name.Substring(dot + 1);
        }
    }
}
