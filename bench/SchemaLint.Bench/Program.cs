using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SchemaLint.Bench;
using SchemaLint.Bench.Audit;
using SchemaLint.Bench.Build;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Generator;
using SchemaLint.Bench.Infrastructure;
using SchemaLint.Bench.Report;
using SchemaLint.Bench.Rules;

// Commands (bench/run.sh runs them in this order):
//   measure --sizes 100,1000,5000 [--runs 5] [--only build,editing,audit]   one results file per size in bench/out/results
//   rules [--size 1000]                                                       BenchmarkDotNet per-rule and whole-compilation tables
//   report [--output BENCHMARKS.md]                                           the report, from whatever results exist
try
{
    var workspace = Workspace.Find(Directory.GetCurrentDirectory());
    var options = Arguments.Parse(args.Skip(1));
    switch (args.FirstOrDefault())
    {
        case "measure":
            Measure(workspace, options);
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
            Console.Error.WriteLine("Usage: SchemaLint.Bench measure --sizes 100,1000,5000 [--runs 5] [--only build,editing,audit] | rules [--size 1000] | report [--output FILE]");
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
    var only = (options.GetValueOrDefault("only") ?? "build,editing,audit").Split(',').ToHashSet(StringComparer.Ordinal);
    Directory.CreateDirectory(workspace.Results);
    File.WriteAllText(workspace.MachineFile, JsonSerializer.Serialize(Machine.Describe(workspace.RepositoryRoot), Json.Options));
    Log($"preparing the analyzers and the console command (Release)");
    workspace.PrepareTools();

    foreach (var size in sizes)
    {
        var loadBefore = Machine.LoadAverage();
        var app = AppGenerator.Generate(new GeneratorOptions(size, GeneratorOptions.DefaultSeed, workspace.AppRoot(size), workspace.RepositoryRoot));
        Log($"n={size}: generated {app.Shape.SourceFiles} files, {app.Shape.SourceLines} lines");

        // The build step also leaves the app built and its compiler command line logged: editing and audit need both.
        var build = only.Contains("build") ? BuildBenchmark.Run(app, workspace.AnalyzerDirectory, runs, Log) : PrepareWithoutMeasuring(app, workspace);
        var editing = only.Contains("editing")
            ? EditingBenchmark.Run(CompilerInvocation.Load(BuildBenchmark.CompilerCommandFile(app), app.ProjectDirectory), app.ProjectDirectory, runs, Log)
            : null;
        var audit = only.Contains("audit") ? AuditBenchmark.Run(app, workspace.CliAssembly, runs, Log) : null;
        var results = new SizeResults(size, app.Shape, loadBefore, Machine.LoadAverage(), build, editing, audit);
        File.WriteAllText(workspace.SizeResultsFile(size), JsonSerializer.Serialize(results, Json.Options));
        Log($"n={size}: results in {workspace.SizeResultsFile(size)}");
    }
}

static BuildResults? PrepareWithoutMeasuring(GeneratedApp app, Workspace workspace)
{
    BuildBenchmark.Run(app, workspace.AnalyzerDirectory, runs: 0, Log);
    return null;
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

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
