using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Tests.Building;

/// <summary>Assertions that read as the specification: which rule fired, on what, and saying what.</summary>
public static class Expect
{
    public static Finding Single(IEnumerable<Finding> findings, string ruleId, string entity, string? member)
    {
        var matching = findings.Where(f => f.RuleId == ruleId).ToList();
        var finding = Assert.Single(matching);
        Assert.Equal(entity, finding.EntityName);
        Assert.Equal(member, finding.MemberName);
        return finding;
    }

    public static void None(IEnumerable<Finding> findings, string ruleId) =>
        Assert.DoesNotContain(findings, f => f.RuleId == ruleId);

    public static void NoneOn(IEnumerable<Finding> findings, string entity, string member) =>
        Assert.DoesNotContain(findings, f => f.EntityName == entity && f.MemberName == member);
}

/// <summary>Options as an .editorconfig would give them.</summary>
public static class Config
{
    public static SchemaLintOptions Of(params string[] lines) =>
        SchemaLintOptions.FromKeyValues(EditorConfigReader.ReadPairs(string.Join("\n", lines)));
}
