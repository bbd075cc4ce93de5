using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class EngineTests
{
    [Fact]
    public void Database_rules_do_not_run_without_a_live_database()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.RemoveAll(i => i.Name == "IX_Expenses_UserId");

        var findings = SchemaLintEngine.Default.Analyze(budget.Model);

        Assert.DoesNotContain(findings, f => f.Rule.RequiresDatabase);
    }

    [Fact]
    public void An_intact_database_gives_no_database_findings()
    {
        Assert.Empty(new BudgetSchema().DatabaseFindings());
    }

    [Fact]
    public void Every_database_rule_is_in_the_catalog_as_a_warning_that_requires_a_database()
    {
        var ids = new[] { "SL6001", "SL6002", "SL6003", "SL6004", "SL6005", "SL6006" };

        var descriptors = ids.Select(RuleCatalog.Get).ToList();

        Assert.All(descriptors, d => Assert.True(d.RequiresDatabase && d.DefaultSeverity == Severity.Warning && d.Category == RuleCategories.Database));
    }
}
