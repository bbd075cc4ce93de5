using System.Text.Json;
using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// The audit reads the compiled migrations of the context (IMigrationsAssembly, UpOperations) and reports the same migration
/// rules as the analyzers, on a history scaffolded by the real dotnet ef (tests/Fixtures/MigrationsApp).
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class MigrationAuditTests
{
    private readonly FixtureApplications _fixtures;

    public MigrationAuditTests(FixtureApplications fixtures) => _fixtures = fixtures;

    [Fact]
    public void Reports_exactly_the_unsafe_change_each_scaffolded_migration_plants_and_the_uncaptured_model_change()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.MigrationsApp, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        var migrationFindings = MigrationFindings(report);
        Assert.Equal(new (string, string?, string?)[]
        {
            ("SL7001", "IndexCustomerEmail", "_IndexCustomerEmail.cs"),
            ("SL7002", "RequireCustomerEmail", "_RequireCustomerEmail.cs"),
            ("SL7003", "DropCustomerNotes", "_DropCustomerNotes.cs"),
            ("SL7004", "ShortenCustomerName", "_ShortenCustomerName.cs"),
            ("SL7005", "AddCoupons", "_AddCoupons.cs"),
            ("SL7006", "UniqueCustomerEmail", "_UniqueCustomerEmail.cs"),
            ("SL7007", null, null),
        }, migrationFindings.Select(f => (f.RuleId, f.Member, f.File is null ? null : f.File.Substring(f.File.IndexOf('_')))));
    }

    [Fact]
    public void Names_the_model_change_no_migration_captures()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.MigrationsApp, "--format", "json");

        using var report = CommandAssert.Json(result);
        var pending = Assert.Single(MigrationFindings(report), f => f.RuleId == "SL7007");
        Assert.Contains("AddColumn Customers.Phone", pending.Message);
        Assert.Contains("AddCoupons", pending.Message);
    }

    [Fact]
    public void A_migration_rule_turned_off_in_the_configuration_stays_silent()
    {
        var config = Path.Combine(Path.GetTempPath(), $"schemalint-{Guid.NewGuid():N}.editorconfig");
        File.WriteAllText(config, "root = true\n[*.cs]\ndotnet_diagnostic.SL7003.severity = none\n");
        try
        {
            var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.MigrationsApp, "--format", "json", "--config", config);

            using var report = CommandAssert.Json(result);
            Assert.DoesNotContain(MigrationFindings(report), f => f.RuleId == "SL7003");
            Assert.Contains(MigrationFindings(report), f => f.RuleId == "SL7001");
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static List<(string RuleId, string? Member, string? File, string Message)> MigrationFindings(JsonDocument report) =>
        report.RootElement.GetProperty("contexts").EnumerateArray()
            .SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .Where(f => f.GetProperty("ruleId").GetString()!.StartsWith("SL7", StringComparison.Ordinal))
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("member").GetString(), f.GetProperty("file").GetString(), f.GetProperty("message").GetString()!))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
}
