using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SqlServerAnalyzedApp;

public class User
{
    public int Id { get; set; }
    public List<Category> Categories { get; set; } = new();
    public List<Expense> Expenses { get; set; } = new();
}

public class Category
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public List<Expense> Expenses { get; set; } = new();
}

public class Expense
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
#if AUDIT_WITH_AMOUNT
    // Only in a build given -p:DefineConstants=AUDIT_WITH_AMOUNT: proves that the audit passes properties to the build.
    public double Amount { get; set; }
#endif
}

// Deleting a User cascades to Expense twice: directly, and through Category. SQL Server rejects such a schema (SL1006).
public class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Expense> Expenses => Set<Expense>();
}

public class LedgerContextFactory : IDesignTimeDbContextFactory<LedgerContext>
{
    public LedgerContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LedgerContext>().UseSqlServer("Server=localhost;Database=ledger;Trusted_Connection=True").Options);
}
