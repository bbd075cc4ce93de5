using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary><see cref="AwkwardNamesContext"/>'s schema, created by EF Core in a scratch database that a test then breaks.</summary>
public sealed class AwkwardNamesDatabase : IDisposable
{
    private readonly ScratchDatabase _database = new();

    public AwkwardNamesDatabase()
    {
        using var context = CreateContext();
        context.Database.EnsureCreated();
    }

    public string ConnectionString => _database.ConnectionString;

    public AwkwardNamesContext CreateContext() =>
        new(new DbContextOptionsBuilder<AwkwardNamesContext>().UseNpgsql(_database.ConnectionString).Options);

    public void Execute(string sql) => _database.Execute(sql);

    public IReadOnlyList<Finding> DatabaseFindings()
    {
        using var context = CreateContext();
        return LiveDatabaseAudit.Run(context, _database.ConnectionString).Findings.Where(f => f.Rule.RequiresDatabase).ToList();
    }

    /// <summary>Runs every finding's mending SQL, one finding at a time, as a person following the report would.</summary>
    public void ApplyFixes(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings) Execute(finding.Properties[FindingProperties.FixSql]);
    }

    public void Dispose() => _database.Dispose();
}
