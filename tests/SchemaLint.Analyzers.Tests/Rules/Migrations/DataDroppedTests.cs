using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

public sealed class DataDroppedTests
{
    private const string Id = "SL7003";

    [Fact]
    public Task Fires_on_a_dropped_column() => Verify(Id, Migration("20240201000000_DropEmail", "DropEmail", """
                    migrationBuilder.{|SL7003:DropColumn|}(name: "Email", table: "Customers");
        """));

    [Fact]
    public Task Fires_on_a_dropped_table() => Verify(Id, Migration("20240201000000_DropOrders", "DropOrders", """
                    migrationBuilder.{|SL7003:DropTable|}(name: "Orders");
        """));

    [Fact]
    public async Task Names_a_rename_scaffolded_as_drop_and_add()
    {
        var diagnostics = await Verify(Id, Migration("20240201000000_RenameEmail", "RenameEmail", """
                    migrationBuilder.{|SL7003:DropColumn|}(name: "Email", table: "Customers");
                    migrationBuilder.AddColumn<string>(name: "EmailAddress", table: "Customers", type: "text", nullable: true);
        """));

        Assert.Contains("migrationBuilder.RenameColumn(name: \"Email\", table: \"Customers\", newName: \"EmailAddress\")", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Stays_silent_on_a_real_rename_that_keeps_the_data() => Verify(Id, Migration("20240201000000_RenameEmail", "RenameEmail", """
                    migrationBuilder.RenameColumn(name: "Email", table: "Customers", newName: "EmailAddress");
        """));

    [Fact]
    public Task Stays_silent_on_a_deliberate_drop_marked_reviewed() => Verify(Id, Migration("20240201000000_DropEmail", "DropEmail", """
                    // schemalint: reviewed SL7003 -- emails moved to the Contacts service in 2024-01, see ADR 12
                    migrationBuilder.DropColumn(name: "Email", table: "Customers");
        """));
}
