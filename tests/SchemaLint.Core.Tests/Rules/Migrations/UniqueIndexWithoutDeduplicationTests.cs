using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class UniqueIndexWithoutDeduplicationTests
{
    private const string Id = RuleIds.UniqueIndexWithoutDeduplication;

    [Fact]
    public void Fires_on_a_unique_index_added_to_an_existing_table()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("UniqueEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email", unique: true)).Lint(Id));

        Assert.StartsWith("Migration 'UniqueEmail' adds unique index \"IX_Customers_Email\" on \"Customers\" (\"Email\") with no earlier step that removes duplicates: if two rows already share a value the migration fails, after scanning and sorting the whole table.", finding.Message);
    }

    [Fact]
    public void Says_a_failed_concurrent_build_leaves_an_invalid_index()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("UniqueEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email", unique: true, concurrent: true)).Lint(Id));

        Assert.Contains("INVALID index", finding.Message);
    }

    [Fact]
    public void Fires_on_a_unique_constraint_added_to_an_existing_table()
    {
        Assert.Single(History.PostgreSqlShop().Migration("UniqueEmail", m => m.AddUniqueConstraint("AK_Customers_Email", "Customers", "Email")).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_non_unique_index()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("IndexEmail", m => m.CreateIndex("IX_Customers_Email", "Customers", "Email")).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_unique_index_of_a_table_the_migration_created()
    {
        Assert.Empty(History.PostgreSql().Migration("Initial", m => m
            .CreateTable("Coupons", Col.Int("Id"), Col.Text("Code", "character varying(20)", false))
            .CreateIndex("IX_Coupons_Code", "Coupons", "Code", unique: true)).Lint(Id));
    }

    [Fact]
    public void Stays_silent_when_a_step_before_it_removes_duplicates()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("UniqueEmail", m => m
            .Sql("DELETE FROM \"Customers\" a USING \"Customers\" b WHERE a.\"Id\" > b.\"Id\" AND a.\"Email\" = b.\"Email\"")
            .CreateIndex("IX_Customers_Email", "Customers", "Email", unique: true)).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_column_just_added_nullable_which_holds_only_NULLs()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("AddCode", m => m
            .AddColumn("Customers", Col.Text("Code", "text", nullable: true))
            .CreateIndex("IX_Customers_Code", "Customers", "Code", unique: true)).Lint(Id));
    }
}
