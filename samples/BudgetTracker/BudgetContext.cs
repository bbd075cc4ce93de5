using BudgetTracker.Model;
using Microsoft.EntityFrameworkCore;

namespace BudgetTracker;

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
        modelBuilder.Entity<Category>()
            .Property(c => c.Color)
            .HasDefaultValue("#808080");

        modelBuilder.Entity<Expense>()
            .Property(e => e.Date)
            .HasDefaultValueSql("CURRENT_DATE");
    }
}
