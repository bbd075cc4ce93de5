using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

// schemalint: reviewed SL7003 -- the notes were exported to the CRM before this migration shipped.
namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

[DbContext(typeof(MigratedShopContext))]
[Migration("20240301000000_DropNotes")]
public sealed class MigratedShopDropNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Notes", table: "Customers");
    }
}
