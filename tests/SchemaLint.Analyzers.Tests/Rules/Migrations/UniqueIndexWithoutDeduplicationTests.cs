using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

public sealed class UniqueIndexWithoutDeduplicationTests
{
    private const string Id = "SL7006";

    [Fact]
    public Task Fires_on_a_unique_index_added_to_an_existing_table() => Verify(Id, Migration("20240201000000_UniqueEmail", "UniqueEmail", """
                    migrationBuilder.{|SL7006:CreateIndex|}(name: "IX_Customers_Email", table: "Customers", column: "Email", unique: true)
                        .Annotation("Npgsql:CreatedConcurrently", true);
        """));

    [Fact]
    public Task Stays_silent_when_duplicates_are_removed_first() => Verify(Id, Migration("20240201000000_UniqueEmail", "UniqueEmail", """
                    migrationBuilder.Sql("DELETE FROM \"Customers\" a USING \"Customers\" b WHERE a.\"Id\" > b.\"Id\" AND a.\"Email\" = b.\"Email\";");
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email", unique: true);
        """));

    [Fact]
    public Task Stays_silent_on_a_unique_index_of_a_table_created_in_the_same_migration() => Verify(Id, Migration("20240201000000_AddCoupons", "AddCoupons", """
                    migrationBuilder.CreateTable(
                        name: "Coupons",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false), Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Coupons", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Coupons_Code", table: "Coupons", column: "Code", unique: true);
        """));

    [Fact]
    public Task Reads_the_columns_of_a_multi_column_unique_index() => Verify(Id, Migration("20240201000000_UniqueNameEmail", "UniqueNameEmail", """
                    migrationBuilder.{|SL7006:CreateIndex|}(name: "IX_Customers_Name_Email", table: "Customers", columns: new[] { "Name", "Email" }, unique: true);
        """));
}
