using SchemaLint.Core.Model.Migrations;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class NotNullWithoutDefaultOrBackfillTests
{
    private const string Id = RuleIds.NotNullWithoutDefaultOrBackfill;

    private static ColumnDefinition Email(bool nullable, bool hasDefault = false, bool placeholder = false) =>
        new() { Name = "Email", ClrType = "String", StoreType = "text", IsNullable = nullable, HasDefault = hasDefault, IsPlaceholderDefault = placeholder };

    [Fact]
    public void Fires_on_a_NOT_NULL_column_added_to_an_existing_table_without_a_default()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("AddPhone", m => m.AddColumn("Customers", Col.Text("Phone", "text", nullable: false))).Lint(Id));

        Assert.StartsWith("Migration 'AddPhone' adds NOT NULL column \"Customers\".\"Phone\" without a default to an existing table: on a table with rows the migration fails", finding.Message);
    }

    [Fact]
    public void Stays_silent_on_a_NOT_NULL_column_added_with_a_default()
    {
        var phone = Col.Text("Phone", "text", nullable: false);
        phone.HasDefault = true;

        Assert.Empty(History.PostgreSqlShop().Migration("AddPhone", m => m.AddColumn("Customers", phone)).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_NOT_NULL_column_added_to_a_table_the_migration_created()
    {
        Assert.Empty(History.PostgreSql().Migration("Initial", m => m
            .CreateTable("Customers", Col.Int("Id"))
            .AddColumn("Customers", Col.Text("Phone", "text", nullable: false))).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_an_identity_column()
    {
        var id = Col.Int("Number");
        id.IsIdentity = true;

        Assert.Empty(History.PostgreSqlShop().Migration("AddNumber", m => m.AddColumn("Customers", id)).Lint(Id));
    }

    [Fact]
    public void Fires_on_nullable_to_NOT_NULL_without_a_backfill()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("RequireEmail", m => m.AlterColumn("Customers", Email(false), Email(true))).Lint(Id));

        Assert.Contains("makes \"Customers\".\"Email\" NOT NULL with no default and no earlier step that fills its NULLs: if any row holds NULL the migration fails", finding.Message);
        Assert.Contains("ACCESS EXCLUSIVE", finding.Message);
    }

    [Fact]
    public void Fires_on_the_placeholder_default_EF_Core_scaffolds_for_a_required_column()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("RequireEmail", m => m.AlterColumn("Customers", Email(false, hasDefault: true, placeholder: true), Email(true))).Lint(Id));

        Assert.Contains("placeholder default", finding.Message);
    }

    [Fact]
    public void Stays_silent_when_a_chosen_default_fills_the_NULLs()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("RequireEmail", m => m.AlterColumn("Customers", Email(false, hasDefault: true), Email(true))).Lint(Id));
    }

    [Fact]
    public void Stays_silent_when_the_same_migration_backfills_before_the_alter()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("RequireEmail", m => m
            .Sql("UPDATE \"Customers\" SET \"Email\" = 'unknown@example.com' WHERE \"Email\" IS NULL")
            .AlterColumn("Customers", Email(false), Email(true))).Lint(Id));
    }

    [Fact]
    public void Fires_when_the_backfill_comes_after_the_alter()
    {
        Assert.Single(History.PostgreSqlShop().Migration("RequireEmail", m => m
            .AlterColumn("Customers", Email(false), Email(true))
            .Sql("UPDATE \"Customers\" SET \"Email\" = '' WHERE \"Email\" IS NULL")).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_column_added_nullable_then_filled_then_made_NOT_NULL_across_migrations()
    {
        var findings = History.PostgreSql()
            .Migration("Initial", m => m.CreateTable("Customers", Col.Int("Id")))
            .Migration("AddEmail", m => m.AddColumn("Customers", Email(true)))
            .Migration("FillEmail", m => m.Sql("UPDATE \"Customers\" SET \"Email\" = concat('user', \"Id\", '@example.com') WHERE \"Email\" IS NULL"))
            .Migration("RequireEmail", m => m.AlterColumn("Customers", Email(false), Email(true)))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void A_backfill_of_another_column_does_not_count()
    {
        Assert.Single(History.PostgreSqlShop().Migration("RequireEmail", m => m
            .Sql("UPDATE \"Customers\" SET \"Name\" = '' WHERE \"Name\" IS NULL")
            .AlterColumn("Customers", Email(false), Email(true))).Lint(Id));
    }

    [Fact]
    public void Stays_silent_when_raw_SQL_it_cannot_read_may_be_the_backfill()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("RequireEmail", m => m.Sql(null).AlterColumn("Customers", Email(false), Email(true))).Lint(Id));
    }

    [Fact]
    public void Stays_silent_when_Up_does_something_the_front_end_could_not_read()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("RequireEmail", m => m.Unread().AlterColumn("Customers", Email(false), Email(true))).Lint(Id));
    }

    [Fact]
    public void Leaves_the_lock_advice_to_PostgreSQL()
    {
        var finding = Assert.Single(History.SqlServer().Migration("Initial", m => m.CreateTable("Customers", Col.Int("Id"), Email(true)))
            .Migration("RequireEmail", m => m.AlterColumn("Customers", Email(false), Email(true))).Lint(Id));

        Assert.DoesNotContain("ACCESS EXCLUSIVE", finding.Message);
    }
}
