using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class IndexWithoutConcurrentCreationTests
{
    private const string Id = RuleIds.IndexWithoutConcurrentCreation;

    [Fact]
    public void Fires_on_an_index_created_on_a_table_an_earlier_migration_created()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email")).Lint(Id));

        Assert.StartsWith("Migration 'IndexEmail' creates index \"IX_Customers_Email\" on existing table \"Customers\" without CONCURRENTLY", finding.Message);
        Assert.Contains("Npgsql:CreatedConcurrently", finding.Message);
        Assert.Contains("outside the migration's transaction", finding.Message);
        Assert.Equal("IndexEmail", finding.MemberName);
        Assert.Equal("20240102000000_IndexEmail", finding.Properties["Migration"]);
    }

    [Fact]
    public void Stays_silent_on_a_table_created_and_indexed_in_the_same_migration()
    {
        var findings = History.PostgreSql().Migration("Initial", m => m
            .CreateTable("Customers", Col.Int("Id"), Col.Text("Email", "text", true))
            .CreateIndex("IX_Customers_Email", "Customers", "Email")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Stays_silent_on_an_index_created_concurrently()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email", concurrent: true)).Lint(Id));
    }

    [Fact]
    public void Stays_silent_when_whether_the_index_is_concurrent_is_unknown()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email", concurrent: null)).Lint(Id));
    }

    [Fact]
    public void Fires_on_a_table_no_migration_in_the_history_created()
    {
        Assert.Single(History.PostgreSql().Migration("IndexLegacy", m => m.CreateIndex("IX_Legacy_Code", "Legacy", "Code")).Lint(Id));
    }

    [Fact]
    public void Names_online_index_creation_on_SQL_Server()
    {
        var finding = Assert.Single(History.SqlServer().Migration("Initial", m => m.CreateTable("Customers", Col.Int("Id")))
            .Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email")).Lint(Id));

        Assert.Contains("SqlServer:Online", finding.Message);
    }

    [Fact]
    public void Stays_silent_on_SQLite_which_has_no_concurrent_index_build()
    {
        Assert.Empty(History.Sqlite().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email")).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_migration_marked_reviewed_for_the_rule()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email").Reviewed("SL7001")).Lint(Id));
    }

    [Fact]
    public void A_review_mark_for_another_rule_does_not_silence_it()
    {
        Assert.Single(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email").Reviewed("SL7003")).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_an_excluded_table()
    {
        var options = Building.Config.Of("schemalint.exclude_tables = Cust*");

        Assert.Empty(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email")).Lint(Id, options));
    }
}
