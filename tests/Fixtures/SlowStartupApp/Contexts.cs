using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SlowStartupApp;

/// <summary>Registered by the host that Main never gets to build.</summary>
public class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();
}

/// <summary>Has a design-time factory, so it needs nothing from the application's startup.</summary>
public class AuditTrailContext(DbContextOptions<AuditTrailContext> options) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();
}

public class AuditTrailFactory : IDesignTimeDbContextFactory<AuditTrailContext>
{
    public AuditTrailContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuditTrailContext>().UseNpgsql("Host=localhost;Database=audit").Options);
}

public class Loan
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public double Fee { get; set; }
}
