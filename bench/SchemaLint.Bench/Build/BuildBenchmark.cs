using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SchemaLint.Bench.Generator;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Build;

/// <summary>
/// `dotnet build --no-incremental` of the generated app without and with the SchemaLint analyzers, back to back in each run.
/// Both variants build with -p:ReportAnalyzer=true and a detailed file log, so their overhead is the same on both sides.
/// </summary>
public static class BuildBenchmark
{
    /// <param name="warmUp">Build each variant once before measuring (disk cache, NuGet assets); the CI smoke skips it.</param>
    public static BuildResults Run(GeneratedApp app, string analyzerDirectory, int runs, Action<string> progress, bool warmUp = true)
    {
        Processes.Dotnet(app.ProjectDirectory, "restore", app.ProjectPath, "-nologo").EnsureSuccess($"Restoring {app.ProjectPath}");
        var logDirectory = Path.Combine(app.Root, "logs");
        Directory.CreateDirectory(logDirectory);

        // Warm-up builds are discarded. Every build without SchemaLint logs the compiler command line the editing benchmark replays.
        if (warmUp || runs == 0)
        {
            BuildOnce(app, analyzerDirectory, withSchemaLint: false, Path.Combine(logDirectory, "warmup-without.log"));
            BuildOnce(app, analyzerDirectory, withSchemaLint: true, Path.Combine(logDirectory, "warmup-with.log"));
        }

        var samples = new List<BuildSample>();
        IReadOnlyDictionary<string, int> warnings = new Dictionary<string, int>();
        for (var run = 0; run < runs; run++)
        {
            (double Wall, BuildLog Log) without, with;
            if (run % 2 == 0)
            {
                without = BuildOnce(app, analyzerDirectory, false, Path.Combine(logDirectory, $"run{run}-without.log"));
                with = BuildOnce(app, analyzerDirectory, true, Path.Combine(logDirectory, $"run{run}-with.log"));
            }
            else
            {
                with = BuildOnce(app, analyzerDirectory, true, Path.Combine(logDirectory, $"run{run}-with.log"));
                without = BuildOnce(app, analyzerDirectory, false, Path.Combine(logDirectory, $"run{run}-without.log"));
            }

            warnings = with.Log.WarningsByRule;
            samples.Add(new BuildSample(without.Wall, with.Wall, without.Log.CscMilliseconds, with.Log.CscMilliseconds,
                with.Log.SchemaLintSeconds, with.Log.EfCoreSeconds, without.Log.EfCoreSeconds, with.Log.TotalAnalyzerSeconds));
            progress($"build run {run + 1}/{runs}: without {without.Wall / 1000:F1} s, with {with.Wall / 1000:F1} s, SchemaLint analyzers {with.Log.SchemaLintSeconds:F2} s");
        }

        return new BuildResults(Command(app, analyzerDirectory, false, "<log>"), Command(app, analyzerDirectory, true, "<log>"), samples, warnings);
    }

    public static string CompilerCommandFile(GeneratedApp app) => Path.Combine(app.Root, "csc-command.txt");

    private static (double Wall, BuildLog Log) BuildOnce(GeneratedApp app, string analyzerDirectory, bool withSchemaLint, string logFile)
    {
        var result = Processes.Run("dotnet", Arguments(app, analyzerDirectory, withSchemaLint, logFile), app.ProjectDirectory)
            .EnsureSuccess($"Building {app.ProjectPath} {(withSchemaLint ? "with" : "without")} SchemaLint");
        var log = BuildLog.Parse(File.ReadAllText(logFile));
        if (!withSchemaLint)
            File.WriteAllText(CompilerCommandFile(app), log.CompilerCommandLine ?? throw new BenchmarkFailure($"The build log {logFile} holds no csc command line."));
        if (withSchemaLint && log.SchemaLintSeconds == 0 && !log.Analyzers.Any(a => a.Assembly.StartsWith("SchemaLint", StringComparison.Ordinal)))
            throw new BenchmarkFailure($"The build with SchemaLint ran no SchemaLint analyzer (see {logFile}); is {analyzerDirectory} the analyzer output?");
        return (result.Wall.TotalMilliseconds, log);
    }

    private static string[] Arguments(GeneratedApp app, string analyzerDirectory, bool withSchemaLint, string logFile) =>
    [
        "build", app.ProjectPath, "--no-incremental", "--no-restore", "-nologo", "-v:q",
        $"-p:UseSchemaLint={(withSchemaLint ? "true" : "false")}", $"-p:SchemaLintAnalyzerDir={analyzerDirectory}",
        "-p:ReportAnalyzer=true", $"-flp:Verbosity=detailed;PerformanceSummary;LogFile={logFile}",
    ];

    private static string Command(GeneratedApp app, string analyzerDirectory, bool withSchemaLint, string logFile) =>
        "dotnet " + string.Join(' ', Arguments(app, analyzerDirectory, withSchemaLint, logFile)
            .Select(a => a.Replace(app.Root, "bench/out/n" + app.Shape.Entities, StringComparison.Ordinal).Replace(analyzerDirectory, "bench/out/analyzers", StringComparison.Ordinal)));
}
