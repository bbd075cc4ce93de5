using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Bench.Editing;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Bench.Rules;

/// <summary>
/// Per-rule cost. The analyzer runs every model rule through one engine over one per-compilation schema, so a single rule
/// cannot be switched on alone inside it; instead each rule runs alone through Core's engine over the schema the analyzer
/// extracted from the fixed compilation, against an engine with no rules (the baseline: iterating the models, sorting).
/// </summary>
[MemoryDiagnoser]
public class RuleCostBenchmarks
{
    private IReadOnlyList<SchemaModel> _models = Array.Empty<SchemaModel>();
    private SchemaLintEngine _oneRule = new(Array.Empty<SchemaRule>());
    private readonly SchemaLintEngine _noRule = new(Array.Empty<SchemaRule>());

    public static IEnumerable<string> RuleIds => RuleCatalog.Rules.Where(r => !r.Descriptor.RequiresDatabase).Select(r => r.Descriptor.Id);

    [ParamsSource(nameof(RuleIds))]
    public string Rule { get; set; } = string.Empty;

    private static (CompilerInvocation Invocation, IReadOnlyList<SchemaModel> Models)? _extracted;

    [GlobalSetup]
    public void Setup()
    {
        _models = Extract(BenchInputs.Invocation);
        _oneRule = new SchemaLintEngine(RuleCatalog.Rules.Where(r => r.Descriptor.Id == Rule));
    }

    /// <summary>The schema is extracted once per compilation, not once per rule: the models are only read by the rules.</summary>
    private static IReadOnlyList<SchemaModel> Extract(CompilerInvocation invocation)
    {
        if (_extracted is { } cached && ReferenceEquals(cached.Invocation, invocation)) return cached.Models;
        var compilation = invocation.Compilation;
        var symbols = EfSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("The fixed compilation does not reference EF Core.");
        var models = SourceSchemaBuilder.Build(compilation, symbols, SchemaLintOptions.Default, CancellationToken.None).Models;
        _extracted = (invocation, models);
        return models;
    }

    [Benchmark(Baseline = true, Description = "engine, no rule")]
    public int NoRule() => Analyze(_noRule);

    [Benchmark(Description = "engine, this rule alone")]
    public int OneRule() => Analyze(_oneRule);

    private int Analyze(SchemaLintEngine engine)
    {
        var findings = 0;
        foreach (var model in _models) findings += engine.Analyze(model).Count;
        return findings;
    }
}

/// <summary>
/// The whole analyzer over the fixed compilation (a fresh clone each iteration, so nothing bound is reused) against the empty
/// analyzer, and the source-schema extraction alone: where the analyzer's time goes.
/// </summary>
[MemoryDiagnoser]
public class CompilationBenchmarks
{
    private Microsoft.CodeAnalysis.CSharp.CSharpCompilation _compilation = null!;

    [IterationSetup]
    public void FreshCompilation() => _compilation = (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)BenchInputs.Invocation.Compilation.Clone();

    [Benchmark(Baseline = true, Description = "empty analyzer, whole compilation")]
    public int EmptyAnalyzer() => Analyze(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new EmptyAnalyzer()));

    [Benchmark(Description = "SchemaLint analyzers, whole compilation")]
    public int SchemaLintAnalyzers() => Analyze(EditingBenchmark.SchemaLintAnalyzers());

    [Benchmark(Description = "source schema extraction only")]
    public int Extraction()
    {
        var symbols = EfSymbols.TryCreate(_compilation)!;
        return SourceSchemaBuilder.Build(_compilation, symbols, SchemaLintOptions.Default, CancellationToken.None).Models.Sum(m => m.Entities.Count);
    }

    private int Analyze(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> analyzers) =>
        Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions.WithAnalyzers(_compilation, analyzers, BenchInputs.Invocation.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
}

/// <summary>BenchmarkDotNet runs in-process here, so the fixed compilation is handed over through a static.</summary>
public static class BenchInputs
{
    private static CompilerInvocation? _invocation;

    public static CompilerInvocation Invocation
    {
        get => _invocation ?? throw new InvalidOperationException("Set BenchInputs.Invocation before running the benchmarks.");
        set => _invocation = value;
    }
}
