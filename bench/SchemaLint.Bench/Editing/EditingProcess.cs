using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// The editing benchmark in a child process started for it alone, once per garbage collector.
/// </summary>
/// <remarks>
/// <para>
/// A process chooses its collector when it starts, so one process cannot time both. The hosts differ: the Roslyn language
/// server that VS Code's C# extension runs sets <c>ServerGarbageCollection</c> in its project file, and with server GC's larger
/// allocation budget a model edit's garbage is collected after the edit has been answered rather than during it. The report
/// shows both; the targets are judged on workstation GC, the stricter.
/// </para>
/// <para>
/// The workstation run is a child too, rather than the measuring process, which by then has generated the app, built it and
/// measured the sizes before it: a figure should not depend on what the harness did before it, and both collectors' runs
/// start alike. Alternating runs at 1,000 entities did not show the measuring process slower; what moved the figures was the
/// machine, from one run to the next (bench/ANALYSIS.md, run 25).
/// </para>
/// </remarks>
public static class EditingProcess
{
    public const string Command = "editing-child";

    /// <summary>Runs <see cref="EditingBenchmark.Run"/> with this plan (edits, seed, service edits, warm-up) in a fresh child process on the given collector.</summary>
    public static EditingResults Run(string compilerCommandFile, string projectDirectory, int edits, int serviceEdits, bool warmUp, bool serverGc, Action<string> progress)
    {
        var output = Path.Combine(Path.GetTempPath(), $"schemalint-bench-editing-{Guid.NewGuid():N}.json");
        var collector = serverGc ? "server GC" : "workstation GC";
        try
        {
            var arguments = new List<string>
            {
                typeof(EditingProcess).Assembly.Location, Command,
                "--command-file", compilerCommandFile, "--project", projectDirectory, "--edits", edits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--service-edits", serviceEdits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--warmup", warmUp ? "true" : "false", "--output", output,
            };
            progress($"editing on {collector}: the plan's edits in a child process of their own (DOTNET_gcServer={(serverGc ? 1 : 0)}); its lines follow when it ends");

            // Set either way: a DOTNET_gcServer the measuring process inherited must not choose the workstation run's collector.
            var result = Processes.Run("dotnet", arguments, projectDirectory, new Dictionary<string, string> { ["DOTNET_gcServer"] = serverGc ? "1" : "0" });
            result.EnsureSuccess($"The {collector} editing run");

            // The child's lines (every edit's, then the summaries), without the child's own timestamp: progress adds the parent's,
            // the time they were read, which the line above says.
            var prefix = serverGc ? "server GC: " : string.Empty;
            foreach (var line in result.Output.Split('\n').Where(l => l.StartsWith('[') && l.Contains("] ", StringComparison.Ordinal)))
                progress(prefix + line[(line.IndexOf("] ", StringComparison.Ordinal) + 2)..].TrimEnd());
            var results = File.Exists(output) ? JsonSerializer.Deserialize<EditingResults>(File.ReadAllText(output), Json.Options) : null;
            if (results is null) throw new BenchmarkFailure($"The {collector} editing run wrote no results to {output}.");
            if (results.ServerGc != serverGc) throw new BenchmarkFailure($"The {collector} editing run did not run on {collector} (DOTNET_gcServer was not honoured).");
            return results;
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// The runs of one collector as one result: every run's samples, numbered by run, and the first run's profile (each
    /// analyzer alone, compilation-start counts) and collector budget.
    /// </summary>
    public static EditingResults Combine(IReadOnlyList<EditingResults> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("No editing run to combine.", nameof(runs));
        if (runs.Any(r => r.ServerGc != runs[0].ServerGc)) throw new ArgumentException("Runs on different collectors cannot be combined.", nameof(runs));
        var samples = runs.SelectMany((run, index) => run.Samples.Select(sample => sample with { Run = index })).ToList();
        return runs[0] with { Samples = samples, Runs = runs.Count, OwnProcess = runs.All(r => r.OwnProcess) };
    }

    /// <summary>The child's side: times the plan and saves the results where the parent reads them.</summary>
    public static void RunChild(IReadOnlyDictionary<string, string> options, Action<string> progress)
    {
        string Required(string name) => options.GetValueOrDefault(name) ?? throw new BenchmarkFailure($"{Command} needs --{name}.");
        int Number(string name) => int.Parse(Required(name), System.Globalization.CultureInfo.InvariantCulture);
        var project = Required("project");
        var results = EditingBenchmark.Run(CompilerInvocation.Load(Required("command-file"), project), project, Number("edits"), progress,
            warmUp: Required("warmup") == "true", serviceEdits: Number("service-edits"));
        File.WriteAllText(Required("output"), JsonSerializer.Serialize(results with { OwnProcess = true }, Json.Options));
    }
}
