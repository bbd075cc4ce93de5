using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class ConstraintValidatedUnderLockTests
{
    private const string Id = RuleIds.ConstraintValidatedUnderLock;

    [Fact]
    public void Fires_on_a_foreign_key_added_to_an_existing_table_and_says_NOT_VALID_then_VALIDATE()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("LinkOrders", m => m.AddForeignKey("FK_Orders_Customers_CustomerId", "Orders", "CustomerId", "Customers")).Lint(Id));

        Assert.StartsWith("Migration 'LinkOrders' adds foreign key \"FK_Orders_Customers_CustomerId\" to existing table \"Orders\": PostgreSQL scans every row", finding.Message);
        Assert.Contains("SHARE ROW EXCLUSIVE", finding.Message);
        Assert.Contains("NOT VALID", finding.Message);
        Assert.Contains("VALIDATE CONSTRAINT", finding.Message);
    }

    [Fact]
    public void Fires_on_a_check_constraint_added_to_an_existing_table()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("CheckName", m => m.AddCheckConstraint("CK_Customers_Name", "Customers")).Lint(Id));

        Assert.Contains("ACCESS EXCLUSIVE", finding.Message);
    }

    [Fact]
    public void Stays_silent_on_a_foreign_key_of_a_table_the_migration_created()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("AddCoupons", m => m
            .CreateTable("Coupons", Col.Int("Id"), Col.Int("CustomerId"))
            .AddForeignKey("FK_Coupons_Customers_CustomerId", "Coupons", "CustomerId", "Customers")).Lint(Id));
    }

    [Fact]
    public void Says_WITH_NOCHECK_on_SQL_Server()
    {
        var finding = Assert.Single(History.SqlServer().Migration("Initial", m => m.CreateTable("Orders", Col.Int("Id"), Col.Int("CustomerId")))
            .Migration("LinkOrders", m => m.AddForeignKey("FK_Orders_Customers_CustomerId", "Orders", "CustomerId", "Customers")).Lint(Id));

        Assert.Contains("WITH NOCHECK", finding.Message);
    }

    [Fact]
    public void Stays_silent_on_SQLite()
    {
        Assert.Empty(History.Sqlite().Migration("LinkOrders", m => m.AddForeignKey("FK_Orders_Customers_CustomerId", "Orders", "CustomerId", "Customers")).Lint(Id));
    }
}
