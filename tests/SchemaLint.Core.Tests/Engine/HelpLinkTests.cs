using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Engine;

/// <summary>Help links come from one constant: the project's address is written once in code.</summary>
public sealed class HelpLinkTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));

    [Fact]
    public void The_project_address_is_written_in_RuleDescriptor_only()
    {
        var writers = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(RuleDescriptor.ProjectAddress, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceRoot, f).Replace('\\', '/'))
            .ToList();

        Assert.Equal(new[] { "SchemaLint.Core/Rules/RuleDescriptor.cs" }, writers);
    }

    [Fact]
    public void The_rule_reference_is_rules_md_at_the_project_address()
    {
        Assert.Equal(RuleDescriptor.ProjectAddress + "/blob/main/rules.md", RuleDescriptor.HelpLinkBase);
    }
}
