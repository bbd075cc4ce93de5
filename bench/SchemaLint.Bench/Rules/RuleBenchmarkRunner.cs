using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SchemaLint.Bench.Editing;

namespace SchemaLint.Bench.Rules;

public static class RuleBenchmarkRunner
{
    /// <summary>Runs both benchmark classes in-process and returns the GitHub-flavoured tables BenchmarkDotNet wrote.</summary>
    public static string[] Run(string commandLineFile, string projectDirectory, string artifacts)
    {
        BenchInputs.Invocation = CompilerInvocation.Load(commandLineFile, projectDirectory);
        if (Directory.Exists(artifacts)) Directory.Delete(artifacts, recursive: true);

        var rules = Job.Default.WithWarmupCount(2).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance).WithId("rules");
        BenchmarkRunner.Run<RuleCostBenchmarks>(Config(artifacts, rules));

        // A whole-compilation iteration takes seconds: one invocation per iteration, a fresh compilation each.
        var whole = Job.Default.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance).WithId("compilation");
        BenchmarkRunner.Run<CompilationBenchmarks>(Config(artifacts, whole));

        // The per-rule table first, the whole-compilation table second, as the report's text introduces them.
        return Directory.GetFiles(Path.Combine(artifacts, "results"), "*-report-github.md")
            .OrderBy(f => Path.GetFileName(f).Contains(nameof(CompilationBenchmarks)) ? 1 : 0)
            .ThenBy(f => f, System.StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
    }

    private static IConfig Config(string artifacts, Job job) =>
        ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddExporter(MarkdownExporter.GitHub)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
}
