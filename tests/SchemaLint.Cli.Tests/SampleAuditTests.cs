using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>The budget-tracker samples audit as the README says: the tutorial's mistakes are reported, the reviewed model is clean.</summary>
public sealed class SampleAuditTests
{
    private static string Sample(string name) => Repository.Path("samples", name, "bin", Repository.Configuration, "net10.0", name + ".dll");

    [Fact]
    public void Tutorial_budget_tracker_reports_money_as_double_and_missing_updated_timestamps()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "audit", Sample("BudgetTracker"), "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        var findings = CommandAssert.Findings(report);
        Assert.Contains(("BudgetContext", "SL2001", (string?)"BudgetTracker.Model.Expense", (string?)"Amount"), findings);
        Assert.Equal(
            new[] { "BudgetTracker.Model.Category", "BudgetTracker.Model.Expense", "BudgetTracker.Model.User" },
            findings.Where(f => f.RuleId == "SL3001").Select(f => f.Entity).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void Tutorial_budget_tracker_is_not_judged_on_what_the_tutorial_got_right()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "audit", Sample("BudgetTracker"), "--format", "json");

        using var report = CommandAssert.Json(result);
        var findings = CommandAssert.Findings(report);
        Assert.DoesNotContain(findings, f => f.Member is "Email" or "Name" or "UserId" or "CategoryId");
    }

    [Fact]
    public void Reviewed_budget_tracker_audits_clean()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "audit", Sample("BudgetTracker.Reviewed"), "--format", "json", "--fail-on", "suggestion");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Empty(CommandAssert.Findings(report));
    }
}
