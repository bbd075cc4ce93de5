using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SchemaLint.Bench.Generator;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Build;

/// <summary>
/// `dotnet build --no-incremental` of the generated app in three configurations: without SchemaLint, with it, and with
/// Meziantou.Analyzer instead (a package users already accept). After one discarded warm-up build of each, every round builds
/// the three back to back, rotating the order (round 0: without, SchemaLint, Meziantou; round 1: SchemaLint, Meziantou,
/// without; round 2: Meziantou, without, SchemaLint; ...), so no configuration always runs first or last. Every build uses
/// -p:ReportAnalyzer=true and a detailed file log, so their overhead is the same in every configuration.
/// </summary>
public static class BuildBenchmark
{
    public static readonly BuildConfiguration[] Configurations = [BuildConfiguration.Without, BuildConfiguration.SchemaLint, BuildConfiguration.Meziantou];

    /// <summary>The order of round <paramref name="round"/>: the configurations rotated left by the round's number.</summary>
    public static IReadOnlyList<BuildConfiguration> Order(int round) =>
        Enumerable.Range(0, Configurations.Length).Select(i => Configurations[(round + i) % Configurations.Length]).ToList();

    /// <param name="warmUp">Build each configuration once before measuring (disk cache, NuGet assets, the compiler server loading
    /// each configuration's analyzers); the CI smoke skips it.</param>
    public static BuildResults Run(GeneratedApp app, string analyzerDirectory, int runs, Action<string> progress, bool warmUp = true)
    {
        Processes.Dotnet(app.ProjectDirectory, "restore", app.ProjectPath, "-nologo").EnsureSuccess($"Restoring {app.ProjectPath}");
        var logDirectory = Path.Combine(app.Root, "logs");
        if (Directory.Exists(logDirectory)) Directory.Delete(logDirectory, recursive: true);
        Directory.CreateDirectory(logDirectory);

        // Warm-up builds are discarded. Every build without SchemaLint logs the compiler command line the editing benchmark replays;
        // with no rounds to measure, that one build is all the editing and audit benchmarks need.
        var warmUps = 0;
        if (warmUp || runs == 0)
        {
            foreach (var configuration in runs == 0 ? [BuildConfiguration.Without] : Configurations)
            {
                var (wall, _) = BuildOnce(app, analyzerDirectory, configuration, Path.Combine(logDirectory, $"warmup-{Name(configuration)}.log"));
                warmUps++;
                progress($"build warm-up ({Name(configuration)}): {wall / 1000:F1} s, discarded");
            }
        }

        var rounds = new List<BuildRound>();
        IReadOnlyDictionary<string, int> warnings = new Dictionary<string, int>();
        for (var run = 0; run < runs; run++)
        {
            var load = Machine.LoadAverage();
            var order = Order(run);
            var measured = new Dictionary<BuildConfiguration, BuildMeasurement>();
            foreach (var configuration in order)
            {
                var (wall, log) = BuildOnce(app, analyzerDirectory, configuration, Path.Combine(logDirectory, $"run{run}-{Name(configuration)}.log"));
                if (configuration == BuildConfiguration.SchemaLint) warnings = log.WarningsByRule;
                measured[configuration] = new BuildMeasurement(wall, log.CscMilliseconds, log.SchemaLintSeconds, log.EfCoreSeconds, log.MeziantouSeconds, log.TotalAnalyzerSeconds);
            }

            var round = new BuildRound(order, measured[BuildConfiguration.Without], measured[BuildConfiguration.SchemaLint], measured[BuildConfiguration.Meziantou], load);
            rounds.Add(round);
            progress($"build round {run + 1}/{runs} ({string.Join(", ", order.Select(Name))}; load {load:F1}): without {round.Without.WallMs / 1000:F1} s, " +
                $"SchemaLint {round.SchemaLint.WallMs / 1000:F1} s ({Ratio(round.SchemaLint.WallMs, round.Without.WallMs)}; analyzers {round.SchemaLint.SchemaLintSeconds:F2} s), " +
                $"Meziantou {round.Meziantou.WallMs / 1000:F1} s ({Ratio(round.Meziantou.WallMs, round.Without.WallMs)}; analyzers {round.Meziantou.MeziantouSeconds:F2} s)");
        }

        var commands = Configurations.ToDictionary(c => c, c => Command(app, analyzerDirectory, c, "<log>"));
        return new BuildResults(commands, warmUps, rounds, warnings);
    }

