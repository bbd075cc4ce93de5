using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class DataDroppedTests
{
    private const string Id = RuleIds.DataDropped;

    [Fact]
    public void Fires_on_a_dropped_column()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("DropEmail", m => m.DropColumn("Customers", "Email")).Lint(Id));

        Assert.StartsWith("Migration 'DropEmail' drops column \"Customers\".\"Email\": its data is gone once the migration runs, and Down brings back an empty column", finding.Message);
        Assert.DoesNotContain("RenameColumn", finding.Message);
    }

    [Fact]
    public void Fires_on_a_dropped_table()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("DropOrders", m => m.DropTable("Orders")).Lint(Id));

        Assert.StartsWith("Migration 'DropOrders' drops table \"Orders\"", finding.Message);
    }

    [Fact]
    public void Names_a_rename_scaffolded_as_drop_and_add_of_the_same_type()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("RenameEmail", m => m
            .AddColumn("Customers", Col.Text("EmailAddress", "text", nullable: true))
            .DropColumn("Customers", "Email")).Lint(Id));

        Assert.Contains("adds \"EmailAddress\" of the same type", finding.Message);
        Assert.Contains("migrationBuilder.RenameColumn(name: \"Email\", table: \"Customers\", newName: \"EmailAddress\")", finding.Message);
    }

    [Fact]
    public void A_drop_and_an_add_of_another_type_is_not_called_a_rename()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("ReplaceEmail", m => m
            .DropColumn("Customers", "Email")
            .AddColumn("Customers", Col.Int("EmailId", nullable: true))).Lint(Id));

        Assert.DoesNotContain("RenameColumn", finding.Message);
    }

    [Fact]
    public void A_drop_and_an_add_on_another_table_is_not_called_a_rename()
    {
        var finding = Assert.Single(History.PostgreSqlShop().Migration("MoveEmail", m => m
            .DropColumn("Customers", "Email")
            .AddColumn("Orders", Col.Text("Email", "text", nullable: true))).Lint(Id));

        Assert.DoesNotContain("RenameColumn", finding.Message);
    }

    [Fact]
    public void Stays_silent_on_a_real_rename_that_keeps_the_data()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("RenameEmail", m => m.RenameColumn("Customers", "Email", "EmailAddress")).Lint(Id));
    }

    [Fact]
    public void Follows_a_rename_to_the_type_of_the_column_dropped_later()
    {
        var finding = Assert.Single(History.PostgreSqlShop()
            .Migration("RenameEmail", m => m.RenameColumn("Customers", "Email", "Mail"))
            .Migration("ReplaceMail", m => m.DropColumn("Customers", "Mail").AddColumn("Customers", Col.Text("Contact", "text", nullable: true)))
            .Lint(Id));

        Assert.Contains("RenameColumn(name: \"Mail\"", finding.Message);
    }

    [Fact]
    public void Stays_silent_on_a_column_the_same_migration_added()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("Scratch", m => m
            .AddColumn("Customers", Col.Text("Scratch", "text", nullable: true))
            .DropColumn("Customers", "Scratch")).Lint(Id));
    }

    [Fact]
    public void Stays_silent_on_a_deliberate_drop_marked_reviewed()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("DropEmail", m => m.DropColumn("Customers", "Email").Reviewed("SL7003")).Lint(Id));
    }

    [Fact]
    public void A_star_marks_every_rule_reviewed()
    {
        Assert.Empty(History.PostgreSqlShop().Migration("DropEmail", m => m.DropColumn("Customers", "Email").Reviewed("*")).Lint(Id));
    }
}
