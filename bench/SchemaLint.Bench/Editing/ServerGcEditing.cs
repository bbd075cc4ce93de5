using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// The editing benchmark again, in a child process on the server garbage collector. A process chooses its collector when it
/// starts, so the measuring process (on .NET's default, workstation) cannot time both. The hosts differ: the Roslyn language
/// server that VS Code's C# extension runs sets <c>ServerGarbageCollection</c> in its project file, and with server GC's larger
/// allocation budget a model edit's garbage is collected after the edit has been answered rather than during it, so the same
/// code answers an edit in about half the time. The report shows both; the targets are judged on workstation GC, the stricter.
/// </summary>
public static class ServerGcEditing
{
    public const string Command = "editing-child";

    /// <summary>Runs <see cref="EditingBenchmark.Run"/> with the same plan (edits, seed, service edits, warm-up) under server GC.</summary>
    public static EditingResults Run(string compilerCommandFile, string projectDirectory, int edits, int serviceEdits, bool warmUp, Action<string> progress)
    {
        var output = Path.Combine(Path.GetTempPath(), $"schemalint-bench-editing-{Guid.NewGuid():N}.json");
        try
        {
            var arguments = new List<string>
            {
                typeof(ServerGcEditing).Assembly.Location, Command,
                "--command-file", compilerCommandFile, "--project", projectDirectory, "--edits", edits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--service-edits", serviceEdits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--warmup", warmUp ? "true" : "false", "--output", output,
            };
            progress("editing under server GC: the same edits in a child process (DOTNET_gcServer=1)");
            var result = Processes.Run("dotnet", arguments, projectDirectory, new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
            result.EnsureSuccess("The server-GC editing run");
            // The child's summary lines, without the child's own timestamp (progress adds the parent's).
            foreach (var line in result.Output.Split('\n').Where(l => l.Contains("editing:", StringComparison.Ordinal)))
                progress("server GC: " + line[(line.IndexOf("editing:", StringComparison.Ordinal))..].TrimEnd());
            var results = File.Exists(output) ? JsonSerializer.Deserialize<EditingResults>(File.ReadAllText(output), Json.Options) : null;
            if (results is null) throw new BenchmarkFailure($"The server-GC editing run wrote no results to {output}.");
            if (!results.ServerGc) throw new BenchmarkFailure("The server-GC editing run did not run on server GC (DOTNET_gcServer=1 was not honoured).");
            return results;
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The child's side: times the plan and saves the results where the parent reads them.</summary>
    public static void RunChild(IReadOnlyDictionary<string, string> options, Action<string> progress)
    {
        string Required(string name) => options.GetValueOrDefault(name) ?? throw new BenchmarkFailure($"{Command} needs --{name}.");
        int Number(string name) => int.Parse(Required(name), System.Globalization.CultureInfo.InvariantCulture);
        var project = Required("project");
        var results = EditingBenchmark.Run(CompilerInvocation.Load(Required("command-file"), project), project, Number("edits"), progress,
            warmUp: Required("warmup") == "true", serviceEdits: Number("service-edits"));
        File.WriteAllText(Required("output"), JsonSerializer.Serialize(results, Json.Options));
    }
}