    /// <summary>How a configuration is named in log files and progress lines.</summary>
    public static string Name(BuildConfiguration configuration) => configuration switch
    {
        BuildConfiguration.Without => "without",
        BuildConfiguration.SchemaLint => "with",
        BuildConfiguration.Meziantou => "meziantou",
        _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, null),
    };

    private static string Ratio(double numerator, double denominator) => $"{(numerator / denominator - 1) * 100:+0.0;−0.0}%";

    public static string CompilerCommandFile(GeneratedApp app) => Path.Combine(app.Root, "csc-command.txt");

    private static (double Wall, BuildLog Log) BuildOnce(GeneratedApp app, string analyzerDirectory, BuildConfiguration configuration, string logFile)
    {
        var result = Processes.Run("dotnet", Arguments(app, analyzerDirectory, configuration, logFile), app.ProjectDirectory)
            .EnsureSuccess($"Building {app.ProjectPath} ({Name(configuration)})");
        var log = BuildLog.Parse(File.ReadAllText(logFile));
        if (configuration == BuildConfiguration.Without)
            File.WriteAllText(CompilerCommandFile(app), log.CompilerCommandLine ?? throw new BenchmarkFailure($"The build log {logFile} holds no csc command line."));
        // Each configuration must run exactly the analyzers it names: a build that silently ran the wrong set would compare nothing.
        var ranSchemaLint = log.Analyzers.Any(a => a.Assembly.StartsWith("SchemaLint", StringComparison.Ordinal));
        var ranMeziantou = log.Analyzers.Any(a => a.Assembly.StartsWith(BuildLog.MeziantouAssembly, StringComparison.Ordinal));
        if (ranSchemaLint != (configuration == BuildConfiguration.SchemaLint))
            throw new BenchmarkFailure($"The build {Name(configuration)} {(ranSchemaLint ? "ran" : "did not run")} the SchemaLint analyzers (see {logFile}); is {analyzerDirectory} the analyzer output?");
        if (ranMeziantou != (configuration == BuildConfiguration.Meziantou))
            throw new BenchmarkFailure($"The build {Name(configuration)} {(ranMeziantou ? "ran" : "did not run")} Meziantou.Analyzer (see {logFile}); was the app generated with its package reference?");
        return (result.Wall.TotalMilliseconds, log);
    }

    private static string[] Arguments(GeneratedApp app, string analyzerDirectory, BuildConfiguration configuration, string logFile) =>
    [
        "build", app.ProjectPath, "--no-incremental", "--no-restore", "-nologo", "-v:q",
        $"-p:UseSchemaLint={(configuration == BuildConfiguration.SchemaLint ? "true" : "false")}", $"-p:SchemaLintAnalyzerDir={analyzerDirectory}",
        $"-p:UseMeziantou={(configuration == BuildConfiguration.Meziantou ? "true" : "false")}",
        "-p:ReportAnalyzer=true", $"-flp:Verbosity=detailed;PerformanceSummary;LogFile={logFile}",
    ];

    private static string Command(GeneratedApp app, string analyzerDirectory, BuildConfiguration configuration, string logFile) =>
        "dotnet " + string.Join(' ', Arguments(app, analyzerDirectory, configuration, logFile)
            .Select(a => a.Replace(app.Root, "bench/out/n" + app.Shape.Entities, StringComparison.Ordinal).Replace(analyzerDirectory, "bench/out/analyzers", StringComparison.Ordinal)));
}
