using FactoryApp;
using Microsoft.EntityFrameworkCore;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>FactoryApp's schema (Products, Reviews with an indexed foreign key), created by EF Core in a scratch database that a test may then break.</summary>
public sealed class ShopDatabase : IDisposable
{
    private readonly ScratchDatabase _database = new();

    public ShopDatabase()
    {
        using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseNpgsql(_database.ConnectionString).Options);
        context.Database.EnsureCreated();
    }

    public string Name => _database.Name;

    public string ConnectionString => _database.ConnectionString;

    public void Execute(string sql) => _database.Execute(sql);

    public void Dispose() => _database.Dispose();
}
