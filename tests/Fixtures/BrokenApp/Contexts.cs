using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BrokenApp;

public class ThrowingConstructorContext : DbContext
{
    public ThrowingConstructorContext() => throw new InvalidOperationException("The inventory database is not configured.");
}

public class FactoryFailureContext : DbContext
{
    public FactoryFailureContext(DbContextOptions<FactoryFailureContext> options)
        : base(options)
    {
    }
}

public class FailingFactory : IDesignTimeDbContextFactory<FactoryFailureContext>
{
    public FactoryFailureContext CreateDbContext(string[] args) => throw new InvalidOperationException("No connection string for design time.");
}

public class BrokenModelContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql("Host=localhost;Database=broken");

    // A table with no key that is not declared keyless: EF Core refuses to build the model.
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Reading>();
}

public class Reading
{
    public string Sensor { get; set; } = "";

    public double Value { get; set; }
}
