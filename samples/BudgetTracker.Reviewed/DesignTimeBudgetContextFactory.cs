using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BudgetTracker.Reviewed;

/// <summary>Lets design-time tools (dotnet ef, schemalint audit) create the context without the application's configuration or a database.</summary>
public class DesignTimeBudgetContextFactory : IDesignTimeDbContextFactory<BudgetContext>
{
    public BudgetContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("BUDGET_DB") ?? "Host=localhost;Database=budget;Username=budget";
        var options = new DbContextOptionsBuilder<BudgetContext>().UseNpgsql(connectionString).Options;
        return new BudgetContext(options);
    }
}
