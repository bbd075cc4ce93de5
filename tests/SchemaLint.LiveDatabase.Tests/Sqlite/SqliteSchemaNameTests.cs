using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>
/// SQLite has one schema per file: EF Core's SQLite provider ignores a schema the model names (ToTable("Orders", "sales"))
/// and creates the table in the file's only one, so the check looks tables up by name alone.
/// </summary>
public sealed class SqliteSchemaNameTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "schemalint-sqlite-schema-" + Guid.NewGuid().ToString("N")[..12] + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(path);
    }

    private SalesContext CreateContext() => new(new DbContextOptionsBuilder<SalesContext>().UseSqlite("Data Source=" + _file).Options);

    private IReadOnlyList<Finding> DatabaseFindings()
    {
        using var context = CreateContext();
        return LiveDatabaseAudit.Run(context, "Data Source=" + _file).Findings.Where(f => f.Rule.RequiresDatabase).ToList();
    }

    [Fact]
    public void Tables_the_model_puts_in_a_schema_are_found_in_the_file()
    {
        using (var context = CreateContext()) context.Database.EnsureCreated();

        Assert.Empty(DatabaseFindings());
    }

    [Fact]
    public void A_missing_index_on_such_a_table_is_mended_by_EF_Cores_SQL()
    {
        using (var context = CreateContext()) context.Database.EnsureCreated();
        using (var connection = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP INDEX \"IX_Orders_ClientId\"";
            command.ExecuteNonQuery();
        }

        var finding = Assert.Single(DatabaseFindings());

        Assert.Equal("CREATE INDEX \"IX_Orders_ClientId\" ON \"Orders\" (\"ClientId\");", finding.Properties[FindingProperties.FixSql]);
    }

    private sealed class SalesContext(DbContextOptions<SalesContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Client>().ToTable("Clients", "sales");
            modelBuilder.Entity<Order>().ToTable("Orders", "sales");
        }
    }

    private sealed class Client
    {
        public int Id { get; set; }
    }

    private sealed class Order
    {
        public int Id { get; set; }
        public int ClientId { get; set; }
        public Client Client { get; set; } = null!;
    }
}
