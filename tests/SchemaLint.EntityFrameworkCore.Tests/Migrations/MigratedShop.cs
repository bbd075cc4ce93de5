using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

/// <summary>A context whose migrations live in this assembly, found by EF Core's IMigrationsAssembly as the audit finds them.</summary>
public sealed class MigratedShopContext : DbContext
{
    public DbSet<MigratedCustomer> Customers => Set<MigratedCustomer>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseNpgsql("Host=localhost;Database=migrated_shop");
}

public sealed class MigratedCustomer
{
    public int Id { get; set; }

    public string? Email { get; set; }
}

[DbContext(typeof(MigratedShopContext))]
[Migration("20240101000000_Initial")]
public sealed class MigratedShopInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Customers",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false),
                Email = table.Column<string>(type: "text", nullable: true),
                Notes = table.Column<string>(type: "text", nullable: true),
                Legacy = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
    }
}

[DbContext(typeof(MigratedShopContext))]
[Migration("20240201000000_IndexEmail")]
public sealed class MigratedShopIndexEmail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
    }
}

[DbContext(typeof(MigratedShopContext))]
[Migration("20240401000000_DropLegacy")]
public sealed class MigratedShopDropLegacy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Legacy", table: "Customers");
    }
}
