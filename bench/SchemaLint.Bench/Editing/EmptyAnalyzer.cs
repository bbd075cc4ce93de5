using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// The baseline: an analyzer with SchemaLint's shape (concurrent, generated code skipped, a named-type symbol action and
/// assignment operation actions) whose actions do nothing. What it costs is Roslyn binding the document and dispatching
/// actions, which any analyzer pays; SchemaLint's own cost is the difference.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    private static int _compilationStarts;

    /// <summary>Profile: how often Roslyn ran compilation-start actions, i.e. how often per-compilation state would be rebuilt.</summary>
    public static int CompilationStarts => System.Threading.Volatile.Read(ref _compilationStarts);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            System.Threading.Interlocked.Increment(ref _compilationStarts);
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.PropertyInitializer, OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }
}
