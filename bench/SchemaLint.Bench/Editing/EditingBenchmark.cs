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
using SchemaLint.Bench.Generator.Emit;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// What the IDE does after a keystroke: a fresh compilation with the edited tree, then semantic analyzer diagnostics for that
/// one document (<c>GetAnalyzerSemanticDiagnosticsAsync</c> with its semantic model, no span filter), then for the next
/// documents the user opens on the same compilation. The edits follow <see cref="EditPlan"/> (entity files, configuration
/// classes, the context; and, beside them, service bodies). Each edit is timed for SchemaLint's analyzers and for the empty
/// baseline, each on its own fork of the compilation, back to back, the order alternating between edits. Before SchemaLint's
/// timing, the snapshot before the edit is analyzed (untimed), as the IDE had analyzed it before the keystroke: what an edit
/// costs depends on what the analyzers kept from the snapshot before it.
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

    /// <summary>The edit plan for an app's compilation: its entity files, configuration classes and context.</summary>
    public static IReadOnlyList<PlannedEdit> Plan(CompilerInvocation invocation, int edits, int seed, int serviceEdits = EditPlan.DefaultServiceEdits)
    {
        var entityFiles = EntityFiles(invocation).Select(t => t.FilePath).ToList();
        var paths = invocation.Compilation.SyntaxTrees.Select(t => t.FilePath).ToList();
        var configurationFiles = paths.Where(p => InFolder(p, "Configurations")).ToList();
        var context = paths.FirstOrDefault(p => Path.GetFileName(p) == AppWriter.ContextName + ".cs")
            ?? throw new BenchmarkFailure($"The generated app has no {AppWriter.ContextName}.cs to edit.");
        var serviceFiles = paths.Where(p => InFolder(p, "Services")).ToList();
        if (entityFiles.Count < FollowingDocuments + 1) throw new BenchmarkFailure("The generated app has too few entity files to simulate editing.");
        return EditPlan.Create(entityFiles, configurationFiles, context, edits, seed, serviceFiles, serviceEdits);
    }

    public static EditingResults Run(CompilerInvocation invocation, string projectDirectory, int edits, Action<string> progress, bool warmUp = true, int seed = EditPlan.DefaultSeed,
        int serviceEdits = EditPlan.DefaultServiceEdits)
    {
        var plan = Plan(invocation, edits, seed, serviceEdits);
        var entityFiles = EntityFiles(invocation);
        var schemaLint = SchemaLintAnalyzers();
        var baseline = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

        // Every edit of the plan once, untimed and numbered after the plan's (so that each still changes its file), before
        // the timed pass. The IDE runs the analyzers on every keystroke, so a user who has typed a few dozen edits has them
        // compiled to .NET's optimized tier; with a single warm-up edit the first timed edits measured tier-0 code (at 100
        // entities the first edits cost 100-180 ms, the last 23-53 ms, in one run), and a run's median measured how far
        // tiering had got.
        var first = plan[0];
        if (warmUp)
        {
            foreach (var edit in plan)
            {
                var warm = edit with { Number = edit.Number + plan.Count };
                Measure(invocation, entityFiles, warm, baseline);
                Measure(invocation, entityFiles, warm, schemaLint);
            }
        }

        // Measured after the warm-up, with this process's collector settings; each edit's two windows start at the same share.
        var collector = CollectorPhase.Measure();
        var shares = new Random(seed);
        progress($"editing: gen-0 budget {collector.BudgetBytes / 1e6:F1} MB; each timed window starts at a seeded share of it");

        var samples = new List<EditingSample>();
        foreach (var edit in plan)
        {
            var phase = (collector, shares.NextDouble());
            (double First, List<double> Next, int Findings, MemoryCost Memory) empty, ours;
            if (edit.Number % 2 == 1)
            {
                empty = Measure(invocation, entityFiles, edit, baseline, phase);
                ours = Measure(invocation, entityFiles, edit, schemaLint, phase);
            }
            else
            {
                ours = Measure(invocation, entityFiles, edit, schemaLint, phase);
                empty = Measure(invocation, entityFiles, edit, baseline, phase);
            }

            var edited = Path.GetRelativePath(projectDirectory, edit.File);
            var (extraction, engine) = Profile(invocation, edit);
            var sample = new EditingSample(edit.Kind, edited, edit.Describe(invocation.Tree(edit.File).GetText().ToString()), empty.First, ours.First, empty.Next, ours.Next, ours.Findings, extraction, engine,
                empty.Memory, ours.Memory);
            samples.Add(sample);
            progress($"edit {edit.Number}/{plan.Count} ({edit.Kind}, {edited}, {sample.Edit}): first document added {sample.FirstAddedMs:F0} ms ({ours.First:F0} ms, empty analyzer {empty.First:F0} ms), " +
                $"next documents added {sample.NextAddedMs:F1} ms; one whole extraction {sample.ExtractionMs:F0} ms; allocated {sample.FirstAddedAllocatedMb:F1} MB more, GC pauses {sample.FirstAddedGcPauseMs:F0} ms more" +
                Collections(ours.Memory));
        }

        var model = samples.Where(s => s.Kind != EditKind.Service).ToList();
        var added = model.Select(s => s.FirstAddedMs).ToList();
        progress($"editing: first document added median {Statistics.Median(added):F0} ms, p90 {Statistics.P90(added):F0} ms over {model.Count} model edits " +
            $"({string.Join(", ", model.GroupBy(s => s.Kind).Select(g => $"{g.Count()} {g.Key}"))})");
        progress($"editing: first document after a model edit allocated median {Statistics.Median(model.Select(s => s.FirstAddedAllocatedMb).ToList()):F1} MB above the empty analyzer, " +
            $"GC pauses median {Statistics.Median(model.Select(s => s.FirstAddedGcPauseMs).ToList()):F0} ms");
        var collected = model.Where(s => s.FirstSchemaLintMemory is { Collections: > 0 }).ToList();
        if (collected.Count > 0)
            progress($"editing: {collected.Count} of {model.Count} model edits collected in their window, {collected.Count(s => s.FirstSchemaLintMemory!.OlderCollections > 0)} of them generation 1 or 2; " +
                $"the last collection promoted median {Statistics.Median(collected.Select(s => s.FirstSchemaLintMemory!.LastPromotedMb).ToList()):F1} MB");
        // The median of all model edits hides which files the slow ones were in: context edits, say, are few but the p90.
        progress("editing: by kind, first document added " + string.Join("; ", model.GroupBy(s => s.Kind).Select(g =>
            $"{g.Key} median {Statistics.Median(g.Select(s => s.FirstAddedMs).ToList()):F0} ms, {Statistics.Median(g.Select(s => s.FirstAddedAllocatedMb).ToList()):F1} MB ({g.Count()} edits)")));
        progress($"editing: one whole extraction of a fresh compilation (profile) median {Statistics.Median(samples.Select(s => s.ExtractionMs).ToList()):F0} ms over {samples.Count} edits");
        var service = samples.Where(s => s.Kind == EditKind.Service).Select(s => s.FirstAddedMs).ToList();
        if (service.Count > 0) progress($"editing: service bodies, first document added median {Statistics.Median(service):F0} ms over {service.Count} edits");

        // Profile: which analyzer the time goes to, each alone on its own fork (one run, the plan's first edit).
        var perAnalyzer = schemaLint.Select(a =>
        {
            var alone = Measure(invocation, entityFiles, first, ImmutableArray.Create(a));
            return new AnalyzerEditingCost(a.GetType().Name, alone.First, Statistics.Median(alone.Next));
        }).ToList();
        var startsBefore = EmptyAnalyzer.CompilationStarts;
        Measure(invocation, entityFiles, first, baseline);
        var compilationStarts = EmptyAnalyzer.CompilationStarts - startsBefore;
        progress($"editing profile: {compilationStarts} compilation-start action runs for {1 + FollowingDocuments} single-document requests on one CompilationWithAnalyzers");
        foreach (var cost in perAnalyzer) progress($"editing profile: {cost.Analyzer} alone: first document {cost.FirstMs:F0} ms, next documents median {cost.NextMedianMs:F1} ms");

        return new EditingResults(perAnalyzer, compilationStarts,
            $"dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll measure --edits {edits} ... (a child process per collector; see Editing/EditingProcess.cs)", seed, samples,
            System.Runtime.GCSettings.IsServerGC, collector.BudgetBytes / 1e6);
    }

    /// <summary>The collections in SchemaLint's window, for the edit's line; nothing when none fell in it.</summary>
    private static string Collections(MemoryCost memory) =>
        memory.Collections == 0 ? string.Empty
            : $"; {memory.Collections} collection(s) in the window ({memory.OlderCollections} of generation 1 or 2), the last promoting {memory.LastPromotedMb:F1} MB";

    private static bool InFolder(string path, string folder) =>
        path.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>The entity classes: Model/*.cs without the shared files (the owned Address, the IAuditable interface).</summary>
    private static List<SyntaxTree> EntityFiles(CompilerInvocation invocation)
    {
        var shared = EntityWriter.SharedModelFiles().Select(f => Path.GetFileName(f.Path)).ToHashSet(StringComparer.Ordinal);
        return invocation.Compilation.SyntaxTrees.Where(t => InFolder(t.FilePath, "Model") && !shared.Contains(Path.GetFileName(t.FilePath)))
            .OrderBy(t => t.FilePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>The documents opened after the edited one: the entity files following the edit's entity, in file order.</summary>
    private static IEnumerable<SyntaxTree> Following(List<SyntaxTree> entityFiles, PlannedEdit edit)
    {
        var at = entityFiles.FindIndex(t => Path.GetFileNameWithoutExtension(t.FilePath) == edit.Entity);
        return Enumerable.Range(1, FollowingDocuments).Select(i => entityFiles[(Math.Max(at, 0) + i) % entityFiles.Count]);
    }

    private static CSharpCompilation Edited(CompilerInvocation invocation, PlannedEdit edit, out SyntaxTree edited)
    {
        var original = invocation.Tree(edit.File);
        var text = original.GetText();
        edited = original.WithChangedText(SourceText.From(edit.Apply(text.ToString()), text.Encoding ?? System.Text.Encoding.UTF8));
        return invocation.Compilation.ReplaceSyntaxTree(original, edited);
    }

    /// <param name="phase">Where the timed window starts in the collector's gen-0 budget; null: right after a full collection.</param>
    private static (double First, List<double> Next, int Findings, MemoryCost Memory) Measure(CompilerInvocation invocation, List<SyntaxTree> entityFiles, PlannedEdit edit, ImmutableArray<DiagnosticAnalyzer> analyzers,
        (CollectorPhase Collector, double Share)? phase = null)
    {
        Exception? failure = null;
        var options = new CompilationWithAnalyzersOptions(invocation.AnalyzerOptions, (exception, analyzer, _) => failure ??= new BenchmarkFailure($"{analyzer.GetType().Name} threw: {exception}"),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);

        // The snapshot before the keystroke, analyzed as the IDE had analyzed it (untimed).
        var before = invocation.Compilation;
        before.WithAnalyzers(analyzers, options).GetAnalyzerSemanticDiagnosticsAsync(before.GetSemanticModel(invocation.Tree(edit.File)), null, CancellationToken.None).GetAwaiter().GetResult();

        var compilation = Edited(invocation, edit, out var edited);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        if (phase is { } start) start.Collector.Start(start.Share);
        else
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var pausedBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var olderCollectionsBefore = GC.CollectionCount(1);
        var lastCollectionBefore = GC.GetGCMemoryInfo(GCKind.Any).Index;
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(edited), null, CancellationToken.None).GetAwaiter().GetResult();
        var first = stopwatch.Elapsed.TotalMilliseconds;
        var lastCollection = GC.GetGCMemoryInfo(GCKind.Any);
        var memory = new MemoryCost((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6, (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds,
            GC.CollectionCount(0) - collectionsBefore, GC.CollectionCount(1) - olderCollectionsBefore,
            lastCollection.Index > lastCollectionBefore ? lastCollection.PromotedBytes / 1e6 : 0);

        var next = new List<double>();
        foreach (var following in Following(entityFiles, edit))
        {
            var tree = compilation.SyntaxTrees.First(t => t.FilePath == following.FilePath);
            stopwatch.Restart();
            withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
            next.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        if (failure is not null) throw failure;
        return (first, next, diagnostics.Count(d => d.Id.StartsWith("SL", StringComparison.Ordinal)), memory);
    }

    /// <summary>Where the first document's time goes: the whole-compilation schema extraction, then the rules.</summary>
    private static (double ExtractionMs, double EngineMs) Profile(CompilerInvocation invocation, PlannedEdit edit)
    {
        var compilation = Edited(invocation, edit, out _);
        var symbols = EfSymbols.TryCreate(compilation) ?? throw new BenchmarkFailure("The generated app's compilation does not reference EF Core.");
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var schema = SourceSchemaBuilder.Build(compilation, symbols, SchemaLintOptions.Default, CancellationToken.None);
        var extraction = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        foreach (var model in schema.Models) SchemaLintEngine.Default.Analyze(model);
        return (extraction, stopwatch.Elapsed.TotalMilliseconds);
    }
}
