using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImportTwiceApp;

public class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
{
    public DbSet<Posting> Postings => Set<Posting>();
}

public class LedgerContextFactory : IDesignTimeDbContextFactory<LedgerContext>
{
    public LedgerContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LedgerContext>().UseNpgsql("Host=localhost;Database=ledger").Options);
}

public class Posting
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public double Amount { get; set; }
}
