using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Auditing.Shop;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Auditing;

/// <summary>A configuration mistake is reported by the test API too: listed in Run's result and failing Verify.</summary>
public sealed class ConfigurationErrorTests
{
    private static SchemaLintOptions Read(string editorConfig)
    {
        var directory = Directory.CreateTempSubdirectory("schemalint-config-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, ".editorconfig"), "root = true\n[*.cs]\n" + editorConfig);
            return EditorConfigReader.ReadForDirectory(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_lists_a_value_it_cannot_read_among_its_configuration_errors()
    {
        using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

        var report = SchemaAudit.Run(context, Read("schemalint.long_text_threshold = long\n"));

        Assert.Equal(new[] { "schemalint.long_text_threshold: 'long' is not a positive whole number." }, report.ConfigurationErrors);
    }

    [Fact]
    public void Run_lists_an_unknown_key_among_its_configuration_errors()
    {
        using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

        var report = SchemaAudit.Run(context, Read("schemalint.colour_names = red\n"));

        Assert.StartsWith("schemalint.colour_names: unknown SchemaLint option", Assert.Single(report.ConfigurationErrors));
    }

    [Fact]
    public void Run_with_valid_options_has_no_configuration_errors()
    {
        using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

        var report = SchemaAudit.Run(context, Read("schemalint.long_text_threshold = 1000\n"));

        Assert.Empty(report.ConfigurationErrors);
    }

    [Fact]
    public void Verify_fails_on_a_configuration_error_even_when_the_model_is_clean()
    {
        using var context = ModelContext.Npgsql(b => b.Entity<Expense>());
        var options = Read("schemalint.colour_names = red\ndotnet_diagnostic.SL2001.severity = none\ndotnet_diagnostic.SL3001.severity = none\n");

        var exception = Assert.Throws<SchemaAuditException>(() => SchemaAudit.Verify(context, options));

        Assert.Empty(exception.Findings);
        Assert.StartsWith("schemalint.colour_names: unknown SchemaLint option", Assert.Single(exception.ConfigurationErrors));
        Assert.Contains("SL0001 schemalint.colour_names: unknown SchemaLint option", exception.Message);
        Assert.DoesNotContain("problems in the model", exception.Message);
    }

    [Fact]
    public void Verify_lists_configuration_errors_after_the_findings()
    {
        using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

        var exception = Assert.Throws<SchemaAuditException>(() => SchemaAudit.Verify(context, Read("schemalint.provider = oracle-ish\n")));

        Assert.Contains(exception.Findings, f => f.RuleId == RuleIds.MoneyAsFloatingPoint);
        var lines = exception.Message.Split(Environment.NewLine);
        var configurationHeader = Array.FindIndex(lines, l => l.StartsWith("SchemaLint's configuration has 1 problem (each option kept its default):", StringComparison.Ordinal));
        Assert.True(configurationHeader > 0, exception.Message);
        Assert.Contains("SL0001 schemalint.provider: 'oracle-ish' is not a provider", lines[configurationHeader + 1]);
    }
}
