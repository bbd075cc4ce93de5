using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Options;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Migrations
{
    /// <summary>
    /// Per-compilation state of the migration analyzer: every migration the compilation declares, grouped by the context its
    /// [DbContext] names and ordered by id, read once on first demand; then the engine's findings, by migration class.
    /// A migration is judged against the ones before it ("existing table", backfills), so the whole history is read together.
    /// </summary>
    internal sealed class CompilationMigrations
    {
        /// <summary>The migration rules the analyzers can run: SL7007 needs the model EF Core builds.</summary>
        public static readonly SchemaLintEngine Engine = new SchemaLintEngine(RuleCatalog.Rules.Where(r => r.Descriptor.RequiresMigrations && !r.Descriptor.RequiresBuiltModel));

        private readonly Compilation _compilation;
        private readonly MigrationSymbols _symbols;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly object _gate = new object();
        private Dictionary<INamedTypeSymbol, List<Diagnostic>>? _diagnostics;

        private readonly AnalyzerBaseline _baseline;

        public CompilationMigrations(Compilation compilation, MigrationSymbols symbols, AnalyzerConfigOptionsProvider options, AnalyzerBaseline baseline)
        {
            _compilation = compilation;
            _symbols = symbols;
            _options = options;
            _baseline = baseline;
        }

        /// <summary>The diagnostics of one migration class.</summary>
        public IReadOnlyList<Diagnostic> For(INamedTypeSymbol migration, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _diagnostics ??= BuildOrNothing(cancellationToken);
                return _diagnostics.TryGetValue(migration, out var diagnostics) ? diagnostics : (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();
            }
        }

        /// <summary>
        /// Migration code the reader did not expect must not disable the analyzer (AD0001) and take the model rules' session with
        /// it: the migrations of that compilation are then left unjudged. A cancelled build leaves nothing, so the next call retries.
        /// </summary>
        private Dictionary<INamedTypeSymbol, List<Diagnostic>> BuildOrNothing(CancellationToken cancellationToken)
        {
            try
            {
                return Build(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new Dictionary<INamedTypeSymbol, List<Diagnostic>>(SymbolEqualityComparer.Default);
            }
        }

        private Dictionary<INamedTypeSymbol, List<Diagnostic>> Build(CancellationToken cancellationToken)
        {
            var reader = new MigrationSourceReader(_compilation, _symbols);
            var byContext = new Dictionary<string, List<(INamedTypeSymbol Type, MigrationModel Model)>>(StringComparer.Ordinal);
            foreach (var type in SourceTypes(_compilation.Assembly.GlobalNamespace))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_symbols.IsMigration(type) || reader.IdOf(type) is not { } id) continue;
                var context = reader.ContextOf(type)?.ToDisplayString() ?? string.Empty;
                if (!byContext.TryGetValue(context, out var migrations)) byContext[context] = migrations = new List<(INamedTypeSymbol, MigrationModel)>();
                migrations.Add((type, reader.Read(type, id, cancellationToken)));
            }

            var result = new Dictionary<INamedTypeSymbol, List<Diagnostic>>(SymbolEqualityComparer.Default);
            foreach (var group in byContext)
            {
                var history = new MigrationHistory();
                foreach (var (_, migration) in group.Value) history.Add(migration);
                var provider = _symbols.ReferencedProvider != DatabaseProvider.Unknown ? _symbols.ReferencedProvider : reader.AnnotatedProvider;
                var model = new SchemaModel(group.Key.Length == 0 ? null : group.Key, provider) { Migrations = history };
                var firstTree = group.Value.Select(m => m.Type.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree).FirstOrDefault(t => t is not null);
                var options = AnalyzerOptionsReader.Read(_options, firstTree);

                foreach (var finding in Engine.Analyze(model, options))
                {
                    if (!finding.Properties.TryGetValue(FindingProperties.Migration, out var id)) continue;
                    var owner = group.Value.FirstOrDefault(m => m.Model.Id == id).Type;
                    if (owner is null || finding.Location is null || !reader.Locations.TryGetValue(finding.Location, out var location)) continue;
                    var diagnostic = FindingDiagnostics.Create(finding, location, new[] { model.ContextName }, _baseline);
                    if (diagnostic is null) continue;
                    if (!result.TryGetValue(owner, out var diagnostics)) result[owner] = diagnostics = new List<Diagnostic>();
                    diagnostics.Add(diagnostic);
                }
            }

            return result;
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns) pending.Push(ns);
                    else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
                    {
                        yield return type;
                        pending.Push(type);
                    }
                }
            }
        }
    }
}
