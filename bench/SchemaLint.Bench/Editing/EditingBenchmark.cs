using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// What the IDE does after a keystroke in an entity file: a fresh compilation with the edited tree, then semantic analyzer
/// diagnostics for that one document (<c>GetAnalyzerSemanticDiagnosticsAsync</c> with its semantic model, no span filter),
/// then for the next documents the user opens on the same compilation. Timed for SchemaLint's analyzers and for the empty
/// baseline, each on its own fork of the compilation, order alternating between runs.
/// </summary>
public static class EditingBenchmark
{
    public const int FollowingDocuments = 5;

    public static ImmutableArray<DiagnosticAnalyzer> SchemaLintAnalyzers() =>
        typeof(SchemaAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static EditingResults Run(CompilerInvocation invocation, string projectDirectory, int runs, Action<string> progress, bool warmUp = true)
    {
        var entityFiles = invocation.Compilation.SyntaxTrees
            .Where(t => t.FilePath.Contains($"{Path.DirectorySeparatorChar}Model{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .ToList();
        if (entityFiles.Count < FollowingDocuments + 1) throw new BenchmarkFailure("The generated app has too few entity files to simulate editing.");

        var schemaLint = SchemaLintAnalyzers();
        var baseline = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

        // One untimed round so that JIT compilation of Roslyn and the analyzers is not charged to the first run.
        if (warmUp)
        {
            Measure(invocation, entityFiles, 0, baseline, -1);
            Measure(invocation, entityFiles, 0, schemaLint, -1);
        }

        var samples = new List<EditingSample>();
        for (var run = 0; run < runs; run++)
        {
            var start = (run * 7 + 3) % entityFiles.Count;
            (double First, List<double> Next, int Findings) empty, ours;
            if (run % 2 == 0)
            {
                empty = Measure(invocation, entityFiles, start, baseline, run);
                ours = Measure(invocation, entityFiles, start, schemaLint, run);
            }
            else
            {
                ours = Measure(invocation, entityFiles, start, schemaLint, run);
                empty = Measure(invocation, entityFiles, start, baseline, run);
            }

            var edited = Path.GetRelativePath(projectDirectory, entityFiles[start].FilePath);
            var (extraction, engine) = Profile(invocation, entityFiles[start], run);
            samples.Add(new EditingSample(edited, empty.First, ours.First, empty.Next, ours.Next, ours.Findings, extraction, engine));
            progress($"editing run {run + 1}/{runs} ({edited}): first document {ours.First:F0} ms (empty analyzer {empty.First:F0} ms), next documents median {Statistics.Median(ours.Next):F1} ms (empty {Statistics.Median(empty.Next):F1} ms)");
        }

        // Profile: which analyzer the time goes to, each alone on its own fork (one run, the first edit).
        var perAnalyzer = schemaLint.Select(a =>
        {
            var alone = Measure(invocation, entityFiles, 3 % entityFiles.Count, ImmutableArray.Create(a), runs);
            return new AnalyzerEditingCost(a.GetType().Name, alone.First, Statistics.Median(alone.Next));
        }).ToList();
        var startsBefore = EmptyAnalyzer.CompilationStarts;
        Measure(invocation, entityFiles, 3 % entityFiles.Count, baseline, runs);
        var compilationStarts = EmptyAnalyzer.CompilationStarts - startsBefore;
        progress($"editing profile: {compilationStarts} compilation-start action runs for {1 + FollowingDocuments} single-document requests on one CompilationWithAnalyzers");
        foreach (var cost in perAnalyzer) progress($"editing profile: {cost.Analyzer} alone: first document {cost.FirstMs:F0} ms, next documents median {cost.NextMedianMs:F1} ms");

        return new EditingResults(perAnalyzer, compilationStarts, "dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll measure ... (in-process; see Editing/EditingBenchmark.cs)", samples);
    }

    private static (double First, List<double> Next, int Findings) Measure(CompilerInvocation invocation, List<SyntaxTree> entityFiles, int start, ImmutableArray<DiagnosticAnalyzer> analyzers, int run)
    {
        var original = entityFiles[start];
        var edited = original.WithChangedText(Edit(original.GetText(), run));
        var compilation = invocation.Compilation.ReplaceSyntaxTree(original, edited);
        Exception? failure = null;
        var options = new CompilationWithAnalyzersOptions(invocation.AnalyzerOptions, (exception, analyzer, _) => failure ??= new BenchmarkFailure($"{analyzer.GetType().Name} threw: {exception}"),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(edited), null, CancellationToken.None).GetAwaiter().GetResult();
        var first = stopwatch.Elapsed.TotalMilliseconds;

        var next = new List<double>();
        for (var i = 1; i <= FollowingDocuments; i++)
        {
            var tree = compilation.SyntaxTrees.First(t => t.FilePath == entityFiles[(start + i) % entityFiles.Count].FilePath);
            stopwatch.Restart();
            withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
            next.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        if (failure is not null) throw failure;
        return (first, next, diagnostics.Count(d => d.Id.StartsWith("SL", StringComparison.Ordinal)));
    }

    /// <summary>Where the first document's time goes: the whole-compilation schema extraction, then the rules.</summary>
    private static (double ExtractionMs, double EngineMs) Profile(CompilerInvocation invocation, SyntaxTree original, int run)
    {
        var compilation = invocation.Compilation.ReplaceSyntaxTree(original, original.WithChangedText(Edit(original.GetText(), run)));
        var symbols = EfSymbols.TryCreate(compilation) ?? throw new BenchmarkFailure("The generated app's compilation does not reference EF Core.");
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var schema = SourceSchemaBuilder.Build(compilation, symbols, SchemaLintOptions.Default, CancellationToken.None);
        var extraction = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        foreach (var model in schema.Models) SchemaLintEngine.Default.Analyze(model);
        return (extraction, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The edit: a property typed into the class, as a user would add one.</summary>
    private static SourceText Edit(SourceText text, int run)
    {
        var content = text.ToString();
        var closing = content.LastIndexOf('}');
        var property = $"\n    public int EditedInRun{(run < 0 ? "WarmUp" : run.ToString())} {{ get; set; }}\n";
        return text.WithChanges(new TextChange(new TextSpan(closing, 0), property));
    }
}
