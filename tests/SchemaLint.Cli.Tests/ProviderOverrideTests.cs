using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>schemalint.provider overrides the model's provider: the report names the provider the rules judged by, and the model's.</summary>
public sealed class ProviderOverrideTests : IDisposable
{
    private readonly string _config = Path.Combine(Directory.CreateTempSubdirectory("schemalint-provider-").FullName, ".editorconfig");

    public ProviderOverrideTests() => File.WriteAllText(_config, "root = true\n[*.cs]\nschemalint.provider = sqlserver\n");

    private static string Sample => Repository.Path("samples", "BudgetTracker", "bin", Repository.Configuration, "net10.0", "BudgetTracker.dll");

    [Fact]
    public void Text_header_names_the_configured_provider_and_the_model_s()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "audit", Sample, "--config", _config);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("BudgetContext (SqlServer by schemalint.provider, model built for PostgreSql, created by design-time factory DesignTimeBudgetContextFactory)", result.Stdout);
    }

    [Fact]
    public void Json_provider_is_the_one_the_rules_judged_by()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "audit", Sample, "--config", _config, "--format", "json");

        using var report = CommandAssert.Json(result);
        Assert.Equal("SqlServer", report.RootElement.GetProperty("contexts")[0].GetProperty("provider").GetString());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_config)!, recursive: true);
}
