using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

/// <summary>Each migration rule's section of rules.md follows the rule template, under its title and help-link anchor.</summary>
public sealed class MigrationRulesDocumentationTests
{
    private static readonly string[] Template =
    {
        "**What it catches**", "**When it stays silent**", "**Why**", "**Bad**", "**Good**", "**How to fix**", "**How to suppress**", "**Options**", "**Code fixes**",
    };

    public static TheoryData<string> MigrationRuleIds => new(RuleCatalog.Descriptors.Where(d => d.RequiresMigrations).Select(d => d.Id));

    [Theory]
    [MemberData(nameof(MigrationRuleIds))]
    public void Has_a_section_in_rules_md_with_every_part_of_the_template_in_order(string id)
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryRoot(), "rules.md"));
        var rule = RuleCatalog.Get(id);
        var anchor = $"<a id=\"{id.ToLowerInvariant()}\"></a>\n## {id}: {rule.Title}\n";
        var start = rules.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(start >= 0, $"rules.md has no section '{id}: {rule.Title}' under its anchor.");
        var next = rules.IndexOf("<a id=\"sl", start + anchor.Length, StringComparison.Ordinal);
        var section = next < 0 ? rules.Substring(start) : rules.Substring(start, next - start);

        var positions = Template.Select(part => section.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.All(Template.Zip(positions), p => Assert.True(p.Second >= 0, $"{id} lacks {p.First}."));
        Assert.Equal(positions.OrderBy(p => p), positions);
        Assert.Contains("Warning · Migrations", section);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SchemaLint.sln"))) return directory.FullName;
        throw new InvalidOperationException("No SchemaLint.sln above the test assembly.");
    }
}
