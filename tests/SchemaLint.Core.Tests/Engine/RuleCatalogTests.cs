using System.Reflection;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Engine;

public class RuleCatalogTests
{
    private static readonly string[] IdConstants = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The model rules of the core issue; later issues add rules (the live-database check) after them.</summary>
    private static readonly string[] CoreIds =
    {
        "SL1001", "SL1002", "SL1003", "SL1004", "SL1005", "SL1006", "SL1007", "SL1008",
        "SL2001", "SL2002", "SL2003", "SL2004", "SL2005", "SL2006", "SL2007", "SL2008",
        "SL3001", "SL3002", "SL3003", "SL4001", "SL4002", "SL5001", "SL5002",
    };

    private static IEnumerable<RuleDescriptor> CoreRules => RuleCatalog.Descriptors.Where(d => CoreIds.Contains(d.Id));

    [Fact]
    public void Has_the_23_rules_of_the_core_issue_first_in_id_order()
    {
        Assert.Equal(CoreIds, RuleCatalog.Descriptors.Take(CoreIds.Length).Select(d => d.Id));
    }

    [Fact]
    public void Lists_rules_in_id_order()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToList();

        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Ids_are_unique_and_match_the_RuleIds_constants()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(IdConstants.OrderBy(i => i), ids.OrderBy(i => i));
    }

    [Fact]
    public void Each_help_link_points_at_the_rule_section_of_rules_md()
    {
        Assert.All(RuleCatalog.Descriptors, d =>
            Assert.Equal($"https://github.com/schemalint/schemalint/blob/main/rules.md#{d.Id.ToLowerInvariant()}", d.HelpLink));
    }

    [Theory]
    [InlineData("SL1", RuleCategories.Relationships)]
    [InlineData("SL2", RuleCategories.Columns)]
    [InlineData("SL3", RuleCategories.Timestamps)]
    [InlineData("SL4", RuleCategories.Integrity)]
    [InlineData("SL5", RuleCategories.Lifecycle)]
    [InlineData("SL7", RuleCategories.Migrations)]
    public void Categories_follow_the_id_ranges(string prefix, string category)
    {
        Assert.All(RuleCatalog.Descriptors.Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal)), d => Assert.Equal(category, d.Category));
    }

    [Fact]
    public void Default_severities_are_those_of_the_issue()
    {
        var suggestions = CoreRules.Where(d => d.DefaultSeverity == Severity.Suggestion).Select(d => d.Id).ToList();

        Assert.Equal(new[] { "SL2003", "SL2004", "SL2008", "SL3001", "SL4001", "SL4002" }, suggestions);
        Assert.All(CoreRules.Where(d => !suggestions.Contains(d.Id)), d => Assert.Equal(Severity.Warning, d.DefaultSeverity));
    }

    [Fact]
    public void Exactly_the_source_only_rules_require_source()
    {
        Assert.Equal(new[] { "SL3002", "SL3003", "SL5001", "SL5002" }, CoreRules.Where(d => d.RequiresSource).Select(d => d.Id));
    }

    [Fact]
    public void Every_descriptor_has_a_title_a_description_and_a_message()
    {
        Assert.All(RuleCatalog.Descriptors, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
            Assert.Contains("{0}", d.MessageFormat);
        });
    }

    [Fact]
    public void Finds_rules_by_id_case_insensitively()
    {
        Assert.Same(RuleCatalog.Get("SL2001"), RuleCatalog.Find("sl2001"));
        Assert.Null(RuleCatalog.Find("SL9999"));
    }

    [Fact]
    public void Asking_for_an_unknown_id_says_which()
    {
        var error = Assert.Throws<ArgumentException>(() => RuleCatalog.Get("SL9999"));

        Assert.StartsWith("No SchemaLint rule has the id 'SL9999'.", error.Message);
    }
}
