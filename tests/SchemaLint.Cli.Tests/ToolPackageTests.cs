using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>schemalint ships as a .NET tool whose package carries the inner host; installed, it audits like the built command.</summary>
[Collection(CommandCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tool-").FullName;

    public ToolPackageTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Packs_installs_as_a_dotnet_tool_and_audits()
    {
        var packages = Path.Combine(_scratch, "nupkg");
        var tools = Path.Combine(_scratch, "tools");
        // A private package folder, so that no cached schemalint package from an earlier run is installed instead.
        var isolated = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_scratch, "nuget-packages") };

        var pack = ProcessResult.Run("dotnet", new[] { "pack", Repository.Path("src", "SchemaLint.Cli", "SchemaLint.Cli.csproj"), "-c", Repository.Configuration, "--no-build", "-o", packages, "-nologo" }, _scratch);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var install = ProcessResult.Run("dotnet", new[] { "tool", "install", "schemalint", "--tool-path", tools, "--add-source", packages }, _scratch, isolated);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.True(File.Exists(Path.Combine(tools, ".store", "schemalint", "0.1.0", "schemalint", "0.1.0", "tools", "net10.0", "any", "host", "SchemaLint.Cli.Host.dll")), "The tool package lacks the inner host.");

        var audit = ProcessResult.Run(Path.Combine(tools, "schemalint"), new[] { "audit", _fixtures.FactoryApp, "--format", "json" }, FixtureApplications.Root);

        Assert.True(audit.ExitCode == 1, audit.ToString());
        using var report = CommandAssert.Json(audit);
        Assert.Contains(("ShopContext", "SL2001", (string?)"FactoryApp.Product", (string?)"Price"), CommandAssert.Findings(report));
    }
}
