using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Migrations;

/// <summary>schemalint.migrations_reviewed_before: a project adopting SchemaLint does not relive its whole history.</summary>
public sealed class ReviewBaselineTests
{
    private static History Shop() => History.PostgreSqlShop()
        .Migration("DropEmail", m => m.DropColumn("Customers", "Email"))
        .Migration("DropName", m => m.DropColumn("Customers", "Name"));

    [Fact]
    public void Migrations_before_the_baseline_are_not_judged()
    {
        var findings = Shop().Lint(RuleIds.DataDropped, Config.Of("schemalint.migrations_reviewed_before = 20240103"));

        Assert.Equal("DropName", Assert.Single(findings).MemberName);
    }

    [Fact]
    public void A_full_migration_id_is_a_baseline_too()
    {
        var findings = Shop().Lint(RuleIds.DataDropped, Config.Of("schemalint.migrations_reviewed_before = 20240103000000_DropName"));

        Assert.Equal("DropName", Assert.Single(findings).MemberName);
    }

    [Fact]
    public void Migrations_before_the_baseline_still_count_as_history()
    {
        var findings = History.PostgreSql()
            .Migration("Initial", m => m.CreateTable("Customers", Col.Int("Id")))
            .Migration("AddEmail", m => m.AddColumn("Customers", Col.Text("Email", "text", nullable: true)))
            .Migration("ReplaceEmail", m => m.DropColumn("Customers", "Email").AddColumn("Customers", Col.Text("Contact", "text", nullable: true)))
            .Lint(RuleIds.DataDropped, Config.Of("schemalint.migrations_reviewed_before = 20240103"));

        Assert.Contains("RenameColumn(name: \"Email\"", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_value_that_is_not_a_migration_id_is_an_option_error()
    {
        var options = Config.Of("schemalint.migrations_reviewed_before = last-year");

        Assert.Null(options.MigrationsReviewedBefore);
        Assert.Contains(options.Errors, e => e.StartsWith("schemalint.migrations_reviewed_before: 'last-year' is not a migration id", StringComparison.Ordinal));
    }
}
