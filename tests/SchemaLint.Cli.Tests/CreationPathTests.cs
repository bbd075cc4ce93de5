using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>The three ways dotnet ef creates a context, each from a compiled fixture application.</summary>
[Collection(CommandCollection.Name)]
public sealed class CreationPathTests
{
    private readonly FixtureApplications _fixtures;

    public CreationPathTests(FixtureApplications fixtures) => _fixtures = fixtures;

    [Fact]
    public void Audits_a_context_that_only_its_design_time_factory_can_create()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        var context = Assert.Single(report.RootElement.GetProperty("contexts").EnumerateArray());
        Assert.Equal("ShopContext", context.GetProperty("name").GetString());
        Assert.Equal("PostgreSql", context.GetProperty("provider").GetString());
        Assert.Contains(("ShopContext", "SL2001", (string?)"FactoryApp.Product", (string?)"Price"), CommandAssert.Findings(report));
    }

    [Fact]
    public void Audits_a_context_registered_by_the_host_that_Main_builds_without_letting_the_application_serve()
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = null, ["DOTNET_ENVIRONMENT"] = null };

        var result = SchemaLintCommand.Run(FixtureApplications.Root, environment, "audit", _fixtures.HostedApp, "--format", "json", "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString()); // HostedApp's findings (SL2003, SL3001) are suggestions
        using var report = CommandAssert.Json(result);
        Assert.Contains(("BlogContext", "SL2003", (string?)"HostedApp.Comment", (string?)"Content"), CommandAssert.Findings(report));
        Assert.Contains("host built by Main", result.Stderr);
        Assert.DoesNotContain("HostedApp is serving", result.Stderr);
        Assert.DoesNotContain("started its hosted services", result.Stderr);
    }

    [Fact]
    public void Audits_a_context_registered_by_a_minimal_hosting_web_application_without_starting_Kestrel()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.WebApp, "--format", "json", "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("OrdersContext", "SL2001", (string?)"WebApp.Order", (string?)"Total"), CommandAssert.Findings(report));
        Assert.DoesNotContain("WebApp is serving", result.Stderr);
        Assert.DoesNotContain("Now listening", result.Stderr);
    }

    [Fact]
    public void Uses_a_static_CreateHostBuilder_method_instead_of_running_Main()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.CreateHostBuilderApp, "--format", "json", "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("LedgerContext", "SL2001", (string?)"CreateHostBuilderApp.Entry", (string?)"Amount"), CommandAssert.Findings(report));
        Assert.Contains("Application services came from Program.CreateHostBuilder", result.Stderr);
    }

    [Fact]
    public void Runs_the_host_in_the_Development_environment_unless_the_caller_chose_another()
    {
        // The fixture configures its database only in appsettings.Development.json.
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = null };

        var result = SchemaLintCommand.Run(FixtureApplications.Root, environment, "audit", _fixtures.HostedApp);

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("BlogContext", message);
        Assert.Contains("ConnectionStrings:Blog is not configured for the Production environment", message);
    }

    [Fact]
    public void Audits_a_context_with_a_parameterless_constructor_and_OnConfiguring_in_a_class_library()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.ConstructorLibrary, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("InventoryContext", "SL2001", (string?)"ConstructorLibrary.StockItem", (string?)"Cost"), CommandAssert.Findings(report));
    }

    [Fact]
    public void Loads_the_application_s_own_EF_Core_patch_even_when_it_is_older_than_schemalint_s()
    {
        // The library gets EF Core through Npgsql 10.0.0, so it runs on EF Core 10.0.0 while schemalint is built on a later patch.
        var manifest = File.ReadAllText(Path.ChangeExtension(_fixtures.ConstructorLibrary, ".deps.json"));
        Assert.Contains("\"Microsoft.EntityFrameworkCore/10.0.0\"", manifest);

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.ConstructorLibrary, "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("InventoryContext", result.Stdout);
        Assert.Contains("created by its parameterless constructor", result.Stdout);
    }

    [Theory]
    [InlineData("ShopContext")]
    [InlineData("FactoryApp.ShopContext")]
    public void Context_option_picks_a_context_by_simple_or_full_name(string name)
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--context", name, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Equal("ShopContext", Assert.Single(report.RootElement.GetProperty("contexts").EnumerateArray()).GetProperty("name").GetString());
    }
}
