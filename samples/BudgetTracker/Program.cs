using BudgetTracker;
using Microsoft.EntityFrameworkCore;

// Prints the tables the model maps; needs no database. `schemalint audit samples/BudgetTracker` reviews the model.
using var context = new DesignTimeBudgetContextFactory().CreateDbContext(args);
foreach (var entityType in context.Model.GetEntityTypes())
    Console.WriteLine($"{entityType.ClrType.Name} -> {entityType.GetTableName()}");
