using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.Packaging;

public sealed class DescriptorTests
{
    /// <summary>
    /// Rules a source front end can run: every rule except those that compare the model with a live database or need the model
    /// EF Core builds (SL7007).
    /// </summary>
    private static IEnumerable<RuleDescriptor> SourceRules => RuleCatalog.Descriptors.Where(d => !d.RequiresDatabase && !d.RequiresBuiltModel);

    [Fact]
    public void Every_source_rule_of_the_catalog_has_exactly_one_descriptor() =>
        Assert.Equal(SourceRules.Select(d => d.Id).OrderBy(i => i), SchemaLintDescriptors.All.Select(d => d.Id).OrderBy(i => i));

    [Fact]
    public void Every_descriptor_agrees_with_the_catalog()
    {
        foreach (var descriptor in SchemaLintDescriptors.All)
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(SchemaLintDescriptors.ToDiagnosticSeverity(rule.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.Equal("{0}", descriptor.MessageFormat.ToString());
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
        }
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_of_rules_md()
    {
        foreach (var descriptor in SchemaLintDescriptors.All)
            Assert.EndsWith("rules.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_descriptor_is_supported_by_exactly_one_analyzer()
    {
        var supported = SchemaLintAnalyzers.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        var expected = SchemaLintDescriptors.All.Append(SchemaLintDescriptors.ConfigurationProblem).Append(SchemaLintDescriptors.ModelNotRead).Append(SchemaLintDescriptors.ModelUnknown).Select(d => d.Id);
        Assert.Equal(expected.OrderBy(i => i), supported.OrderBy(i => i));
    }

    [Fact]
    public void Every_rule_is_listed_in_the_unshipped_release_with_its_category_and_severity()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Analyzers, "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in SchemaLintDescriptors.All)
            Assert.Contains(lines, l => l.StartsWith($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggestions_map_to_Info()
    {
        Assert.Equal(DiagnosticSeverity.Info, SchemaLintDescriptors.ToDiagnosticSeverity(Severity.Suggestion));
        Assert.Equal(DiagnosticSeverity.Hidden, SchemaLintDescriptors.ToDiagnosticSeverity(Severity.Silent));
    }
}
