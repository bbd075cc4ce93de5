using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>
/// Mappings that share, split or hide columns, on SQLite (TPH, TPT, owned types in the owner's table and in their own, a
/// many-to-many join, a filtered unique index, a composite key, a keyless view): a file EF Core created from them must give
/// no database findings.
/// </summary>
public sealed class SqliteMappingShapesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "schemalint-sqlite-shapes-" + Guid.NewGuid().ToString("N")[..12] + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(path);
    }

    [Fact]
    public void An_intact_database_with_every_mapping_shape_gives_no_database_findings()
    {
        using var context = new ShapesContext(new DbContextOptionsBuilder<ShapesContext>().UseSqlite("Data Source=" + _file).Options);
        context.Database.EnsureCreated();

        var report = LiveDatabaseAudit.Run(context, "Data Source=" + _file);

        Assert.DoesNotContain(report.Findings, f => f.Rule.RequiresDatabase);
        Assert.Equal(["Company", "Order", "OrderLine", "Party", "Product", "ProductTag", "Tag"], report.Model.LiveDatabase!.Tables.Select(t => t.Name).Order());
    }

    private sealed class ShapesContext(DbContextOptions<ShapesContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Product>().HasDiscriminator<string>("Kind").HasValue<Product>("physical").HasValue<DigitalProduct>("digital");
            modelBuilder.Entity<Product>().HasIndex(p => p.Sku).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
            modelBuilder.Entity<Product>().HasMany(p => p.Tags).WithMany(t => t.Products);

            modelBuilder.Entity<Party>().UseTptMappingStrategy();
            modelBuilder.Entity<Company>();
            modelBuilder.Entity<Party>().OwnsOne(p => p.Address);

            modelBuilder.Entity<Order>().OwnsMany(o => o.Lines, l =>
            {
                l.WithOwner().HasForeignKey(x => x.OrderId);
                l.HasKey(x => new { x.OrderId, x.LineNumber });
            });
            modelBuilder.Entity<Order>().HasOne(o => o.Party).WithMany().OnDelete(DeleteBehavior.Restrict);

            modelBuilder.Entity<ProductSales>().HasNoKey().ToView("product_sales");
        }
    }

    private class Product
    {
        public int Id { get; set; }
        [MaxLength(64)] public string Sku { get; set; } = "";
        public DateTime? DeletedAt { get; set; }
        public List<Tag> Tags { get; set; } = [];
    }

    private sealed class DigitalProduct : Product
    {
        [MaxLength(2048)] public string DownloadUrl { get; set; } = "";
    }

    private sealed class Tag
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public List<Product> Products { get; set; } = [];
    }

    private class Party
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public Address Address { get; set; } = new();
    }

    private sealed class Company : Party
    {
        public string RegistrationNumber { get; set; } = "";
    }

    private sealed class Address
    {
        public string Street { get; set; } = "";
        public string City { get; set; } = "";
    }

    private sealed class Order
    {
        public int Id { get; set; }
        public int PartyId { get; set; }
        public Party Party { get; set; } = null!;
        public List<OrderLine> Lines { get; set; } = [];
    }

    private sealed class OrderLine
    {
        public int OrderId { get; set; }
        public int LineNumber { get; set; }
        public decimal Quantity { get; set; }
    }

    private sealed class ProductSales
    {
        public int ProductId { get; set; }
        public decimal Total { get; set; }
    }
}
