using System.Text.Json;
using SchemaLint.Cli.Tests.Infrastructure;
using SchemaLint.Core.Rules;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// <c>schemalint audit --database</c> against a real PostgreSQL server: FactoryApp's schema created by EF Core, broken with
/// SQL, and audited by the command as a process.
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class DatabaseCheckTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;
    private readonly Lazy<ShopDatabase> _database = new(() => new ShopDatabase());

    public DatabaseCheckTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose()
    {
        if (_database.IsValueCreated) _database.Value.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    private ShopDatabase Database => _database.Value;

    [PostgresFact]
    public void Intact_database_gives_no_database_findings_and_passes()
    {
        var result = Audit("--database", Database.ConnectionString, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.DoesNotContain(CommandAssert.Findings(report), f => f.RuleId.StartsWith("SL6", StringComparison.Ordinal));
    }

    [PostgresFact]
    public void Dropped_foreign_key_index_is_SL6001_with_the_index_to_create()
    {
        Database.Execute("DROP INDEX \"IX_Reviews_ProductId\"");

        var result = Audit("--database", Database.ConnectionString, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var finding = Assert.Single(DatabaseFindings(result));
        Assert.Equal(("SL6001", "FactoryApp.Review", "ProductId"), (finding.RuleId, finding.Entity, finding.Member));
        Assert.Contains("CREATE INDEX CONCURRENTLY \"IX_Reviews_ProductId\" ON public.\"Reviews\" (\"ProductId\")", finding.Message);
    }

    [PostgresFact]
    public void Dropped_foreign_key_constraint_is_SL6002()
    {
        Database.Execute("ALTER TABLE \"Reviews\" DROP CONSTRAINT \"FK_Reviews_Products_ProductId\"");

        var result = Audit("--database", Database.ConnectionString, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var finding = Assert.Single(DatabaseFindings(result));
        Assert.Equal(("SL6002", "FactoryApp.Review"), (finding.RuleId, finding.Entity));
    }

    [PostgresFact]
    public void Connection_string_can_come_from_the_environment_variable_named_by_database_env()
    {
        Database.Execute("ALTER TABLE \"Products\" ALTER COLUMN \"Name\" DROP NOT NULL");
        var environment = new Dictionary<string, string?> { ["SHOP_DATABASE"] = Database.ConnectionString };

        var result = SchemaLintCommand.Run(FixtureApplications.Root, environment, "audit", _fixtures.FactoryApp, "--no-build", "--config", DatabaseRulesOnly(), "--database-env", "SHOP_DATABASE", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var finding = Assert.Single(DatabaseFindings(result));
        Assert.Equal(("SL6003", "FactoryApp.Product", "Name"), (finding.RuleId, finding.Entity, finding.Member));
    }

    [PostgresFact]
    public void Text_report_names_the_database_checked_and_its_findings()
    {
        Database.Execute("DROP INDEX \"IX_Reviews_ProductId\"");

        var result = Audit("--database", Database.ConnectionString);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith($"ShopContext (PostgreSql, created by design-time factory ShopContextFactory; checked against database '{Database.Name}', 2 tables)", lines[0]);
        Assert.Contains(lines, l => l.Contains("warning SL6001: ", StringComparison.Ordinal));
    }

    [PostgresFact]
    public void Text_report_groups_findings_on_unmapped_tables_under_the_table()
    {
        Database.Execute("CREATE TABLE audit_log (id serial PRIMARY KEY, product_id integer NOT NULL REFERENCES \"Products\" (\"Id\"))");

        var result = Audit("--database", Database.ConnectionString);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var table = lines.IndexOf("  table public.audit_log");
        Assert.True(table > 0, result.ToString());
        Assert.Contains("warning SL6001: ", lines[table + 1]);
    }

    [PostgresFact]
    public void GitHub_report_annotates_database_findings()
    {
        Database.Execute("DROP INDEX \"IX_Reviews_ProductId\"");

        var result = Audit("--database", Database.ConnectionString, "--format", "github");

        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("::warning file=FactoryApp/Review.cs,line=", StringComparison.Ordinal) && l.Contains("title=SL6001::", StringComparison.Ordinal));
    }

    [PostgresFact]
    public void Sarif_report_with_database_findings_is_valid_and_carries_the_table_and_fix()
    {
        // A table EF Core does not map, with an unindexed foreign key: a finding with no entity and no source file.
        Database.Execute("CREATE TABLE audit_log (id serial PRIMARY KEY, product_id integer NOT NULL REFERENCES \"Products\" (\"Id\"))");
        var sarif = Path.Combine(_scratch, "database.sarif");

        var result = Audit("--database", Database.ConnectionString, "--format", "sarif", "--output", sarif);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(SarifValidator.Errors(sarif));
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var unmapped = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SL6001");
        Assert.Equal("public.audit_log", unmapped.GetProperty("properties").GetProperty("table").GetString());
        Assert.StartsWith("CREATE INDEX CONCURRENTLY ", unmapped.GetProperty("properties").GetProperty("fixSql").GetString());
        Assert.Equal("public.audit_log.product_id", unmapped.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [PostgresFact]
    public void Database_without_the_models_tables_is_a_load_error()
    {
        using var empty = new ScratchDatabase();

        var message = CommandAssert.FailsWithOneSentence(Audit("--database", empty.ConnectionString), 3);

        Assert.Contains($"The database '{empty.Name}' has none of the 2 tables the model maps", message);
    }

    [PostgresFact]
    public void Rejected_credentials_are_a_load_error_that_never_shows_the_password()
    {
        const string password = "not-the-password-4711";
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.RequireConnectionString()) { Password = password }.ConnectionString;

        var result = Audit("--database-timeout", "10", "--database", connectionString, "--verbose");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("rejected the credentials of user 'postgres'", result.Stderr);
        Assert.DoesNotContain(password, result.Stderr);
        Assert.DoesNotContain(password, result.Stdout);
    }

    [PostgresFact]
    public void Check_reads_only_and_leaves_the_schema_as_it_was()
    {
        Database.Execute("DROP INDEX \"IX_Reviews_ProductId\"");
        var before = SchemaSnapshot();

        var result = Audit("--database", Database.ConnectionString);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(before, SchemaSnapshot());
    }

    [Fact]
    public void Unreachable_server_is_a_load_error_in_one_sentence()
    {
        var connectionString = $"Host=127.0.0.1;Port={LoopbackEndpoints.UnusedPort()};Database=shop;Username=shop;Password=secret-never-shown";

        var message = CommandAssert.FailsWithOneSentence(Audit("--database", connectionString), 3);

        Assert.Contains("Could not connect to the database server at 127.0.0.1:", message);
        Assert.DoesNotContain("secret-never-shown", message);
    }

    [Fact]
    public void Server_that_does_not_answer_times_out_after_database_timeout()
    {
        var silent = LoopbackEndpoints.Silent();
        try
        {
            var connectionString = $"Host=127.0.0.1;Port={silent.Port()};Database=shop;Username=shop;Password=secret";

            var message = CommandAssert.FailsWithOneSentence(Audit("--database", connectionString, "--database-timeout", "2"), 3);

            Assert.Contains("did not answer within 2 seconds", message);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void Sarif_rule_metadata_includes_the_database_rules()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--no-build", "--format", "sarif");

        using var log = CommandAssert.Json(result);
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        foreach (var id in new[] { RuleIds.DatabaseForeignKeyNotIndexed, RuleIds.DatabaseForeignKeyMissing, RuleIds.DatabaseColumnMismatch, RuleIds.DatabaseUniqueMissing, RuleIds.DatabaseCheckOrDefaultMissing, RuleIds.DatabaseTableOrColumnMissing })
        {
            Assert.True(rules.ContainsKey(id), $"{id} is missing from the SARIF rules.");
            Assert.Equal("Database", rules[id].GetProperty("properties").GetProperty("category").GetString());
        }
    }

    /// <summary>Audits FactoryApp with only the database rules' warnings enabled, so the exit code answers for the database.</summary>
    private ProcessResult Audit(params string[] arguments) =>
        SchemaLintCommand.Run(FixtureApplications.Root, new[] { "audit", _fixtures.FactoryApp, "--no-build", "--config", DatabaseRulesOnly() }.Concat(arguments).ToArray());

    private string DatabaseRulesOnly()
    {
        var config = Path.Combine(_scratch, "database-rules-only.editorconfig");
        File.WriteAllText(config, "root = true\n[*.cs]\ndotnet_diagnostic.SL2001.severity = none\ndotnet_diagnostic.SL3001.severity = none\n");
        return config;
    }

    private static IReadOnlyList<(string RuleId, string? Entity, string? Member, string Message)> DatabaseFindings(ProcessResult result)
    {
        using var report = CommandAssert.Json(result);
        return report.RootElement.GetProperty("contexts").EnumerateArray()
            .SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("entity").GetString(), f.GetProperty("member").GetString(), f.GetProperty("message").GetString()!))
            .Where(f => f.Item1.StartsWith("SL6", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Every table, column, constraint and index definition of the scratch database, in a fixed order.</summary>
    private string SchemaSnapshot()
    {
        using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(
            "SELECT string_agg(line, E'\\n' ORDER BY line) FROM ("
            + " SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line FROM information_schema.columns WHERE table_schema = 'public'"
            + " UNION ALL SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
            + " UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public') AS schema", connection);
        return (string)command.ExecuteScalar()!;
    }
}
