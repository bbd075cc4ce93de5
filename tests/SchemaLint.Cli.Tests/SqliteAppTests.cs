using System.Text.Json;
using Microsoft.Data.Sqlite;
using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// <c>schemalint audit</c> on a SQLite application built on EF Core 10.0.15: the inner host runs the application's own EF Core
/// patch, <c>--database</c> reads its database file read-only, and the contexts it creates are the ones <c>dotnet ef</c> lists.
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class SqliteAppTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-sqlite-").FullName;

    public SqliteAppTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>The store's database file, created by the application itself (its EF Core 10.0.15, EnsureCreated).</summary>
    private string CreateDatabase()
    {
        var file = Path.Combine(_scratch, "app.db");
        var created = ProcessResult.Run("dotnet", new[] { _fixtures.SqliteApp, "create", file }, _scratch);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("with EF Core 10.0.15", created.Stdout);
        return file;
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private ProcessResult AuditStore(params string[] arguments) =>
        SchemaLintCommand.Run(FixtureApplications.Root, new[] { "audit", _fixtures.SqliteApp, "--context", "StoreContext" }.Concat(arguments).ToArray());

    [Fact]
    public void Audits_an_application_on_EF_Core_10_0_15_with_its_own_EF_Core()
    {
        Assert.Contains("\"Microsoft.EntityFrameworkCore/10.0.15\"", File.ReadAllText(Path.ChangeExtension(_fixtures.SqliteApp, ".deps.json")));

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.SqliteApp, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        var contexts = report.RootElement.GetProperty("contexts").EnumerateArray().ToList();
        Assert.All(contexts, c => Assert.Equal("Sqlite", c.GetProperty("provider").GetString()));
        Assert.Contains(("StoreContext", "SL2001", (string?)"SqliteApp.Purchase", (string?)"Amount"), CommandAssert.Findings(report));
    }

    [Fact]
    public void An_intact_SQLite_database_gives_no_database_findings()
    {
        var file = CreateDatabase();

        var result = AuditStore("--database", "Data Source=" + file, "--format", "json");

        using var report = CommandAssert.Json(result);
        Assert.DoesNotContain(CommandAssert.Findings(report), f => f.RuleId.StartsWith("SL6", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dropped_foreign_key_index_is_SL6001_with_SQLites_CREATE_INDEX()
    {
        var file = CreateDatabase();
        Execute(file, "DROP INDEX \"IX_Purchases_ShopperId\"");

        var result = AuditStore("--database", "Data Source=" + file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("StoreContext (Sqlite, created by design-time factory StoreContextFactory; checked against database 'app.db', 2 tables)", lines[0]);
        Assert.Contains(lines, l => l.Contains("warning SL6001: ", StringComparison.Ordinal) && l.EndsWith("Fix: CREATE INDEX \"IX_Purchases_ShopperId\" ON \"Purchases\" (\"ShopperId\");", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_check_constraint_is_SL6005_with_EF_Cores_table_rebuild()
    {
        var file = CreateDatabase();
        Execute(file, """
            CREATE TABLE "old" AS SELECT * FROM "Purchases";
            DROP TABLE "Purchases";
            CREATE TABLE "Purchases" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY AUTOINCREMENT, "ShopperId" INTEGER NOT NULL, "Quantity" INTEGER NOT NULL, "Amount" REAL NOT NULL, "CreatedAt" TEXT NOT NULL, "UpdatedAt" TEXT NOT NULL, CONSTRAINT "FK_Purchases_Shoppers_ShopperId" FOREIGN KEY ("ShopperId") REFERENCES "Shoppers" ("Id") ON DELETE CASCADE);
            INSERT INTO "Purchases" SELECT * FROM "old";
            DROP TABLE "old";
            CREATE INDEX "IX_Purchases_ShopperId" ON "Purchases" ("ShopperId");
            """);

        var result = AuditStore("--database", "Data Source=" + file, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        var finding = report.RootElement.GetProperty("contexts")[0].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SL6005");
        Assert.Contains("Fix: /* SQLite cannot add a check constraint to an existing table; EF Core's migration rebuilds the table: */ ", finding.GetProperty("message").GetString());
        Assert.Contains("CONSTRAINT \"CK_Purchases_Quantity\" CHECK (\"Quantity\" > 0)", finding.GetProperty("message").GetString());
    }

    [Fact]
    public void A_relative_data_source_is_taken_from_the_applications_folder_as_dotnet_ef_takes_it()
    {
        // For a .dll the inner host runs in the assembly's folder (for a project, in the project's), wherever schemalint is run from.
        var name = "store-" + Guid.NewGuid().ToString("N")[..8] + ".db";
        var file = Path.Combine(Path.GetDirectoryName(_fixtures.SqliteApp)!, name);
        try
        {
            Assert.True(ProcessResult.Run("dotnet", new[] { _fixtures.SqliteApp, "create", file }, _scratch).ExitCode == 0);
            Execute(file, "DROP INDEX \"IX_Purchases_ShopperId\"");

            var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.SqliteApp, "--context", "StoreContext", "--database", "Data Source=" + name, "--format", "json");

            Assert.True(result.ExitCode == 1, result.ToString());
            using var report = CommandAssert.Json(result);
            Assert.Contains(("StoreContext", "SL6001", (string?)"SqliteApp.Purchase", (string?)"ShopperId"), CommandAssert.Findings(report));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_database_file_exits_3_with_one_sentence_and_is_not_created()
    {
        var missing = Path.Combine(_scratch, "missing.db");

        var message = CommandAssert.FailsWithOneSentence(AuditStore("--database", "Data Source=" + missing), 3);

        Assert.Contains($"There is no SQLite database file at {missing}", message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Creates_the_contexts_dotnet_ef_dbcontext_list_lists()
    {
        // dotnet-ef 10.0.15, installed as a local tool in a scratch folder: the same design-time discovery an application's developer runs.
        var tools = Directory.CreateDirectory(Path.Combine(_scratch, "tools")).FullName;
        Assert.True(ProcessResult.Run("dotnet", new[] { "new", "tool-manifest" }, tools).ExitCode == 0);
        var install = ProcessResult.Run("dotnet", new[] { "tool", "install", "dotnet-ef", "--version", "10.0.15" }, tools, timeout: TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.ToString());
        var listed = ProcessResult.Run("dotnet", new[] { "ef", "dbcontext", "list", "--project", FixtureApplications.ProjectDirectory("SqliteApp"), "--no-build", "--json" }, tools,
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(listed.ExitCode == 0, listed.ToString());
        using var efContexts = JsonDocument.Parse(listed.Stdout[listed.Stdout.IndexOf('[')..]);

        var audited = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.SqliteApp, "--format", "json");

        using var report = CommandAssert.Json(audited);
        Assert.Equal(
            efContexts.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(),
            report.RootElement.GetProperty("contexts").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }
}
