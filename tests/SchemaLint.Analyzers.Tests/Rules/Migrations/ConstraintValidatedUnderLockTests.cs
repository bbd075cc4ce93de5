using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

public sealed class ConstraintValidatedUnderLockTests
{
    private const string Id = "SL7005";

    [Fact]
    public Task Fires_on_a_foreign_key_added_to_an_existing_table() => Verify(Id, Migration("20240201000000_AddCoupons", "AddCoupons", """
                    migrationBuilder.AddColumn<int>(name: "CouponId", table: "Orders", type: "integer", nullable: true);
                    migrationBuilder.CreateTable(
                        name: "Coupons",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Coupons", x => x.Id));
                    migrationBuilder.{|SL7005:AddForeignKey|}(name: "FK_Orders_Coupons_CouponId", table: "Orders", column: "CouponId", principalTable: "Coupons", principalColumn: "Id");
        """));

    [Fact]
    public Task Fires_on_a_check_constraint_added_to_an_existing_table() => Verify(Id, Migration("20240201000000_PositiveTotal", "PositiveTotal", """
                    migrationBuilder.{|SL7005:AddCheckConstraint|}(name: "CK_Orders_Total", table: "Orders", sql: "\"Total\" > 0");
        """));

    [Fact]
    public Task Stays_silent_on_the_foreign_key_a_new_table_declares() => Verify(Id, Migration("20240201000000_AddReviews", "AddReviews", """
                    migrationBuilder.CreateTable(
                        name: "Reviews",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false), CustomerId = table.Column<int>(type: "integer", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Reviews", x => x.Id));
                    migrationBuilder.AddForeignKey(name: "FK_Reviews_Customers_CustomerId", table: "Reviews", column: "CustomerId", principalTable: "Customers", principalColumn: "Id");
        """));

    [Fact]
    public Task Stays_silent_on_the_NOT_VALID_then_VALIDATE_recipe() => Verify(Id, Migration("20240201000000_PositiveTotal", "PositiveTotal", """
                    migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"CK_Orders_Total\" CHECK (\"Total\" > 0) NOT VALID;");
                    migrationBuilder.Sql("ALTER TABLE \"Orders\" VALIDATE CONSTRAINT \"CK_Orders_Total\";");
        """));
}
