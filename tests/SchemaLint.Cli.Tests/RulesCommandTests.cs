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
    public void Rules_text_marks_the_rules_that_need_source_code()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "rules");

        var lines = result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var rule in RuleCatalog.Descriptors)
        {
            var line = Assert.Single(lines, l => l.StartsWith(rule.Id + "  ", StringComparison.Ordinal));
            Assert.Equal(rule.RequiresSource, line.Contains("needs source", StringComparison.Ordinal));
        }

        Assert.Contains("[needs source]: analyzers only (build and IDE), not schemalint audit or the test API", result.Stdout);
    }

    [Fact]
    public void Rules_text_names_the_provider_that_changes_a_rule_s_severity()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "rules");

        var line = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("SL1006  ", StringComparison.Ordinal));
        Assert.Contains("[error on SQL Server]", line);
        Assert.DoesNotContain(result.Stdout.Split('\n'), l => l.StartsWith("SL1001  ", StringComparison.Ordinal) && l.Contains(" on ", StringComparison.Ordinal) && l.Contains('['));
    }

    [Fact]
    public void Rules_text_says_where_the_rule_reference_lives()
    {
        var result = SchemaLintCommand.Run(Repository.Root, "rules");

        Assert.Contains($"Every rule is described in rules.md: {RuleDescriptor.HelpLinkBase}", result.Stdout);
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
