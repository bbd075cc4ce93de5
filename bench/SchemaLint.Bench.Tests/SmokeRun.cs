using System.Reflection;
using System.Text.Json;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Tests;

/// <summary>
/// One smoke run of the whole harness at 50 entities (one build round; three model edits and one in a service, no warm-up, timed twice on
/// each collector), shared by the tests that check its parts.
/// It writes to a temporary folder, uses the analyzer assemblies this test project was built with, and the Debug/Release
/// console command built beside it.
/// </summary>
public sealed class SmokeRun : IDisposable
{
    public const int Entities = 50;

    /// <summary>One edit of each kind (entity file, configuration class, context).</summary>
    public const int Edits = 3;

    /// <summary>Edits typed into service bodies, beside the model edits.</summary>
    public const int ServiceEdits = 1;

    /// <summary>Runs of the edit plan per collector: two, so that combining runs is exercised.</summary>
    public const int EditingRuns = 2;

    public SmokeRun()
    {
        Workspace = new Workspace(RepositoryRoot.Path, Path.Combine(Path.GetTempPath(), "schemalint-bench-smoke-" + Guid.NewGuid().ToString("N")));
        var analyzers = Path.Combine(Workspace.Output, "analyzers");
        Directory.CreateDirectory(analyzers);
        foreach (var assembly in new[] { typeof(SchemaAnalyzer).Assembly, typeof(SchemaLint.Core.Engine.SchemaLintEngine).Assembly })
            File.Copy(assembly.Location, Path.Combine(analyzers, Path.GetFileName(assembly.Location)));

        var configuration = typeof(SmokeRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var cli = Path.Combine(RepositoryRoot.Path, "src", "SchemaLint.Cli", "bin", configuration, "net10.0", "schemalint.dll");
        Directory.CreateDirectory(Workspace.Results);
        File.WriteAllText(Workspace.MachineFile, JsonSerializer.Serialize(Machine.Describe(RepositoryRoot.Path), Json.Options));
        Results = SizeBenchmark.Measure(Workspace, Entities, new MeasureOptions(1, new HashSet<string>(MeasureOptions.AllParts), analyzers, cli, WarmUp: false, Edits: Edits, ServiceEdits: ServiceEdits, EditingRuns: EditingRuns), Progress.Add);
    }

    public Workspace Workspace { get; }

    public SizeResults Results { get; }

    public List<string> Progress { get; } = new();

    public void Dispose()
    {
        if (Directory.Exists(Workspace.Output)) Directory.Delete(Workspace.Output, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SmokeRunCollection : ICollectionFixture<SmokeRun>
{
    public const string Name = "smoke run";
}
