using System.Text.RegularExpressions;
using SchemaLint.Tests.Shared;

namespace SchemaLint.Packaging.Tests;

/// <summary>
/// README.md's "Add it to your project", done as a new user does it, with the commands and code taken from the README
/// itself: the pack command, the nuget.config snippet (the folder's path put in for <c>/home/you/schemalint-packages</c>),
/// <c>dotnet add package</c> for the analyzers and the test-suite API, the test class pasted as it stands, the tool
/// installed globally and run. The consumer runs with a HOME of its own: an empty package folder (so nothing of
/// SchemaLint's is cached from an earlier run, and EF Core itself is not in the cache either), no user NuGet.Config but
/// NuGet's default, and its own global tools folder. Only the HTTP cache of nuget.org is shared, to spare the network; it
/// cannot hold SchemaLint's packages, which come from a folder.
/// </summary>
public sealed class ReadmeWalkthrough : IDisposable
{
    public const string ReadmeFolderPlaceholder = "/home/you/schemalint-packages";

    private const string ModelSource = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class Payment
        {
            public int Id { get; set; }
            public double Amount { get; set; }
            public DateTime CreatedAt { get; set; }
            public DateTime UpdatedAt { get; set; }
        }

        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Payment> Payments => Set<Payment>();
        }

        public class ShopContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ShopContext>
        {
            public ShopContext CreateDbContext(string[] args) =>
                new(new DbContextOptionsBuilder<ShopContext>().UseNpgsql("Host=localhost;Database=shop").Options);
        }
        """;

    public ReadmeWalkthrough()
    {
        Home = Path.Combine(Scratch, "home");
        Solution = Path.Combine(Home, "work");
        Directory.CreateDirectory(Path.Combine(Solution, "Shop"));
        Directory.CreateDirectory(Path.Combine(Solution, "Shop.Tests"));
        var readme = Readme.Adoption(File.ReadAllText(Repository.Path("README.md")));

        // The repository's developer packs in their own environment (their package folder keeps the repository's restore
        // as it is); only the folder, `~/schemalint-packages`, is the new user's.
        Pack = Step(Repository.Root, null, readme.PackCommand.Replace("~/", Home + "/", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(Solution, "nuget.config"), readme.NuGetConfig.Replace(ReadmeFolderPlaceholder, Path.Combine(Home, "schemalint-packages")));
        // A mistake in the configuration: every front end must say so.
        File.WriteAllText(Path.Combine(Solution, ".editorconfig"), "root = true\n[*.cs]\nschemalint.colour_names = red\n");

        File.WriteAllText(Path.Combine(Solution, "Shop", "Shop.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Solution, "Shop", "Model.cs"), ModelSource);
        AddAnalyzers = Step(Path.Combine(Solution, "Shop"), NewUser, readme.AddAnalyzersCommand);
        Build = Step(Path.Combine(Solution, "Shop"), NewUser, "dotnet build -nologo");

        File.WriteAllText(Path.Combine(Solution, "Shop.Tests", "Shop.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Shop/Shop.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Solution, "Shop.Tests", "SchemaLintTests.cs"), readme.TestClass);
        AddTestApi = Step(Path.Combine(Solution, "Shop.Tests"), NewUser, readme.AddTestApiCommand);
        Test = Step(Path.Combine(Solution, "Shop.Tests"), NewUser, "dotnet test -nologo");

        InstallTool = Step(Solution, NewUser, readme.InstallToolCommand);
        Audit = Step(Solution, NewUser, readme.AuditCommand.Replace("path/to/YourApp.csproj", "Shop/Shop.csproj") + " --format json");
    }

    public string Scratch { get; } = Directory.CreateTempSubdirectory("schemalint-readme-").FullName;

    /// <summary>The new user's home: their package folder, their global tools, and the folder README packs into.</summary>
    public string Home { get; }

    /// <summary>The user's solution folder, with README's nuget.config: Shop (the application) and Shop.Tests.</summary>
    public string Solution { get; }

    public ProcessResult Pack { get; }

    public ProcessResult AddAnalyzers { get; }

    public ProcessResult Build { get; }

    public ProcessResult AddTestApi { get; }

    public ProcessResult Test { get; }

    public ProcessResult InstallTool { get; }

    public ProcessResult Audit { get; }

    private IDictionary<string, string?> NewUser
    {
        get
        {
            var machineHttpCache = Environment.GetEnvironmentVariable("NUGET_HTTP_CACHE_PATH")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "NuGet", "http-cache");
            return new Dictionary<string, string?>
            {
                ["HOME"] = Home,
                ["USERPROFILE"] = Home,
                ["NUGET_PACKAGES"] = null,
                ["NUGET_FALLBACK_PACKAGES"] = null,
                ["DOTNET_CLI_HOME"] = null,
                ["NUGET_HTTP_CACHE_PATH"] = machineHttpCache,
                // The installed tool's launcher finds the runtime here, as it would in the user's shell.
                ["DOTNET_ROOT"] = DotnetRoot(),
                ["PATH"] = Path.Combine(Home, ".dotnet", "tools") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            };
        }
    }

    /// <summary>Runs one README command line through bash, as a user pastes it into a shell.</summary>
    private static ProcessResult Step(string directory, IDictionary<string, string?>? environment, string commandLine) =>
        ProcessResult.Run("bash", new[] { "-c", commandLine }, directory, environment, timeout: TimeSpan.FromMinutes(15));

    private static string DotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var which = ProcessResult.Run("bash", new[] { "-c", "readlink -f \"$(command -v dotnet)\"" }, Path.GetTempPath());
        return Path.GetDirectoryName(which.Stdout.Trim())!;
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}

/// <summary>The commands and code of README's "Add it to your project", found by what they are, so the test runs what README says.</summary>
public sealed record Readme(string PackCommand, string NuGetConfig, string AddAnalyzersCommand, string AddTestApiCommand, string TestClass, string InstallToolCommand, string AuditCommand)
{
    public static Readme Adoption(string readme)
    {
        var start = readme.IndexOf("## Add it to your project", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException("README.md has no section 'Add it to your project'.");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);
        var blocks = Regex.Matches(section, "```(?<language>[a-z]*)\\n(?<body>.*?)```", RegexOptions.Singleline)
            .Select(m => (Language: m.Groups["language"].Value, Body: m.Groups["body"].Value))
            .ToList();
        var lines = blocks.Where(b => b.Language.Length == 0).SelectMany(b => b.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        string Line(string prefix) => lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"README's adoption section has no command starting '{prefix}'.");
        string Block(string language, string containing) => blocks.SingleOrDefault(b => b.Language == language && b.Body.Contains(containing, StringComparison.Ordinal)).Body
            ?? throw new InvalidOperationException($"README's adoption section has no {language} block with '{containing}'.");

        return new Readme(
            Line("scripts/pack.sh"),
            Block("xml", "<packageSources>"),
            Line("dotnet add package SchemaLint.Analyzers"),
            Line("dotnet add package SchemaLint.EntityFrameworkCore"),
            Block("csharp", "[Fact]"),
            Line("dotnet tool install"),
            Line("schemalint audit"));
    }
}

[CollectionDefinition(Name)]
public sealed class ReadmeCollection : ICollectionFixture<ReadmeWalkthrough>
{
    public const string Name = "README's adoption section, followed literally";
}

[Collection(ReadmeCollection.Name)]
public sealed class ReadmeWalkthroughTests
{
    private readonly ReadmeWalkthrough _walk;

    public ReadmeWalkthroughTests(ReadmeWalkthrough walk) => _walk = walk;

    [Fact]
    public void One_command_packs_every_package_into_the_folder()
    {
        Assert.True(_walk.Pack.ExitCode == 0, _walk.Pack.ToString());
        var packages = Directory.GetFiles(Path.Combine(_walk.Home, "schemalint-packages"), "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            new[] { $"SchemaLint.Analyzers.{ConsumerProject.Version}.nupkg", $"SchemaLint.Core.{ConsumerProject.Version}.nupkg", $"SchemaLint.EntityFrameworkCore.{ConsumerProject.Version}.nupkg", $"schemalint.{ConsumerProject.Version}.nupkg" },
            packages);
    }

    [Fact]
    public void The_consumer_s_package_folder_started_empty_of_SchemaLint()
    {
        // Everything of SchemaLint's in the new user's package folder came from README's folder during this walk.
        var packages = Path.Combine(_walk.Home, ".nuget", "packages");
        Assert.True(Directory.Exists(Path.Combine(packages, "schemalint.analyzers")), _walk.AddAnalyzers.ToString());
        Assert.True(Directory.Exists(Path.Combine(packages, "microsoft.entityframeworkcore")), "EF Core was restored into the new user's empty package folder too.");
    }

    [Fact]
    public void Adding_the_analyzers_keeps_the_other_sources()
    {
        Assert.True(_walk.AddAnalyzers.ExitCode == 0, _walk.AddAnalyzers.ToString());
    }

    [Fact]
    public void The_build_reports_SchemaLint_warnings()
    {
        Assert.True(_walk.Build.ExitCode == 0, _walk.Build.ToString());
        Assert.Contains("Model.cs(8,19): warning SL2001", _walk.Build.Stdout);
    }

    [Fact]
    public void The_build_reports_a_configuration_mistake_as_SL0001()
    {
        Assert.Contains("warning SL0001: SchemaLint configuration problem, the option keeps its default: schemalint.colour_names: unknown SchemaLint option", _walk.Build.Stdout);
    }

    [Fact]
    public void Adding_the_test_API_brings_its_rule_engine_along()
    {
        Assert.True(_walk.AddTestApi.ExitCode == 0, _walk.AddTestApi.ToString());
        Assert.True(Directory.Exists(Path.Combine(_walk.Home, ".nuget", "packages", "schemalint.core")), _walk.AddTestApi.ToString());
    }

    [Fact]
    public void README_s_test_class_compiles_and_fails_on_the_model_s_findings()
    {
        Assert.DoesNotContain("error CS", _walk.Test.Stdout);
        Assert.True(_walk.Test.ExitCode != 0, _walk.Test.ToString());
        Assert.Contains("SchemaLint.EntityFrameworkCore.SchemaAuditException", _walk.Test.Stdout);
        Assert.Contains("SL2001 warning Payment.Amount", _walk.Test.Stdout);
    }

    [Fact]
    public void README_s_test_class_lists_the_configuration_mistake()
    {
        Assert.Contains("SL0001 schemalint.colour_names: unknown SchemaLint option", _walk.Test.Stdout);
    }

    [Fact]
    public void The_tool_installs_globally_from_the_folder()
    {
        Assert.True(_walk.InstallTool.ExitCode == 0, _walk.InstallTool.ToString());
        Assert.True(File.Exists(Path.Combine(_walk.Home, ".dotnet", "tools", "schemalint")), _walk.InstallTool.ToString());
    }

    [Fact]
    public void The_installed_tool_audits_the_project_that_has_the_analyzers_installed()
    {
        Assert.True(_walk.Audit.ExitCode == 1, _walk.Audit.ToString());
        Assert.Matches("\"ruleId\":\\s*\"SL2001\"", _walk.Audit.Stdout);
    }

    [Fact]
    public void The_audit_reports_the_configuration_mistake_in_one_sentence()
    {
        Assert.Contains("schemalint: warning: schemalint.colour_names: unknown SchemaLint option", _walk.Audit.Stderr);
    }
}
