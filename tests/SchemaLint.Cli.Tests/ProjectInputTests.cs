using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>A project (or its folder) is built first, as dotnet ef does, and its output assembly is audited.</summary>
[Collection(CommandCollection.Name)]
public sealed class ProjectInputTests
{
    private readonly FixtureApplications _fixtures;

    public ProjectInputTests(FixtureApplications fixtures) => _fixtures = fixtures;

    [Fact]
    public void Builds_and_audits_the_project_in_a_folder()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "FactoryApp", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("ShopContext", "SL2001", (string?)"FactoryApp.Product", (string?)"Price"), CommandAssert.Findings(report));
    }

    [Fact]
    public void No_build_audits_the_project_s_existing_output()
    {
        var project = Path.Combine(FixtureApplications.ProjectDirectory("ConstructorLibrary"), "ConstructorLibrary.csproj");

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", project, "--no-build", "--format", "json", "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("Building ConstructorLibrary.csproj", result.Stderr);
        using var report = CommandAssert.Json(result);
        Assert.Contains(("InventoryContext", "SL2001", (string?)"ConstructorLibrary.StockItem", (string?)"Cost"), CommandAssert.Findings(report));
    }

    [Fact]
    public void Project_whose_evaluation_warns_is_built_and_audited()
    {
        // ImportTwiceApp imports a props file twice: MSBuild warns (MSB4011) beside the properties schemalint asks it for.
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "ImportTwiceApp", "--format", "json", "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("warning MSB4011", result.Stderr);
        using var report = CommandAssert.Json(result);
        Assert.Contains(("LedgerContext", "SL2001", (string?)"ImportTwiceApp.Posting", (string?)"Amount"), CommandAssert.Findings(report));
    }
}
