using System.IO;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench;

/// <summary>Where the benchmark reads and writes: everything generated lives under bench/out (ignored by git).</summary>
/// <param name="OutputDirectory">Defaults to bench/out; the CI smoke writes elsewhere.</param>
public sealed record Workspace(string RepositoryRoot, string? OutputDirectory = null)
{
    public string Output => OutputDirectory ?? Path.Combine(RepositoryRoot, "bench", "out");

    public string Results => Path.Combine(Output, "results");

    public string AnalyzerDirectory => Path.Combine(Output, "analyzers");

    public string CliAssembly => Path.Combine(RepositoryRoot, "src", "SchemaLint.Cli", "bin", "Release", "net10.0", "schemalint.dll");

    public string AppRoot(int entities) => Path.Combine(Output, $"n{entities}");

    public string SizeResultsFile(int entities) => Path.Combine(Results, $"n{entities}.json");

    public string MachineFile => Path.Combine(Results, "machine.json");

    public string RuleTablesFile => Path.Combine(Results, "rules.md");

    public string AnalysisFile => Path.Combine(RepositoryRoot, "bench", "ANALYSIS.md");

    public static Workspace Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaLint.sln"))) return new Workspace(directory.FullName);
        }

        throw new BenchmarkFailure($"'{start}' is not inside the SchemaLint repository (no SchemaLint.sln above it); run from the checkout.");
    }

    /// <summary>Release builds of what is measured: the analyzers as a package would ship them, and the console command.</summary>
    public void PrepareTools()
    {
        if (Directory.Exists(AnalyzerDirectory)) Directory.Delete(AnalyzerDirectory, recursive: true);
        Processes.Dotnet(RepositoryRoot, "build", "src/SchemaLint.Analyzers/SchemaLint.Analyzers.csproj", "-c", "Release", "-o", AnalyzerDirectory, "-nologo", "-v:q")
            .EnsureSuccess("Building the SchemaLint analyzers (Release)");
        foreach (var file in Directory.GetFiles(AnalyzerDirectory))
        {
            // Only SchemaLint's own assemblies go to the compiler, as in a package's analyzers/dotnet/cs folder.
            if (!Path.GetFileName(file).StartsWith("SchemaLint.", System.StringComparison.Ordinal) || !file.EndsWith(".dll", System.StringComparison.Ordinal)) File.Delete(file);
        }

        Processes.Dotnet(RepositoryRoot, "build", "src/SchemaLint.Cli/SchemaLint.Cli.csproj", "-c", "Release", "-nologo", "-v:q")
            .EnsureSuccess("Building the schemalint console command (Release)");
    }
}
