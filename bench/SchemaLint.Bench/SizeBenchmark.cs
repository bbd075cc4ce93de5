using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaLint.Bench.Audit;
using SchemaLint.Bench.Build;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Generator;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench;

/// <summary>Which parts to measure and how: the full run and the CI smoke differ only here.</summary>
/// <param name="AnalyzerDirectory">The SchemaLint analyzer assemblies (SchemaLint.Analyzers.dll and SchemaLint.Core.dll).</param>
/// <param name="CliAssembly">schemalint.dll of the console command.</param>
/// <param name="Runs">Build rounds (each builds every configuration once) and audit pairs per size.</param>
/// <param name="Edits">Edits the editing benchmark times per size (see <see cref="EditPlan"/>).</param>
/// <param name="EditingRuns">How many times each collector times the edit plan, each time in a fresh process, the collectors alternating.</param>
public sealed record MeasureOptions(int Runs, ISet<string> Parts, string AnalyzerDirectory, string CliAssembly, bool WarmUp = true, int Edits = EditPlan.DefaultEdits,
    int ServiceEdits = EditPlan.DefaultServiceEdits, int EditingRuns = MeasureOptions.DefaultEditingRuns)
{
    /// <summary>
    /// On a quiet 2-core machine one run's median at 1,000 entities moved between 37 and 60 ms from run to run with no change
    /// (bench/ANALYSIS.md, run 25), more than the margin a target is judged by; three runs put that spread in the figures.
    /// </summary>
    public const int DefaultEditingRuns = 3;

    public static readonly string[] AllParts = ["build", "editing", "audit"];
}

/// <summary>Generates the app of one size, measures it, and saves the results where the report reads them.</summary>
public static class SizeBenchmark
{
    public static SizeResults Measure(Workspace workspace, int entities, MeasureOptions options, Action<string> log)
    {
        var loadBefore = Machine.LoadAverage();
        log($"n={entities}: load average before {loadBefore:F2} (1 minute; {Environment.ProcessorCount} processors)");
        var app = AppGenerator.Generate(new GeneratorOptions(entities, GeneratorOptions.DefaultSeed, workspace.AppRoot(entities), workspace.RepositoryRoot));
        log($"n={entities}: generated {app.Shape.SourceFiles} files, {app.Shape.SourceLines} lines");

        // The build step also leaves the app built and its compiler command line saved: editing and audit need both.
        BuildResults? build;
        if (options.Parts.Contains("build")) build = BuildBenchmark.Run(app, options.AnalyzerDirectory, options.Runs, log, options.WarmUp);
        else
        {
            BuildBenchmark.Run(app, options.AnalyzerDirectory, runs: 0, log);
            build = null;
        }

        EditingResults? editing = null, editingServerGc = null;
        if (options.Parts.Contains("editing"))
        {
            var commandFile = BuildBenchmark.CompilerCommandFile(app);
            // The collectors alternate, so that a machine slowing down or speeding up during the size weighs on both alike.
            var workstationRuns = new List<EditingResults>();
            var serverRuns = new List<EditingResults>();
            for (var run = 0; run < options.EditingRuns; run++)
            {
                workstationRuns.Add(EditingProcess.Run(commandFile, app.ProjectDirectory, options.Edits, options.ServiceEdits, options.WarmUp, serverGc: false, log));
                serverRuns.Add(EditingProcess.Run(commandFile, app.ProjectDirectory, options.Edits, options.ServiceEdits, options.WarmUp, serverGc: true, log));
            }

            editing = EditingProcess.Combine(workstationRuns);
            editingServerGc = EditingProcess.Combine(serverRuns);
        }

        var audit = options.Parts.Contains("audit") ? AuditBenchmark.Run(app, options.CliAssembly, options.Runs, log, options.WarmUp) : null;

        var loadAfter = Machine.LoadAverage();
        log($"n={entities}: load average after {loadAfter:F2}");
        var results = new SizeResults(entities, app.Shape, loadBefore, loadAfter, build, editing, audit, editingServerGc);
        Directory.CreateDirectory(workspace.Results);
        File.WriteAllText(workspace.SizeResultsFile(entities), JsonSerializer.Serialize(results, Json.Options));
        log($"n={entities}: results in {workspace.SizeResultsFile(entities)}");
        return results;
    }
}

public static class Json
{
    /// <summary>For writing and reading results alike: enums by name, so the saved figures read without the code.</summary>
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
}
