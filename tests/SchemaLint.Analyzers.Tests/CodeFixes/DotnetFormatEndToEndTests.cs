using System.Diagnostics;
using System.Text.RegularExpressions;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// The fixes through the SDK's own client: <c>dotnet format analyzers</c> on a copy of the budget-tracker sample, then a build
/// of the copy that must succeed with none of the fixed ids left. The copy references the analyzer, Core and code-fix
/// assemblies this test was built with as analyzers (a code-fix assembly must be an analyzer reference for dotnet format to
/// find its fixes), the way a package delivers them.
/// </summary>
public sealed class DotnetFormatEndToEndTests : IDisposable
{
    private static readonly string[] FixedIds = { "SL2001", "SL2002", "SL3001", "SL3003", "SL2008", "SL4001" };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "schemalint-format-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Dotnet_format_applies_the_fixes_and_the_sample_builds_without_those_ids()
    {
        var project = CopySample();

        await RunAsync($"restore {project}", _root);
        await RunAsync($"format analyzers {project} --diagnostics {string.Join(" ", FixedIds)} --severity info --no-restore", _root);

        var build = await RunAsync($"build {project} --no-restore -nologo -clp:NoSummary", _root);
        var left = Regex.Matches(build, @"warning (SL\d{4})").Select(m => m.Groups[1].Value).Where(FixedIds.Contains).Distinct().ToList();
        Assert.True(left.Count == 0, $"dotnet format left {string.Join(", ", left)}:\n{build}");
        Assert.Contains("decimal Amount", File.ReadAllText(Path.Combine(_root, "app", "Model", "Expense.cs")));
    }

    private string CopySample()
    {
        var app = Path.Combine(_root, "app");
        foreach (var file in BudgetTrackerSample.SourceFiles())
        {
            var target = Path.Combine(app, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(BudgetTrackerSample.Directory, file), target);
        }

        File.Copy(Path.Combine(BudgetTrackerSample.Directory, "BudgetTracker.csproj"), Path.Combine(app, "BudgetTracker.csproj"));

        // Outside the repository the samples' shared props do not apply: the copy states them itself, with the assemblies
        // under test as analyzers in place of the project reference.
        var analyzers = new[] { typeof(SchemaLintDescriptors).Assembly, typeof(RuleIds).Assembly, typeof(SchemaLintCodeFix).Assembly }
            .Select(a => $"    <Analyzer Include=\"{a.Location}\" />");
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>12.0</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.0" />
            {string.Join("\n", analyzers)}
              </ItemGroup>
            </Project>
            """);

        // The sample picks Npgsql in its design-time factory, which the source front end does not follow; the option says it.
        // Suggestions are raised to warnings so that the build output shows whether any is left.
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n[*.cs]\nschemalint.provider = postgresql\n"
            + string.Concat(FixedIds.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n")));
        return Path.Combine(app, "BudgetTracker.csproj");
    }

    private static async Task<string> RunAsync(string arguments, string workingDirectory)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDNODECOUNT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} failed ({process.ExitCode}):\n{text}");
        return text;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
