using System.Text.Json;
using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// Adopting SchemaLint on the budget-tracker sample with a baseline: written once, then the code moved, then a new mistake
/// added and a baselined one fixed (<see cref="BaselinedBudgetTracker"/>). The audit and the build agree on what is new.
/// </summary>
public sealed class BaselineTests : IClassFixture<BaselinedBudgetTracker>
{
    private readonly BaselinedBudgetTracker _sample;

    public BaselineTests(BaselinedBudgetTracker sample) => _sample = sample;

    [Fact]
    public void Writing_a_baseline_records_every_finding_of_the_audit_and_of_the_analyzers_sorted_and_stable()
    {
        Assert.True(_sample.Written.ExitCode == 0, _sample.Written.ToString());

        // The file README shows: the audit's eight findings and the build's three SL3003, one line each.
        Assert.Equal(File.ReadAllText(Repository.Path("tests", "Fixtures", "Baselines", "BudgetTracker.schemalint.baseline.json")), _sample.WrittenBaseline);
    }

    [Fact]
    public void Writing_a_baseline_then_reports_nothing_beyond_it()
    {
        Assert.Contains("  no findings beyond the baseline", _sample.Written.Stdout);
        Assert.Contains("0 errors, 0 warnings, 0 suggestions in 1 context; 8 findings in the baseline", _sample.Written.Stdout);
        Assert.Contains("schemalint: wrote 11 baseline entries to ", _sample.Written.Stderr);
    }

    [Fact]
    public void Moved_code_brings_no_new_finding_and_no_stale_entry_in_the_audit()
    {
        using var report = CommandAssert.Json(_sample.Moved);

        Assert.True(_sample.Moved.ExitCode == 0, _sample.Moved.ToString());
        Assert.Empty(CommandAssert.Findings(report));
        var baseline = report.RootElement.GetProperty("baseline");
        Assert.Equal(8, baseline.GetProperty("baselined").GetInt32());
        Assert.Empty(baseline.GetProperty("stale").EnumerateArray());
    }

    [Fact]
    public void Moved_code_brings_no_SchemaLint_warning_in_the_build()
    {
        Assert.True(_sample.MovedBuild.ExitCode == 0, _sample.MovedBuild.ToString());
        Assert.Empty(BaselinedBudgetTracker.SchemaLintWarnings(_sample.MovedBuild));
    }

    [Fact]
    public void A_new_mistake_is_all_the_audit_reports()
    {
        using var report = CommandAssert.Json(_sample.ChangedJson);

        Assert.Equal(
            new[] { ("BudgetContext", "SL2001", (string?)"BudgetTracker.Model.Expense", (string?)"Tax"), ("BudgetContext", "SL4001", "BudgetTracker.Model.Expense", "Tax") },
            CommandAssert.Findings(report).OrderBy(f => f.RuleId, StringComparer.Ordinal));
    }

    [Fact]
    public void A_new_mistake_is_the_only_SchemaLint_warning_of_the_build()
    {
        Assert.Equal(new[] { "SL2001 Expense.cs Expense.Tax" }, BaselinedBudgetTracker.SchemaLintWarnings(_sample.ChangedBuild));
    }

    [Fact]
    public void A_fixed_mistake_is_a_stale_entry_in_the_json_report()
    {
        using var report = CommandAssert.Json(_sample.ChangedJson);

        var stale = Assert.Single(report.RootElement.GetProperty("baseline").GetProperty("stale").EnumerateArray());
        Assert.Equal("SL2001", stale.GetProperty("ruleId").GetString());
        Assert.Equal("BudgetTracker.Model.Expense", stale.GetProperty("entity").GetString());
        Assert.Equal("Amount", stale.GetProperty("member").GetString());
    }

    [Fact]
    public void A_fixed_mistake_is_listed_after_the_text_report_for_removal()
    {
        var lines = _sample.Changed.Stdout.Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains(lines, l => l.StartsWith("1 entry of the baseline matches nothing now (fixed: remove it from BudgetTracker/schemalint.baseline.json", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SL2001 BudgetTracker.Model.Expense.Amount in BudgetTracker.BudgetContext (", StringComparison.Ordinal));
    }

    [Fact]
    public void Stale_entries_change_no_exit_code()
    {
        // Nothing at or above --fail-on error: the stale entry alone does not fail the run.
        Assert.True(_sample.Changed.ExitCode == 0, _sample.Changed.ToString());
    }

    [Fact]
    public void Sarif_results_carry_fingerprints_and_say_which_findings_are_new()
    {
        using var log = JsonDocument.Parse(File.ReadAllText(_sample.ChangedSarif));

        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Matches("^[0-9a-f]{16}$", r.GetProperty("partialFingerprints").GetProperty("schemalint/v1").GetString()));
        Assert.Equal(new[] { "SL2001 Tax", "SL4001 Tax" }, States(results, "new"));
        Assert.Equal(7, States(results, "unchanged").Count); // the eight baselined, less Expense.Amount's SL2001, fixed
        Assert.All(results.Where(r => r.GetProperty("baselineState").GetString() == "unchanged"),
            r => Assert.Equal("external", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
    }

    [Fact]
    public void Sarif_with_baseline_states_is_valid_under_the_official_schema()
    {
        Assert.True(_sample.ChangedSarifRun.ExitCode == 1, _sample.ChangedSarifRun.ToString());

        Assert.Empty(SarifValidator.Errors(_sample.ChangedSarif));
    }

    [Fact]
    public void Json_and_sarif_carry_the_same_fingerprint()
    {
        using var report = CommandAssert.Json(_sample.ChangedJson);
        using var log = JsonDocument.Parse(File.ReadAllText(_sample.ChangedSarif));

        var fromJson = report.RootElement.GetProperty("contexts")[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()).Order().ToList();
        var fromSarif = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("baselineState").GetString() == "new")
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("schemalint/v1").GetString()).Order().ToList();
        Assert.Equal(fromSarif, fromJson);
    }

    private static List<string> States(IEnumerable<JsonElement> results, string state) =>
        results.Where(r => r.GetProperty("baselineState").GetString() == state)
            .Select(r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()!.Split('.').Last())
            .Order(StringComparer.Ordinal)
            .ToList();
}
