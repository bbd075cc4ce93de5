using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class MigrationEngineTests
{
    [Fact]
    public void The_migration_rules_do_not_run_without_migrations()
    {
        var findings = SchemaLintEngine.Default.Analyze(new SchemaModel("ShopContext", DatabaseProvider.PostgreSql));

        Assert.DoesNotContain(findings, f => f.Rule.RequiresMigrations);
    }

    [Fact]
    public void Every_migration_rule_is_in_the_Migrations_category_with_an_SL7_id_and_warns_by_default()
    {
        var rules = RuleCatalog.Descriptors.Where(d => d.RequiresMigrations).ToList();

        Assert.Equal(new[] { "SL7001", "SL7002", "SL7003", "SL7004", "SL7005", "SL7006", "SL7007" }, rules.Select(r => r.Id));
        Assert.All(rules, r => Assert.True(r.Category == RuleCategories.Migrations && r.DefaultSeverity == Severity.Warning, r.Id));
    }

    [Fact]
    public void Migrations_are_ordered_by_id_whatever_order_they_are_added_in()
    {
        var history = new MigrationHistory();
        history.Add(new MigrationModel("20240201000000_Second", "Second"));
        history.Add(new MigrationModel("20240101000000_First", "First"));

        Assert.Equal(new[] { "20240101000000_First", "20240201000000_Second" }, history.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Order_decides_what_an_existing_table_is()
    {
        // Added out of order: the index migration sorts after the one that created the table, so the table exists.
        var history = new MigrationHistory();
        var index = new MigrationModel("20240201000000_IndexEmail", "IndexEmail");
        index.Operations.Add(new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = "Customers", Name = "IX", Columns = new[] { "Email" }, IsConcurrent = false });
        var initial = new MigrationModel("20240101000000_Initial", "Initial");
        initial.Operations.Add(new MigrationOperation(MigrationOperationKind.CreateTable) { Table = "Customers" });
        history.Add(index);
        history.Add(initial);

        var findings = SchemaLintEngine.Default.Analyze(new SchemaModel("ShopContext", DatabaseProvider.PostgreSql) { Migrations = history });

        Assert.Equal("IndexEmail", Assert.Single(findings, f => f.RuleId == RuleIds.IndexWithoutConcurrentCreation).MemberName);
    }

    [Theory]
    [InlineData("// schemalint: reviewed SL7003", new[] { "SL7003" })]
    [InlineData("// SchemaLint: Reviewed sl7003, SL7006", new[] { "SL7003", "SL7006" })]
    [InlineData("/* schemalint: reviewed SL7001 SL7005 */", new[] { "SL7001", "SL7005" })]
    [InlineData("// schemalint: reviewed *", new[] { "*" })]
    [InlineData("// reviewed SL7003", new string[0])]
    public void Review_marks_name_the_rules_they_silence(string comment, string[] expected)
    {
        Assert.Equal(expected, ReviewMarks.Parse(comment));
    }
}
