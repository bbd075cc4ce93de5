using SchemaLint.Bench.Build;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Infrastructure;
using SchemaLint.Bench.Report;
using SchemaLint.Bench.Rules;
using SchemaLint.Core.Rules;

namespace SchemaLint.Bench.Tests;

[Collection(SmokeRunCollection.Name)]
public sealed class SmokeRunTests(SmokeRun smoke)
{
    [Fact]
    public void Build_log_reports_SchemaLint_and_EF_Core_analyzer_times()
    {
        var sample = Assert.Single(smoke.Results.Build!.Samples);

        Assert.True(sample.CscWithMs > 0, "the Csc task's time was not found in the performance summary");
        Assert.True(sample.AllAnalyzerSecondsWith >= sample.SchemaLintAnalyzerSeconds + sample.EfCoreAnalyzerSecondsWith);
        var log = BuildLog.Parse(File.ReadAllText(Path.Combine(smoke.Workspace.AppRoot(SmokeRun.Entities), "logs", "run0-with.log")));
        Assert.Contains(log.Analyzers, a => a.Assembly == "SchemaLint.Analyzers");
        Assert.Contains(log.Analyzers, a => a.Assembly == "Microsoft.EntityFrameworkCore.Analyzers");
    }

    [Fact]
    public void Build_with_SchemaLint_warns_on_the_planted_double_money()
    {
        Assert.True(smoke.Results.Build!.WarningsByRule.GetValueOrDefault(RuleIds.MoneyAsFloatingPoint) > 0);
    }

    [Fact]
    public void Build_without_SchemaLint_leaves_the_compiler_command_line_for_the_editing_benchmark()
    {
        var invocation = CompilerInvocation.Load(CompilerCommandFile, AppDirectory);

        Assert.Empty(invocation.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void Editing_times_the_edited_document_and_the_following_ones()
    {
        var sample = Assert.Single(smoke.Results.Editing!.Samples);

        Assert.StartsWith("Model", sample.EditedFile);
        Assert.Equal(EditingBenchmark.FollowingDocuments, sample.NextSchemaLintMs.Count);
        Assert.Equal(EditingBenchmark.FollowingDocuments, sample.NextBaselineMs.Count);
    }

    [Fact]
    public void Audit_reads_the_real_model_and_finds_the_planted_double_money()
    {
        var sample = Assert.Single(smoke.Results.Audit!.Samples);

        Assert.True(smoke.Results.Audit.FindingsByRule.GetValueOrDefault(RuleIds.MoneyAsFloatingPoint) > 0);
        if (Processes.CanMeasureMemory) Assert.True(sample.AuditPeakKilobytes > 0 && sample.BarePeakKilobytes > 0);
    }

    [Fact]
    public void Per_rule_benchmark_runs_each_rule_over_the_extracted_schema()
    {
        BenchInputs.Invocation = CompilerInvocation.Load(CompilerCommandFile, AppDirectory);
        var findings = 0;
        foreach (var rule in RuleCostBenchmarks.RuleIds)
        {
            var benchmark = new RuleCostBenchmarks { Rule = rule };
            benchmark.Setup();
            Assert.Equal(0, benchmark.NoRule());
            findings += benchmark.OneRule();
        }

        Assert.True(findings > 0, "no rule found anything in the extracted schema");
    }

    [Fact]
    public void Report_fills_every_section_for_the_measured_size()
    {
        var report = MarkdownReport.Write(smoke.Workspace);

        foreach (var section in new[] { "## Machine", "## 1. Build", "## 2. Editing", "## 3. Audit", "## 4. Growth", "## What was found" })
            Assert.Contains(section, report);
        foreach (var table in new[] { "## 1. Build", "## 2. Editing", "## 3. Audit", "## The generated applications" })
            Assert.Contains($"\n| {SmokeRun.Entities} |", Section(report, table));
    }

    private static string Section(string report, string heading)
    {
        var start = report.IndexOf(heading, StringComparison.Ordinal);
        var end = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? report[start..] : report[start..end];
    }

    private string CompilerCommandFile => Path.Combine(smoke.Workspace.AppRoot(SmokeRun.Entities), "csc-command.txt");

    private string AppDirectory => Path.Combine(smoke.Workspace.AppRoot(SmokeRun.Entities), "App");
}
