using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>The SQLite database check only reads: it opens the file read-only whatever the connection string asks, and never creates one.</summary>
public class SqliteConnectionTests
{
    /// <summary>
    /// EF Core creates SQLite files in WAL mode: what a writer changed may sit in the -wal file, so both count. A reader of a WAL
    /// file opens the log even read-only, and may leave it behind empty: an empty log holds no change.
    /// </summary>
    private static string Fingerprint(string path)
    {
        SqliteConnection.ClearAllPools();
        return string.Join(" ", new[] { path, path + "-wal" }.Where(p => File.Exists(p) && new FileInfo(p).Length > 0).Select(p =>
        {
            using var file = File.OpenRead(p);
            return Path.GetFileName(p) + ":" + Convert.ToHexString(SHA256.HashData(file)) + "@" + File.GetLastWriteTimeUtc(p).Ticks;
        }));
    }

    private static StoreContext ContextFor(string connectionString) =>
        new(new DbContextOptionsBuilder<StoreContext>().UseSqlite(connectionString).Options);

    [Fact]
    public void The_check_leaves_the_file_unchanged_even_when_the_connection_string_asks_for_read_write()
    {
        using var database = new StoreDatabase();
        database.Execute("DROP INDEX \"IX_Purchases_ShopperId\"");
        var before = Fingerprint(database.Path);

        using var context = database.CreateContext();
        var report = LiveDatabaseAudit.Run(context, database.ConnectionString + ";Mode=ReadWriteCreate");

        Assert.Contains(report.Findings, f => f.RuleId == "SL6001");
        Assert.Equal(before, Fingerprint(database.Path));
    }

    [Fact]
    public void The_file_may_be_named_with_any_of_Microsoft_Data_Sqlites_keywords()
    {
        using var database = new StoreDatabase();
        database.Execute("DROP INDEX \"IX_Purchases_ShopperId\"");
        using var context = database.CreateContext();

        var report = LiveDatabaseAudit.Run(context, "Filename=" + database.Path);

        Assert.Equal("SL6001", Assert.Single(report.Findings, f => f.Rule.RequiresDatabase).RuleId);
    }

    [Fact]
    public void A_missing_file_is_named_and_not_created()
    {
        using var database = new StoreDatabase();
        var missing = Path.Combine(Path.GetDirectoryName(database.Path)!, "typo.db");
        using var context = ContextFor("Data Source=" + missing);

        var error = Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context, "Data Source=" + missing + ";Mode=ReadWriteCreate"));

        Assert.Equal(LiveDatabaseErrorKind.DatabaseMissing, error.Kind);
        Assert.Equal($"There is no SQLite database file at {missing}; check the Data Source in the connection string (a relative path is taken from {Directory.GetCurrentDirectory()}).", error.Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void An_in_memory_database_is_refused_in_one_sentence()
    {
        using var context = ContextFor("Data Source=:memory:");

        var error = Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context, "Data Source=:memory:"));

        Assert.Equal(LiveDatabaseErrorKind.InvalidConnectionString, error.Kind);
        Assert.StartsWith("The SQLite connection string names no database file", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_SQLite_database_fails_with_SQLites_own_words()
    {
        using var database = new StoreDatabase();
        var notADatabase = Path.Combine(Path.GetDirectoryName(database.Path)!, "notes.txt");
        File.WriteAllText(notADatabase, new string('x', 4096));
        using var context = ContextFor("Data Source=" + notADatabase);

        var error = Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context));

        Assert.Equal(LiveDatabaseErrorKind.Failed, error.Kind);
        Assert.Contains("file is not a database", error.Message);
    }

    [Fact]
    public void An_empty_database_file_has_none_of_the_models_tables()
    {
        using var database = new StoreDatabase();
        database.Execute("DROP TABLE \"Purchases\"; DROP TABLE \"Shoppers\"");

        var error = Assert.Throws<LiveDatabaseException>(() => database.Audit());

        Assert.Equal(LiveDatabaseErrorKind.SchemaMissing, error.Kind);
        Assert.StartsWith("The database 'store.db' has none of the 2 tables the model maps (such as main.", error.Message);
    }
}
