using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

public sealed class ColumnNarrowedOrRewrittenTests
{
    private const string Id = "SL7004";

    [Fact]
    public Task Fires_on_text_made_shorter_as_EF_Core_scaffolds_it() => Verify(Id, Migration("20240201000000_ShortenName", "ShortenName", """
                    migrationBuilder.{|SL7004:AlterColumn|}<string>(
                        name: "Name",
                        table: "Customers",
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying(200)",
                        oldMaxLength: 200);
        """));

    [Fact]
    public Task Stays_silent_on_text_made_longer() => Verify(Id, Migration("20240201000000_LengthenName", "LengthenName", """
                    migrationBuilder.AlterColumn<string>(name: "Name", table: "Customers", type: "character varying(500)", maxLength: 500, nullable: false,
                        oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200);
        """));

    [Fact]
    public Task Fires_on_fewer_digits_after_the_point() => Verify(Id, Migration("20240201000000_RoundTotal", "RoundTotal", """
                    migrationBuilder.{|SL7004:AlterColumn|}<decimal>(name: "Total", table: "Orders", type: "numeric(18,0)", precision: 18, scale: 0, nullable: false,
                        oldClrType: typeof(decimal), oldType: "numeric(18,2)", oldPrecision: 18, oldScale: 2);
        """));

    [Fact]
    public Task Fires_on_a_change_of_type_family() => Verify(Id, Migration("20240201000000_NumericEmail", "NumericEmail", """
                    migrationBuilder.{|SL7004:AlterColumn|}<int>(name: "Email", table: "Customers", type: "integer", nullable: true,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """));

    [Fact]
    public Task Stays_silent_on_a_nullability_change_alone() => Verify(Id, Migration("20240201000000_OptionalName", "OptionalName", """
                    migrationBuilder.AlterColumn<string>(name: "Name", table: "Customers", type: "character varying(200)", maxLength: 200, nullable: true,
                        oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200);
        """));
}
