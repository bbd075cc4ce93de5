using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>
/// A small SQLite application's model with one of everything the database check compares: a rowid key, a foreign key and its
/// index, a unique index, a check constraint, a SQL default and a constant default, a nullable and a required column.
/// </summary>
public class StoreContext(DbContextOptions<StoreContext> options) : DbContext(options)
{
    public DbSet<Shopper> Shoppers => Set<Shopper>();
    public DbSet<Purchase> Purchases => Set<Purchase>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shopper>().HasIndex(s => s.Email).IsUnique();
        modelBuilder.Entity<Shopper>().Property(s => s.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");

        modelBuilder.Entity<Purchase>().HasOne(p => p.Shopper).WithMany(s => s.Purchases).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<Purchase>().Property(p => p.Total).HasPrecision(12, 2);
        modelBuilder.Entity<Purchase>().Property(p => p.Status).HasDefaultValue("new");
        modelBuilder.Entity<Purchase>().ToTable(t => t.HasCheckConstraint("CK_Purchases_Total", "\"Total\" >= 0"));
    }
}

public class Shopper
{
    public int Id { get; set; }
    [MaxLength(254)] public string Email { get; set; } = "";
    [MaxLength(100)] public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<Purchase> Purchases { get; set; } = [];
}

public class Purchase
{
    public int Id { get; set; }
    public int ShopperId { get; set; }
    public Shopper Shopper { get; set; } = null!;
    public decimal Total { get; set; }
    [MaxLength(20)] public string Status { get; set; } = "";
    [MaxLength(500)] public string? Note { get; set; }
}
