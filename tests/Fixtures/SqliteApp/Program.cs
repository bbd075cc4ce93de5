using Microsoft.EntityFrameworkCore;
using SqliteApp;

// `SqliteApp create <file>` creates the store's database file with this application's own EF Core, as a deployment would.
if (args is ["create", var file])
{
    using var context = new StoreContext(new DbContextOptionsBuilder<StoreContext>().UseSqlite("Data Source=" + file).Options);
    context.Database.EnsureCreated();
    Console.WriteLine($"Created {file} with EF Core {typeof(DbContext).Assembly.GetName().Version}.");
    return;
}

Console.WriteLine("SqliteApp ran its Main.");
