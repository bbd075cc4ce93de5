using BudgetTracker.Reviewed;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>The reviewed budget-tracker sample's schema, created by EF Core in a scratch database that a test then breaks.</summary>
public sealed class BudgetDatabase : IDisposable
{
    private readonly ScratchDatabase _database = new();

    public BudgetDatabase()
    {
        using var context = CreateContext();
        context.Database.EnsureCreated();
    }

    public string ConnectionString => _database.ConnectionString;

    public string Name => _database.Name;

    public BudgetContext CreateContext() =>
        new(new DbContextOptionsBuilder<BudgetContext>().UseNpgsql(_database.ConnectionString).Options);

    public void Execute(string sql) => _database.Execute(sql);

    public AuditReport Audit()
    {
        using var context = CreateContext();
        return LiveDatabaseAudit.Run(context, _database.ConnectionString);
    }

    public IReadOnlyList<Finding> DatabaseFindings() => Audit().Findings.Where(f => f.Rule.RequiresDatabase).ToList();

    public void Dispose() => _database.Dispose();
}
