using System.Text.Json;
using SchemaLint.Cli.Tests.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Tests;

[Collection(CommandCollection.Name)]
public sealed class ReportFormatTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public ReportFormatTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Json_report_has_the_documented_shape_with_paths_relative_to_the_working_directory()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--format", "json");

        using var report = CommandAssert.Json(result);
        var root = report.RootElement;
        Assert.Equal(new[] { "tool", "version", "contexts", "baseline" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("baseline").ValueKind);
        Assert.Equal("schemalint", root.GetProperty("tool").GetString());
        var context = root.GetProperty("contexts")[0];
        Assert.Equal(new[] { "name", "provider", "findings", "skippedPackageEntityTypes" }, context.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, context.GetProperty("skippedPackageEntityTypes").ValueKind);
        var price = context.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SL2001");
        Assert.Equal(new[] { "ruleId", "severity", "entity", "member", "message", "file", "line", "fingerprint" }, price.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9a-f]{16}$", price.GetProperty("fingerprint").GetString());
        Assert.Equal("warning", price.GetProperty("severity").GetString());
        Assert.Equal("FactoryApp/Product.cs", price.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Number, price.GetProperty("line").ValueKind);
        Assert.Contains("Price", price.GetProperty("message").GetString());
    }

    [Fact]
    public void Sarif_report_is_valid_under_the_official_schema()
    {
        var sarif = Path.Combine(_scratch, "report.sarif");
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--format", "sarif", "--output", sarif);
        Assert.True(result.ExitCode == 1, result.ToString());

        Assert.Empty(SarifValidator.Errors(sarif));
    }

    [Fact]
    public void Sarif_validation_used_here_rejects_a_log_that_breaks_the_schema()
    {
        // Well-formed enough for the multitool's own checks, but "severe" is not a SARIF level.
        var invalid = Path.Combine(_scratch, "invalid.sarif");
        File.WriteAllText(invalid, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"level\":\"severe\",\"message\":{\"text\":\"m\"}}]}]}");

        var errors = SarifValidator.Errors(invalid);

        Assert.Contains(errors, e => e.StartsWith("schema: ", StringComparison.Ordinal) && e.Contains("/runs/0/results/0/level", StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_report_describes_every_rule_and_locates_results_relative_to_the_source_root()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--format", "sarif");

        using var log = CommandAssert.Json(result);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var moneyRule = rules.Single(r => r.GetProperty("id").GetString() == "SL2001");
        Assert.Equal("MoneyAsFloatingPoint", moneyRule.GetProperty("name").GetString());
        Assert.Equal(RuleCatalog.Get("SL2001").HelpLink, moneyRule.GetProperty("helpUri").GetString());
        Assert.False(string.IsNullOrEmpty(moneyRule.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrEmpty(moneyRule.GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.Equal("warning", moneyRule.GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var price = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SL2001");
        var artifact = price.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("FactoryApp/Product.cs", artifact.GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal(new Uri(FixtureApplications.Root + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
    }

    [Fact]
    public void GitHub_report_prints_one_workflow_command_per_finding()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--format", "github");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.Matches("^::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,title=SL\\d{4}::.+$", line));
        Assert.Contains(lines, line => line.StartsWith("::warning file=FactoryApp/Product.cs,line=", StringComparison.Ordinal) && line.Contains("title=SL2001::", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("::notice ", StringComparison.Ordinal)); // suggestions
    }

    [Fact]
    public void Text_report_groups_findings_by_context_and_entity_and_ends_with_counts_per_severity()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.StartsWith("ShopContext (PostgreSql, created by design-time factory ShopContextFactory)", lines[0]);
        Assert.Equal("  FactoryApp.Product", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("    FactoryApp/Product.cs(", StringComparison.Ordinal) && l.Contains("warning SL2001: ", StringComparison.Ordinal));
        Assert.Contains("  FactoryApp.Review", lines); // its table has no timestamps: a suggestion
        Assert.Equal("0 errors, 1 warning, 4 suggestions in 1 context.", lines[^1]);
        Assert.DoesNotContain("\u001b[", result.Stdout); // no colour when stdout is not a terminal
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("suggestion", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_severity_that_fails_the_run(string failOn, int exitCode)
    {
        // FactoryApp has warnings and suggestions, no errors.
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--fail-on", failOn);

        Assert.True(result.ExitCode == exitCode, result.ToString());
    }

    [Fact]
    public void Config_option_reads_severities_from_the_given_editorconfig()
    {
        var config = Path.Combine(_scratch, "strict.editorconfig");
        File.WriteAllText(config, "root = true\n[*.cs]\ndotnet_diagnostic.SL2001.severity = error\ndotnet_diagnostic.SL3001.severity = none\n");

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--config", config, "--format", "json", "--fail-on", "error");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        var findings = report.RootElement.GetProperty("contexts")[0].GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("error", findings.Single(f => f.GetProperty("ruleId").GetString() == "SL2001").GetProperty("severity").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "SL3001");
    }

    [Fact]
    public void Without_config_the_editorconfig_beside_the_application_applies()
    {
        var copy = Path.Combine(_scratch, "app");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_fixtures.FactoryApp)!)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(copy, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.SL2001.severity = none\n");

        var result = SchemaLintCommand.Run(_scratch, "audit", Path.Combine(copy, "FactoryApp.dll"), "--format", "json");

        using var report = CommandAssert.Json(result);
        var rules = CommandAssert.Findings(report).Select(f => f.RuleId).ToList();
        Assert.DoesNotContain("SL2001", rules);
        Assert.Contains("SL3001", rules);
    }

    [Fact]
    public void Output_option_writes_the_report_to_the_file_and_nothing_to_stdout()
    {
        var output = Path.Combine(_scratch, "report.json");

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--format", "json", "--output", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("ShopContext", report.RootElement.GetProperty("contexts")[0].GetProperty("name").GetString());
    }
}
