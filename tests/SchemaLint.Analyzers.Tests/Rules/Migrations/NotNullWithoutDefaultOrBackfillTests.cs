using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

public sealed class NotNullWithoutDefaultOrBackfillTests
{
    private const string Id = "SL7002";

    [Fact]
    public Task Fires_on_a_NOT_NULL_column_added_without_a_default() => Verify(Id, Migration("20240201000000_AddPhone", "AddPhone", """
                    migrationBuilder.{|SL7002:AddColumn|}<string>(name: "Phone", table: "Customers", type: "text", nullable: false);
        """));

    [Fact]
    public Task Stays_silent_on_the_default_EF_Core_scaffolds_for_an_added_required_column() => Verify(Id, Migration("20240201000000_AddPhone", "AddPhone", """
                    migrationBuilder.AddColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: false, defaultValue: "");
        """));

    [Fact]
    public Task Stays_silent_on_a_nullable_column_added() => Verify(Id, Migration("20240201000000_AddPhone", "AddPhone", """
                    migrationBuilder.AddColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: true);
        """));

    [Fact]
    public Task Fires_on_nullable_to_NOT_NULL_without_a_backfill() => Verify(Id, Migration("20240201000000_RequireEmail", "RequireEmail", """
                    migrationBuilder.{|SL7002:AlterColumn|}<string>(
                        name: "Email",
                        table: "Customers",
                        type: "text",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);
        """));

    [Fact]
    public Task Fires_on_the_placeholder_default_EF_Core_scaffolds_for_a_column_made_required() => Verify(Id, Migration("20240201000000_RequireEmail", "RequireEmail", """
                    migrationBuilder.{|SL7002:AlterColumn|}<string>(
                        name: "Email",
                        table: "Customers",
                        type: "text",
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);
        """));

    [Fact]
    public Task Stays_silent_on_a_default_someone_chose() => Verify(Id, Migration("20240201000000_RequireEmail", "RequireEmail", """
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: false, defaultValue: "unknown@example.com",
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """));

    [Fact]
    public Task Stays_silent_when_the_column_was_added_nullable_then_filled_then_made_NOT_NULL_across_migrations() => Verify(Id,
        Migration("20240201000000_AddPhone", "AddPhone", """
                    migrationBuilder.AddColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: true);
        """),
        Migration("20240301000000_FillPhone", "FillPhone", """
                    migrationBuilder.Sql("UPDATE \"Customers\" SET \"Phone\" = 'unknown' WHERE \"Phone\" IS NULL");
        """),
        Migration("20240401000000_RequirePhone", "RequirePhone", """
                    migrationBuilder.AlterColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: false,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """));

    [Fact]
    public Task Stays_silent_when_a_helper_it_cannot_read_may_backfill() => Verify(Id, Migration("20240201000000_RequireEmail", "RequireEmail", """
                    Backfill(migrationBuilder);
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: false,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
                }

                private static void Backfill(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("UPDATE \"Customers\" SET \"Email\" = 'x' WHERE \"Email\" IS NULL");
        """));
}
