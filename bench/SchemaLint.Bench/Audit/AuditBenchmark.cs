using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SchemaLint.Bench.Generator;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Audit;

/// <summary>
/// `schemalint audit --no-build` of the built app against the app's own entry point, which builds the same design-time model
/// (context.GetService&lt;IDesignTimeModel&gt;().Model) through the same factory and nothing else: EF Core's work is the floor.
/// Each is a fresh process measured under /usr/bin/time -v for peak resident memory; order alternates between runs.
/// </summary>
public static class AuditBenchmark
{
    public static AuditResults Run(GeneratedApp app, string cliAssembly, int runs, Action<string> progress, bool warmUp = true)
    {
        var assembly = Path.Combine(app.ProjectDirectory, "bin", "Debug", "net10.0", app.AssemblyName + ".dll");
        if (!File.Exists(assembly)) throw new BenchmarkFailure($"{assembly} does not exist; build the app before measuring the audit.");
        var report = Path.Combine(app.Root, "audit.json");
        string[] bare = [assembly];
        string[] audit = [cliAssembly, "audit", assembly, "--no-build", "--format", "json", "--output", report, "--fail-on", "none"];

        // Warm-up: the first start of each pays disk reads that later runs do not.
        if (warmUp)
        {
            RunOnce(app, bare, "the bare model build");
            RunOnce(app, audit, "schemalint audit");
        }

        var samples = new List<AuditSample>();
        for (var run = 0; run < runs; run++)
        {
            ProcessResult b, a;
            if (run % 2 == 0)
            {
                b = RunOnce(app, bare, "the bare model build");
                a = RunOnce(app, audit, "schemalint audit");
            }
            else
            {
                a = RunOnce(app, audit, "schemalint audit");
                b = RunOnce(app, bare, "the bare model build");
            }

            samples.Add(new AuditSample(b.Wall.TotalMilliseconds, a.Wall.TotalMilliseconds, b.PeakResidentKilobytes, a.PeakResidentKilobytes));
            progress($"audit run {run + 1}/{runs}: bare model {b.Wall.TotalSeconds:F1} s ({b.PeakResidentKilobytes / 1024} MiB), audit {a.Wall.TotalSeconds:F1} s ({a.PeakResidentKilobytes / 1024} MiB)");
        }

        var shown = "bench/out/n" + app.Shape.Entities + "/App/bin/Debug/net10.0/BenchApp.dll";
        return new AuditResults(
            $"/usr/bin/time -v dotnet {shown}",
            $"/usr/bin/time -v dotnet src/SchemaLint.Cli/bin/Release/net10.0/schemalint.dll audit {shown} --no-build --format json --output <file> --fail-on none",
            samples,
            FindingsByRule(report));
    }

    private static ProcessResult RunOnce(GeneratedApp app, string[] arguments, string what) =>
        Processes.Run("dotnet", arguments, app.ProjectDirectory, measureMemory: true).EnsureSuccess($"Running {what} on {app.AssemblyName}");

    /// <summary>Counts by rule from the documented JSON report: contexts[].findings[].ruleId.</summary>
    private static IReadOnlyDictionary<string, int> FindingsByRule(string report)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        return document.RootElement.GetProperty("contexts").EnumerateArray()
            .SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .Select(f => f.GetProperty("ruleId").GetString() ?? "?")
            .GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
