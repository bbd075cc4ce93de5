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
    public void Build_log_reports_SchemaLint_EF_Core_and_Meziantou_analyzer_times()
    {
        var round = Assert.Single(smoke.Results.Build!.Rounds);

        Assert.Equal(BuildBenchmark.Order(0), round.Order);
        Assert.True(round.SchemaLint.CscMs > 0, "the Csc task's time was not found in the performance summary");
        Assert.True(round.SchemaLint.AllAnalyzerSeconds >= round.SchemaLint.SchemaLintSeconds + round.SchemaLint.EfCoreSeconds);
        Assert.True(round.Meziantou.AllAnalyzerSeconds >= round.Meziantou.MeziantouSeconds + round.Meziantou.EfCoreSeconds);
        var with = BuildLog.Parse(File.ReadAllText(Path.Combine(smoke.Workspace.AppRoot(SmokeRun.Entities), "logs", "run0-with.log")));
        Assert.Contains(with.Analyzers, a => a.Assembly == "SchemaLint.Analyzers");
        Assert.Contains(with.Analyzers, a => a.Assembly == "Microsoft.EntityFrameworkCore.Analyzers");
        Assert.DoesNotContain(with.Analyzers, a => a.Assembly == BuildLog.MeziantouAssembly);
    }

    [Fact]
    public void Only_the_Meziantou_configuration_runs_Meziantou_Analyzer()
    {
        var logs = Path.Combine(smoke.Workspace.AppRoot(SmokeRun.Entities), "logs");
        var meziantou = BuildLog.Parse(File.ReadAllText(Path.Combine(logs, "run0-meziantou.log")));
        var without = BuildLog.Parse(File.ReadAllText(Path.Combine(logs, "run0-without.log")));

        Assert.Contains(meziantou.Analyzers, a => a.Assembly == BuildLog.MeziantouAssembly);
        Assert.DoesNotContain(meziantou.Analyzers, a => a.Assembly.StartsWith("SchemaLint", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Analyzers, a => a.Assembly == BuildLog.MeziantouAssembly || a.Assembly.StartsWith("SchemaLint", StringComparison.Ordinal));
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
    public void Editing_times_an_edit_of_each_kind_of_file_and_the_following_documents()
    {
        var samples = smoke.Results.Editing!.Samples.Where(s => s.Run == 0).ToList();

        Assert.Equal(SmokeRun.Edits + SmokeRun.ServiceEdits, samples.Count);
        Assert.Equal(Enum.GetValues<EditKind>().Order(), samples.Select(s => s.Kind).Order());
        Assert.StartsWith("Services", samples.Single(s => s.Kind == EditKind.Service).EditedFile);
        Assert.StartsWith("Model", samples.Single(s => s.Kind == EditKind.Entity).EditedFile);
        Assert.StartsWith("Configurations", samples.Single(s => s.Kind == EditKind.Configuration).EditedFile);
        Assert.Equal("BenchContext.cs", samples.Single(s => s.Kind == EditKind.Context).EditedFile);
        Assert.All(samples, s => Assert.Equal(EditingBenchmark.FollowingDocuments, s.NextSchemaLintMs.Count));
        Assert.All(samples, s => Assert.Equal(EditingBenchmark.FollowingDocuments, s.NextBaselineMs.Count));
    }

    [Fact]
    public void Editing_records_what_each_first_document_allocated_for_both_analyzers()
    {
        var samples = smoke.Results.Editing!.Samples;

        Assert.All(samples, s => Assert.True(s.FirstBaselineMemory is { AllocatedMb: > 0 } && s.FirstSchemaLintMemory is { AllocatedMb: > 0 },
            $"edit of {s.EditedFile}: no allocation recorded"));
        Assert.All(samples, s => Assert.True(s.FirstSchemaLintMemory!.GcPauseMs >= 0 && s.FirstSchemaLintMemory.Collections >= 0));
    }

    [Fact]
    public void Editing_records_what_the_last_collection_in_each_window_promoted()
    {
        var samples = smoke.Results.Editing!.Samples;

        Assert.All(samples, s =>
        {
            var memory = s.FirstSchemaLintMemory!;
            Assert.InRange(memory.OlderCollections, 0, memory.Collections);
            if (memory.Collections == 0) Assert.Equal(0, memory.LastPromotedMb);
            else Assert.True(memory.LastPromotedMb > 0, $"edit of {s.EditedFile}: a collection in the window promoted nothing");
        });
    }

    [Fact]
    public void Editing_starts_its_windows_within_the_measured_gen0_budget_and_the_report_says_so()
    {
        Assert.True(smoke.Results.Editing!.Gen0BudgetMb > 0, "no gen-0 budget recorded");

        Assert.Contains("seeded share of the gen-0 budget", Section(MarkdownReport.Write(smoke.Workspace), "## 2. Editing"));
    }

    [Fact]
    public void Editing_is_timed_in_a_process_started_for_the_edits_alone_and_the_report_says_so()
    {
        var workstation = smoke.Results.Editing!;

        Assert.True(workstation.OwnProcess, "the workstation edits were timed in the measuring process");
        Assert.False(workstation.ServerGc);
        Assert.Contains("child process started for them alone", Section(MarkdownReport.Write(smoke.Workspace), "## 2. Editing"));
    }

    [Fact]
    public void Editing_times_the_plan_once_per_run_and_the_report_shows_the_spread_of_the_run_medians()
    {
        var editing = smoke.Results.Editing!;
        var runs = editing.Samples.GroupBy(s => s.Run).OrderBy(run => run.Key).ToList();

        Assert.Equal(SmokeRun.EditingRuns, editing.Runs);
        Assert.Equal(Enumerable.Range(0, SmokeRun.EditingRuns), runs.Select(run => run.Key));
        Assert.All(runs, run => Assert.Equal(runs[0].Select(s => (s.Kind, s.EditedFile, s.Edit)), run.Select(s => (s.Kind, s.EditedFile, s.Edit))));
        Assert.Equal(SmokeRun.EditingRuns, smoke.Results.EditingServerGc!.Runs);
        var editingSection = Section(MarkdownReport.Write(smoke.Workspace), "## 2. Editing");
        var row = editingSection.Split('\n').First(line => line.StartsWith($"| {SmokeRun.Entities} | ", StringComparison.Ordinal));
        Assert.Matches(@"\| -?\d+–-?\d+ ms \| -?\d+–-?\d+ ms \|", row);
        Assert.Contains("timed 2 times on each garbage collector", editingSection);
    }

    [Fact]
    public void Editing_is_timed_again_on_server_GC_in_a_child_process_with_the_same_edits()
    {
        var workstation = smoke.Results.Editing!;
        var server = smoke.Results.EditingServerGc;

        Assert.False(workstation.ServerGc);
        Assert.NotNull(server);
        Assert.True(server.ServerGc);
        Assert.True(server.OwnProcess);
        Assert.Equal(workstation.Samples.Select(s => (s.Kind, s.EditedFile, s.Edit)), server.Samples.Select(s => (s.Kind, s.EditedFile, s.Edit)));
        Assert.All(server.Samples, s => Assert.True(s.FirstSchemaLintMs > 0 && s.FirstBaselineMs > 0));
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

        foreach (var section in new[] { "## Machine", "## Targets", "## Peers on the same app", "## 1. Build", "## 2. Editing", "## 3. Audit", "## 4. Growth", "## What was found" })
            Assert.Contains(section, report);
        foreach (var table in new[] { "## Peers on the same app", "## 1. Build", "## 2. Editing", "## 3. Audit", "## The generated applications" })
            Assert.Contains($"\n| {SmokeRun.Entities} |", Section(report, table));
        var editing = Section(report, "## 2. Editing");
        foreach (var header in new[] { "| entities | allocated, median", "| entities | workstation: added, median" })
        {
            Assert.Contains(header, editing);
            Assert.Contains($"\n| {SmokeRun.Entities} | ", editing[editing.IndexOf(header, StringComparison.Ordinal)..]);
        }

        // One round and three edits decide nothing: the targets table says so instead of judging.
        Assert.Contains("too few pairs to conclude", Section(report, "## Targets"));
    }

    [Fact]
    public void Report_names_the_commit_it_measured()
    {
        var machine = Section(MarkdownReport.Write(smoke.Workspace), "## Machine");

        // The smoke run measures this repository's own work tree, which is a git clone wherever tests run.
        Assert.Matches(@"\| commit measured \| `[0-9a-f]{7,}( with uncommitted changes)?` \|", machine);
    }

    [Fact]
    public void Report_counts_the_collections_each_model_edit_paid_in_its_window()
    {
        var editing = Section(MarkdownReport.Write(smoke.Workspace), "## 2. Editing");
        var header = editing.IndexOf("| entities | allocated, median", StringComparison.Ordinal);
        var row = editing[header..].Split('\n').First(line => line.StartsWith($"| {SmokeRun.Entities} | ", StringComparison.Ordinal));

        Assert.Contains("collections, median (max) | generation 1 or 2 | promoted, median |", editing[header..]);
        Assert.Matches(@"\| \d+ \(\d+\) \| (– \| – \||\d+ of \d+ \| \d+\.\d MB \|)$", row);
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
