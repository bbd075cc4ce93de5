using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>
/// Mappings that share, split or hide columns (TPH, owned types in the owner's table and in their own, JSON, a many-to-many
/// join, a filtered unique index, a composite key, arrays, enums, a second schema, a keyless view): an intact database
/// created from it must give no database findings.
/// </summary>
public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ProductSales> ProductSales => Set<ProductSales>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>().HasDiscriminator<string>("Kind").HasValue<Product>("physical").HasValue<DigitalProduct>("digital");
        modelBuilder.Entity<Product>().HasIndex(p => p.Sku).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        modelBuilder.Entity<Product>().Property(p => p.Price).HasPrecision(12, 2);
        modelBuilder.Entity<Product>().ToTable(t => t.HasCheckConstraint("CK_Products_Price", "\"Price\" >= 0"));
        modelBuilder.Entity<Product>().HasMany(p => p.Tags).WithMany(t => t.Products);

        modelBuilder.Entity<Customer>().ToTable("customers", "crm");
        modelBuilder.Entity<Customer>().OwnsOne(c => c.Address);
        modelBuilder.Entity<Customer>().OwnsOne(c => c.Preferences, p => p.ToJson());
        modelBuilder.Entity<Customer>().Property(c => c.Status).HasDefaultValue(CustomerStatus.Active);

        modelBuilder.Entity<Order>().OwnsMany(o => o.Lines, l =>
        {
            l.WithOwner().HasForeignKey(x => x.OrderId);
            l.HasKey(x => new { x.OrderId, x.LineNumber });
            l.Property(x => x.UnitPrice).HasPrecision(12, 2);
        });
        modelBuilder.Entity<Order>().HasOne(o => o.Customer).WithMany().OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<Order>().Property(o => o.PlacedAt).HasDefaultValueSql("now()");

        modelBuilder.Entity<ProductSales>().HasNoKey().ToView("product_sales");
    }
}

public class Product
{
    public int Id { get; set; }
    [MaxLength(64)] public string Sku { get; set; } = "";
    [MaxLength(200)] public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public string[] Keywords { get; set; } = [];
    public DateTime? DeletedAt { get; set; }
    public List<Tag> Tags { get; set; } = [];
}

public class DigitalProduct : Product
{
    [MaxLength(2048)] public string DownloadUrl { get; set; } = "";
    public long SizeInBytes { get; set; }
}

public class Tag
{
    public int Id { get; set; }
    [MaxLength(50)] public string Label { get; set; } = "";
    public List<Product> Products { get; set; } = [];
}

public enum CustomerStatus { Active, Suspended }

public class Customer
{
    public Guid Id { get; set; }
    [MaxLength(254)] public string Email { get; set; } = "";
    public CustomerStatus Status { get; set; }
    public Address Address { get; set; } = new();
    public Preferences? Preferences { get; set; }
}

public class Address
{
    [MaxLength(200)] public string Street { get; set; } = "";
    [MaxLength(16)] public string PostalCode { get; set; } = "";
}

public class Preferences
{
    public bool Newsletter { get; set; }
    public string? Language { get; set; }
}

public class Order
{
    public int Id { get; set; }
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public DateTime PlacedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}

public class OrderLine
{
    public int OrderId { get; set; }
    public int LineNumber { get; set; }
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

public class ProductSales
{
    public int ProductId { get; set; }
    public decimal Revenue { get; set; }
}
