using System.Text.Json;
using SchemaLint.Cli.Tests.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_lists_every_catalog_rule_with_its_default_severity()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "rules");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var rule in RuleCatalog.Descriptors)
            Assert.Contains($"{rule.Id}  {rule.DefaultSeverity.ToEditorConfigName()}", result.Stdout);
    }

    [Fact]
    public void Rules_as_json_gives_ids_titles_and_help_links()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "rules", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, r => Assert.StartsWith(RuleDescriptor.HelpLinkBase, r.GetProperty("helpUri").GetString()));
    }

    [Fact]
    public void Audit_help_warns_that_auditing_runs_the_application_s_code()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "audit", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("RUNS ITS CODE", result.Stdout);
        Assert.Contains("--fail-on", result.Stdout);
    }
}
