using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SqliteApp;

public class StoreContext : DbContext
{
    public StoreContext(DbContextOptions<StoreContext> options)
        : base(options)
    {
    }

    public DbSet<Shopper> Shoppers => Set<Shopper>();

    public DbSet<Purchase> Purchases => Set<Purchase>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shopper>().HasIndex(s => s.Email).IsUnique();
        modelBuilder.Entity<Purchase>().ToTable(t => t.HasCheckConstraint("CK_Purchases_Quantity", "\"Quantity\" > 0"));
    }
}

/// <summary>Creation path 1 for the store: a design-time factory, with the connection string the application deploys with.</summary>
public class StoreContextFactory : IDesignTimeDbContextFactory<StoreContext>
{
    public StoreContext CreateDbContext(string[] args) =>
        new StoreContext(new DbContextOptionsBuilder<StoreContext>().UseSqlite("Data Source=app.db").Options);
}

/// <summary>Creation path 3: a parameterless constructor with OnConfiguring.</summary>
public class ArchiveContext : DbContext
{
    public DbSet<ArchivedPurchase> Purchases => Set<ArchivedPurchase>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=archive.db");
}

public class Shopper
{
    public int Id { get; set; }

    [MaxLength(254)]
    public string Email { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public class Purchase
{
    public int Id { get; set; }

    public int ShopperId { get; set; }

    public Shopper Shopper { get; set; } = null!;

    public int Quantity { get; set; }

    /// <summary>Money as a double: SL2001 on every provider.</summary>
    public double Amount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public class ArchivedPurchase
{
    public int Id { get; set; }

    public DateTime ArchivedAt { get; set; }
}
