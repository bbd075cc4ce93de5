using BudgetTracker.Reviewed.Model;
using Microsoft.EntityFrameworkCore;

namespace BudgetTracker.Reviewed;

public class BudgetContext : DbContext
{
    public BudgetContext(DbContextOptions<BudgetContext> options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Expense> Expenses => Set<Expense>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ExpenseConfiguration());

        modelBuilder.Entity<Category>().Property(c => c.Color).HasDefaultValue("#808080");

        // The database stamps rows itself, so rows written by scripts or other services get timestamps too.
        modelBuilder.Entity<User>().Property(u => u.CreatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<User>().Property(u => u.UpdatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<Category>().Property(c => c.CreatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<Category>().Property(c => c.UpdatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<Expense>().Property(e => e.CreatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<Expense>().Property(e => e.UpdatedAt).HasDefaultValueSql("now()");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampUpdatedRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampUpdatedRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampUpdatedRows()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            switch (entry.Entity)
            {
                case User user: user.UpdatedAt = now; break;
                case Category category: category.UpdatedAt = now; break;
                case Expense expense: expense.UpdatedAt = now; break;
            }
        }
    }
}
