using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>How the audit finds, reads and writes a baseline file, on FactoryApp's built assembly (no build needed).</summary>
[Collection(CommandCollection.Name)]
public sealed class BaselineOptionTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public BaselineOptionTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void A_baseline_file_that_does_not_exist_is_an_input_error_before_anything_runs()
    {
        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--baseline", "missing.json");

        var sentence = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Equal("schemalint: The baseline file 'missing.json' does not exist; write one with --write-baseline, or drop --baseline.", sentence);
    }

    [Fact]
    public void A_file_that_is_not_a_baseline_is_an_input_error_naming_what_is_wrong()
    {
        File.WriteAllText(Path.Combine(_scratch, "baseline.json"), "{ \"version\": 1 }");

        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--baseline", "baseline.json");

        var sentence = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("is not a SchemaLint baseline file: \"entries\" must be an array", sentence);
    }

    [Fact]
    public void The_baseline_named_in_editorconfig_is_read_from_that_file_s_folder()
    {
        var written = SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--write-baseline", Path.Combine(_scratch, "accepted.json"));
        Assert.True(written.ExitCode == 0, written.ToString());
        var config = Path.Combine(_scratch, "ci.editorconfig");
        File.WriteAllText(config, "[*.cs]\nschemalint.baseline = accepted.json\n");

        // Run from elsewhere: the relative path belongs to the .editorconfig, not to the working directory.
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--config", config, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Empty(CommandAssert.Findings(report));
        Assert.True(report.RootElement.GetProperty("baseline").GetProperty("baselined").GetInt32() > 0, result.ToString());
    }

    [Fact]
    public void Writing_a_baseline_from_an_assembly_says_the_analyzers_own_findings_are_not_in_it()
    {
        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--write-baseline", Path.Combine(_scratch, "accepted.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("schemalint: warning: the baseline holds the audit's findings only: findings only the analyzers make (SL3002, SL3003, SL5001, SL5002) need the project", result.Stderr);
    }

    [Fact]
    public void Writing_a_baseline_keeps_the_entries_of_contexts_this_run_did_not_audit()
    {
        var file = Path.Combine(_scratch, "accepted.json");
        var otherContext = "    { \"ruleId\": \"SL2001\", \"context\": \"Elsewhere.ArchiveContext\", \"entity\": \"Elsewhere.Item\", \"member\": \"Price\", \"hash\": \"0123456789abcdef\" }";
        File.WriteAllText(file, "{\n  \"version\": 1,\n  \"entries\": [\n" + otherContext + "\n  ]\n}\n");

        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--baseline", file, "--write-baseline");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(otherContext.Trim() , File.ReadAllText(file));
        Assert.Contains("\"context\": \"FactoryApp.ShopContext\"", File.ReadAllText(file));
    }
}
