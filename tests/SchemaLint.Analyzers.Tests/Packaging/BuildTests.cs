using System.Diagnostics;
using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.Packaging;

/// <summary>
/// CI sees the rules through <c>dotnet build</c>: a project that references the analyzer project as an analyzer gets SL
/// warnings in its build output. The analyzer project adds SchemaLint.Core.dll to what it hands such a reference, so that
/// one ProjectReference is all a consumer writes.
/// </summary>
public sealed class BuildTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_project_referencing_the_analyzer_shows_SchemaLint_warnings_in_dotnet_build()
    {
        var directory = Directory.CreateTempSubdirectory("schemalint-build-");
        try
        {
            var analyzerProject = Path.Combine(RepositoryPaths.Analyzers, "SchemaLint.Analyzers.csproj");
            File.WriteAllText(Path.Combine(directory.FullName, "Shop.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <OutputType>Library</OutputType>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.EntityFrameworkCore" Version="10.0.14" />
                    <ProjectReference Include="{analyzerProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory.FullName, "Payment.cs"), """
                using Microsoft.EntityFrameworkCore;
                public class Payment { public int Id { get; set; } public double Amount { get; set; } }
                public class ShopContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
                """);

            // The analyzer project was built with this test project; the child build reuses that output instead of rebuilding it.
            var (exitCode, text) = await RunAsync(directory.FullName, "build", "Shop.csproj", "-c", Configuration, "-p:BuildProjectReferences=false", "-p:UseSharedCompilation=false", "-nodeReuse:false");
            output.WriteLine(text);

            Assert.Equal(0, exitCode);
            Assert.Contains("Payment.cs(2,66): warning SL2001: 'Payment.Amount' looks like money but is a double", text);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The configuration this test assembly was built in (bin/Debug/net10.0 or bin/Release/net10.0).</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        // The test host inherits MSBuild settings of the `dotnet test` that started it; the child build must choose its own.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {BuildTimeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
