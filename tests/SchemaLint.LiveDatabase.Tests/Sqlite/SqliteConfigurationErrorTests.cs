using SchemaLint.Core.Options;
using SchemaLint.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>
/// The live-database API reports a configuration mistake as SchemaAudit does: listed in Run's result and failing Verify, whose
/// message lists it after the findings. A SQLite file suffices: the options are read before the database is.
/// </summary>
public sealed class SqliteConfigurationErrorTests
{
    private const string UnknownKey = "schemalint.colour_names: unknown SchemaLint option";

    private static SchemaLintOptions Options(params (string Key, string Value)[] pairs) =>
        SchemaLintOptions.FromKeyValues(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    [Fact]
    public void Run_lists_an_unknown_key_among_its_configuration_errors()
    {
        using var database = new StoreDatabase();
        using var context = database.CreateContext();

        var report = LiveDatabaseAudit.Run(context, database.ConnectionString, Options(("schemalint.colour_names", "red")));

        Assert.StartsWith(UnknownKey, Assert.Single(report.ConfigurationErrors));
    }

    [Fact]
    public void Run_with_valid_options_has_no_configuration_errors()
    {
        using var database = new StoreDatabase();
        using var context = database.CreateContext();

        var report = LiveDatabaseAudit.Run(context, database.ConnectionString, Options(("schemalint.long_text_threshold", "1000")));

        Assert.Empty(report.ConfigurationErrors);
    }

    [Fact]
    public void Verify_fails_on_a_configuration_error_when_model_and_database_are_clean()
    {
        using var database = new StoreDatabase();
        using var context = database.CreateContext();
        LiveDatabaseAudit.Verify(context, database.ConnectionString); // clean without the mistake

        var exception = Assert.Throws<SchemaAuditException>(() => LiveDatabaseAudit.Verify(context, database.ConnectionString, Options(("schemalint.colour_names", "red"))));

        Assert.Empty(exception.Findings);
        Assert.StartsWith(UnknownKey, Assert.Single(exception.ConfigurationErrors));
        Assert.Contains("SL0001 " + UnknownKey, exception.Message);
    }

    [Fact]
    public void Verify_lists_configuration_errors_after_the_database_findings()
    {
        using var database = new StoreDatabase();
        database.Execute("DROP INDEX \"IX_Purchases_ShopperId\"");
        using var context = database.CreateContext();

        var exception = Assert.Throws<SchemaAuditException>(() => LiveDatabaseAudit.Verify(context, database.ConnectionString, Options(("schemalint.provider", "oracle-ish"))));

        Assert.Equal("SL6001", Assert.Single(exception.Findings).RuleId);
        var lines = exception.Message.Split(Environment.NewLine);
        var finding = Array.FindIndex(lines, l => l.Contains("SL6001 warning", StringComparison.Ordinal));
        var configurationHeader = Array.FindIndex(lines, l => l.StartsWith("SchemaLint's configuration has 1 problem (each option kept its default):", StringComparison.Ordinal));
        Assert.True(finding > 0 && configurationHeader > finding, exception.Message);
        Assert.Contains("SL0001 schemalint.provider: 'oracle-ish' is not a provider", lines[configurationHeader + 1]);
    }
}
