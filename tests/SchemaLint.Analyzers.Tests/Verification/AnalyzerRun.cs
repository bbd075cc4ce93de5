using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>One run of the analyzers over a project, failing on compiler errors in the test source and on analyzer exceptions.</summary>
public sealed class AnalyzerRun
{
    private AnalyzerRun(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Diagnostic> compilerDiagnostics)
    {
        Diagnostics = diagnostics;
        CompilerDiagnostics = compilerDiagnostics;
    }

    /// <summary>The analyzers' diagnostics after the compiler's filtering (severity configuration, pragmas, suppressions), in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public ImmutableArray<Diagnostic> CompilerDiagnostics { get; }

    public static async Task<AnalyzerRun> RunAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, bool failOnCompilerErrors = true)
    {
        var compilation = await CompileAsync(project, failOnCompilerErrors);
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(project, exceptions));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        FailOnAnalyzerExceptions(exceptions, diagnostics);
        return new AnalyzerRun(Sort(diagnostics), compilation.GetDiagnostics());
    }

    /// <summary>
    /// What the IDE asks while a document is open: the semantic diagnostics of that one tree (optionally of a span of it).
    /// Only actions that run for that document can contribute; compilation-end findings cannot.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunOnDocumentAsync(Project project, Document document, TextSpan? span, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = await CompileAsync(project, failOnCompilerErrors: true);
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(project, exceptions));
        var tree = await document.GetSyntaxTreeAsync() ?? throw new InvalidOperationException($"{document.FilePath} has no syntax tree.");
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), span, CancellationToken.None);
        FailOnAnalyzerExceptions(exceptions, diagnostics);
        return Sort(diagnostics);
    }

    private static async Task<Compilation> CompileAsync(Project project, bool failOnCompilerErrors)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("The test project did not compile.");
        if (failOnCompilerErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) Assert.Fail("The test source does not compile:\n" + string.Join("\n", errors));
        }

        return compilation;
    }

    private static CompilationWithAnalyzersOptions Options(Project project, ConcurrentQueue<string> exceptions) =>
        new(project.AnalyzerOptions, (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);

    private static void FailOnAnalyzerExceptions(ConcurrentQueue<string> exceptions, ImmutableArray<Diagnostic> diagnostics)
    {
        var crashes = exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString())).ToList();
        if (crashes.Count > 0) Assert.Fail("An analyzer threw (AD0001):\n" + string.Join("\n", crashes));
    }

    private static ImmutableArray<Diagnostic> Sort(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
}
