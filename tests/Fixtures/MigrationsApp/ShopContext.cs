using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MigrationsApp;

public class ShopContext : DbContext
{
    public ShopContext(DbContextOptions<ShopContext> options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Coupon> Coupons => Set<Coupon>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(18, 2);
        modelBuilder.Entity<Customer>().HasIndex(c => c.Email).IsUnique().IsCreatedConcurrently();
        modelBuilder.Entity<Order>().HasIndex(o => o.CouponId).IsCreatedConcurrently();
        modelBuilder.Entity<Coupon>().HasIndex(c => c.Code).IsUnique();
    }
}

public class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
{
    public ShopContext CreateDbContext(string[] args) =>
        new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseNpgsql("Host=localhost;Database=shop").Options);
}
