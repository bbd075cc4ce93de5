using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SchemaLint.Bench;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Infrastructure;
using SchemaLint.Bench.Report;
using SchemaLint.Bench.Rules;

// Commands (bench/run.sh runs measure, rules and report, in this order):
//   measure --sizes 100,1000,5000 [--runs 5] [--edits 20] [--editing-runs 3] [--only build,editing,audit] [--prepare false] [--warmup false]   one results file per size
//   editing --size N [--edits 20]                                            re-measure editing on an app left in bench/out (profiling)
//   rules [--size 1000]                                                       BenchmarkDotNet per-rule and whole-compilation tables
//   engine [--size 1000] [--times 8]                                          quick in-process rule timings over an app's extracted schema, whole and after a one-entity edit (development)
//   report [--output BENCHMARKS.md]                                           the report, from whatever results exist
//   editing-child --command-file F --project D --edits N --service-edits N --warmup B --output FILE   one of measure's editing runs (internal)
try
{
    var options = Arguments.Parse(args.Skip(1));
    if (args.FirstOrDefault() == EditingProcess.Command)
    {
        // The measuring process's child (see EditingProcess): told every path, it needs no workspace.
        EditingProcess.RunChild(options, Log);
        return 0;
    }

    var workspace = Workspace.Find(Directory.GetCurrentDirectory());
    switch (args.FirstOrDefault())
    {
        case "measure":
            Measure(workspace, options);
            return 0;
        case "editing":
            // Re-measures editing on an app a `measure` run left behind (for profiling; saves nothing).
            var size = int.Parse(options.GetValueOrDefault("size") ?? "100", CultureInfo.InvariantCulture);
            var appDirectory = Path.Combine(workspace.AppRoot(size), "App");
            EditingBenchmark.Run(CompilerInvocation.Load(Path.Combine(workspace.AppRoot(size), "csc-command.txt"), appDirectory), appDirectory,
                int.Parse(options.GetValueOrDefault("edits") ?? EditPlan.DefaultEdits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Log);
            return 0;
        case "extract":
            // Runs the analyzer's schema extraction alone on fresh clones of an app's compilation: a target for dotnet-trace.
            var extractSize = int.Parse(options.GetValueOrDefault("size") ?? "1000", CultureInfo.InvariantCulture);
            var extractDirectory = Path.Combine(workspace.AppRoot(extractSize), "App");
            var loaded = CompilerInvocation.Load(Path.Combine(workspace.AppRoot(extractSize), "csc-command.txt"), extractDirectory);
            for (var i = 0; i < int.Parse(options.GetValueOrDefault("times") ?? "2", CultureInfo.InvariantCulture); i++)
            {
                var clone = loaded.Compilation.Clone();

                // A bare clone has not decoded its assembly's attributes, and until then Roslyn answers "is this assembly
                // obsolete?", asked for every type reference bound, by collecting the attribute lists of every tree. Under
                // the analyzer driver they are decoded by the time SchemaLint extracts (binding them first there changed
                // nothing at 5,000 entities), so without this the harness profiled a quadratic users never pay: 4.5 s
                // instead of 2.9 s per extraction at 5,000 entities.
                clone.Assembly.GetAttributes();
                clone.SourceModule.GetAttributes();
                // What the collector took of it, from the runtime's counters: a sampled profile of this verb shows the thread in
                // PollGC frames that are mostly not collections (bench/ANALYSIS.md, run 25), so it cannot tell.
                var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                var schema = SchemaLint.Analyzers.SourceModel.SourceSchemaBuilder.Build(clone, SchemaLint.Analyzers.SourceModel.EfSymbols.TryCreate(clone)!, SchemaLint.Core.Options.SchemaLintOptions.Default, System.Threading.CancellationToken.None);
                var elapsed = stopwatch.ElapsedMilliseconds;
                Log($"extraction {i + 1}: {elapsed} ms, {schema.Models.Sum(m => m.Entities.Count)} entity types; collections {GC.CollectionCount(0) - gen0} " +
                    $"(generation 1: {GC.CollectionCount(1) - gen1}, generation 2: {GC.CollectionCount(2) - gen2}), paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            }

            return 0;
        case "engine":
            Engine(workspace, options);
            return 0;
        case "rules":
            Rules(workspace, options);
            return 0;
        case "report":
            var output = options.GetValueOrDefault("output") ?? Path.Combine(workspace.RepositoryRoot, "BENCHMARKS.md");
            File.WriteAllText(output, MarkdownReport.Write(workspace));
            Console.WriteLine($"wrote {output}");
            return 0;
        default:
            Console.Error.WriteLine("Usage: SchemaLint.Bench measure --sizes 100,1000,5000 [--runs 5] [--edits 20] [--editing-runs 3] [--only build,editing,audit] | editing --size N [--edits 20] | rules [--size 1000] | report [--output FILE]");
            return 2;
    }
}
catch (BenchmarkFailure failure)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}

static void Measure(Workspace workspace, IReadOnlyDictionary<string, string> options)
{
    var sizes = (options.GetValueOrDefault("sizes") ?? "100,1000,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    var runs = int.Parse(options.GetValueOrDefault("runs") ?? "5", CultureInfo.InvariantCulture);
    var edits = int.Parse(options.GetValueOrDefault("edits") ?? EditPlan.DefaultEdits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    var only = (options.GetValueOrDefault("only") ?? "build,editing,audit").Split(',').ToHashSet(StringComparer.Ordinal);
    Directory.CreateDirectory(workspace.Results);
    File.WriteAllText(workspace.MachineFile, JsonSerializer.Serialize(Machine.Describe(workspace.RepositoryRoot), Json.Options));
    // A second measure process running beside a first must not rebuild the tools the first is using.
    if (options.GetValueOrDefault("prepare") != "false")
    {
        Log("preparing the analyzers and the console command (Release)");
        workspace.PrepareTools();
    }

    var editingRuns = int.Parse(options.GetValueOrDefault("editing-runs") ?? MeasureOptions.DefaultEditingRuns.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    if (editingRuns < 1) throw new BenchmarkFailure("--editing-runs must be at least 1.");
    var measure = new MeasureOptions(runs, only, workspace.AnalyzerDirectory, workspace.CliAssembly, WarmUp: options.GetValueOrDefault("warmup") != "false", Edits: edits,
        EditingRuns: editingRuns);
    foreach (var size in sizes) SizeBenchmark.Measure(workspace, size, measure, Log);
}

static void Rules(Workspace workspace, IReadOnlyDictionary<string, string> options)
{
    var size = int.Parse(options.GetValueOrDefault("size") ?? "1000", CultureInfo.InvariantCulture);
    var root = workspace.AppRoot(size);
    var commandLine = Path.Combine(root, "csc-command.txt");
    if (!File.Exists(commandLine)) throw new BenchmarkFailure($"No measured app at {root}; run `measure --sizes {size}` first.");
    var tables = RuleBenchmarkRunner.Run(commandLine, Path.Combine(root, "App"), Path.Combine(workspace.Output, "bdn"));
    Directory.CreateDirectory(workspace.Results);
    File.WriteAllText(workspace.RuleTablesFile, $"<!-- n={size} -->\n" + string.Join("\n", tables));
    Log($"rule tables in {workspace.RuleTablesFile}");
}

// Seconds instead of the rules suite's half hour, for working on a rule: one extraction, then the whole engine and each rule
// alone, several times over (the first round pays JIT). Not a benchmark to quote: no isolation, no statistics beyond a median.
static void Engine(Workspace workspace, IReadOnlyDictionary<string, string> options)
{
    var size = int.Parse(options.GetValueOrDefault("size") ?? "1000", CultureInfo.InvariantCulture);
    var times = int.Parse(options.GetValueOrDefault("times") ?? "8", CultureInfo.InvariantCulture);
    var root = workspace.AppRoot(size);
    var commandLine = Path.Combine(root, "csc-command.txt");
    if (!File.Exists(commandLine)) throw new BenchmarkFailure($"No measured app at {root}; run `measure --sizes {size}` first.");
    var compilation = CompilerInvocation.Load(commandLine, Path.Combine(root, "App")).Compilation;
    var symbols = SchemaLint.Analyzers.SourceModel.EfSymbols.TryCreate(compilation) ?? throw new BenchmarkFailure("The app's compilation does not reference EF Core.");
    var models = SchemaLint.Analyzers.SourceModel.SourceSchemaBuilder.Build(compilation, symbols, SchemaLint.Core.Options.SchemaLintOptions.Default, System.Threading.CancellationToken.None).Models;
    var engines = SchemaLint.Core.Rules.RuleCatalog.Rules.Select(r => (r.Descriptor.Id, Engine: new SchemaLint.Core.Engine.SchemaLintEngine(new[] { r }))).ToList();
    var whole = new List<double>();
    var perRule = engines.ToDictionary(e => e.Id, _ => new List<double>(), StringComparer.Ordinal);
    var findings = 0;
    for (var round = 0; round < times; round++)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        findings = models.Sum(m => SchemaLint.Core.Engine.SchemaLintEngine.Default.Analyze(m).Count);
        whole.Add(stopwatch.Elapsed.TotalMilliseconds);
        foreach (var (id, engine) in engines)
        {
            stopwatch.Restart();
            foreach (var model in models) engine.Analyze(model);
            perRule[id].Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    Log($"engine at {size} entities: {findings} findings, median {Statistics.Median(whole):F1} ms (min {whole.Min():F1}, max {whole.Max():F1}) over {times} rounds");
    foreach (var (id, samples) in perRule.OrderByDescending(p => Statistics.Median(p.Value)).Where(p => Statistics.Median(p.Value) >= 0.1))
        Log($"  {id}: median {Statistics.Median(samples):F2} ms");

    // After an edit of one entity type, as the analyzers run the engine: that entity type is a new object, every other one
    // is kept, and the engine starts from the findings before. Entity types spread over the model, one per round.
    var edited = new List<double>();
    var editedPerRule = engines.ToDictionary(e => e.Id, _ => new List<double>(), StringComparer.Ordinal);
    var model0 = models.OrderByDescending(m => m.Entities.Count).First();
    var before = SchemaLint.Core.Engine.SchemaLintEngine.Default.AnalyzeByRule(model0);
    var beforePerRule = engines.ToDictionary(e => e.Id, e => e.Engine.AnalyzeByRule(model0), StringComparer.Ordinal);
    for (var round = 0; round < times; round++)
    {
        var entity = model0.Entities[(int)((long)round * model0.Entities.Count / times)];
        var copy = entity.WithPropertiesReplaced(new Dictionary<SchemaLint.Core.Model.PropertyModel, SchemaLint.Core.Model.PropertyModel>());
        var after = model0.WithEntitiesReplaced(new Dictionary<SchemaLint.Core.Model.EntityTypeModel, SchemaLint.Core.Model.EntityTypeModel> { [entity] = copy });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var again = SchemaLint.Core.Engine.SchemaLintEngine.Default.AnalyzeEdited(after, before);
        edited.Add(stopwatch.Elapsed.TotalMilliseconds);
        if (again.All.Count != before.All.Count) throw new BenchmarkFailure("An entity type copied unchanged changed the findings.");
        foreach (var (id, engine) in engines)
        {
            stopwatch.Restart();
            engine.AnalyzeEdited(after, beforePerRule[id]);
            editedPerRule[id].Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    Log($"engine after one entity type of {model0.Entities.Count} edited: median {Statistics.Median(edited):F1} ms (min {edited.Min():F1}, max {edited.Max():F1}) over {times} rounds");
    foreach (var (id, samples) in editedPerRule.OrderByDescending(p => Statistics.Median(p.Value)).Where(p => Statistics.Median(p.Value) >= 0.1))
        Log($"  {id}: median {Statistics.Median(samples):F2} ms");
}

static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

internal static class Arguments
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
                throw new BenchmarkFailure($"Expected '--option value' pairs, got '{list[i]}'.");
            result[list[i][2..]] = list[i + 1];
        }

        return result;
    }
}

