using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartialApp;

// Declared in the order the audit meets them (factories in declaration order): the healthy context comes last, after
// every kind of failure, so that nothing before it may cost its report.

public class RejectedModelContext(DbContextOptions<RejectedModelContext> options) : DbContext(options)
{
    // An exception message without a closing period, as application code often throws them.
    protected override void OnModelCreating(ModelBuilder modelBuilder) => throw new InvalidOperationException("The tenant schema says no");
}

public class RejectedModelFactory : IDesignTimeDbContextFactory<RejectedModelContext>
{
    public RejectedModelContext CreateDbContext(string[] args) => new(Options.For<RejectedModelContext>());
}

public class EndlessModelContext(DbContextOptions<EndlessModelContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        while (true)
        {
            // Waits for a convention that never converges, at full CPU.
        }
    }
}

public class EndlessModelFactory : IDesignTimeDbContextFactory<EndlessModelContext>
{
    public EndlessModelContext CreateDbContext(string[] args) => new(Options.For<EndlessModelContext>());
}

public class OverflowingContext(DbContextOptions<OverflowingContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => Configure(modelBuilder, 0);

    // Endless recursion: the runtime ends the whole process, which no catch can prevent.
    private static int Configure(ModelBuilder modelBuilder, int depth) => Configure(modelBuilder, depth + 1) + 1;
}

public class OverflowingFactory : IDesignTimeDbContextFactory<OverflowingContext>
{
    public OverflowingContext CreateDbContext(string[] args) => new(Options.For<OverflowingContext>());
}

public class StoreContext(DbContextOptions<StoreContext> options) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();
}

public class StoreFactory : IDesignTimeDbContextFactory<StoreContext>
{
    public StoreContext CreateDbContext(string[] args) => new(Options.For<StoreContext>());
}

public class Invoice
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public double Total { get; set; }
}

internal static class Options
{
    public static DbContextOptions<T> For<T>()
        where T : DbContext => new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=partial").Options;
}
