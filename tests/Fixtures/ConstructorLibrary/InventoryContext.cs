using Microsoft.EntityFrameworkCore;

namespace ConstructorLibrary;

public class InventoryContext : DbContext
{
    public DbSet<StockItem> StockItems => Set<StockItem>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseNpgsql("Host=localhost;Database=inventory");
}

public class StockItem
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public float Cost { get; set; }
}
