using SchemaLint.Tests.Shared;

namespace SchemaLint.Packaging.Tests;

/// <summary>
/// Packs SchemaLint.Core and SchemaLint.EntityFrameworkCore (the test-suite API) into a local feed and runs a fresh program
/// that references the API package by version, builds a model with the Npgsql provider and audits it.
/// </summary>
public sealed class TestApiConsumer : IDisposable
{
    private const string ProgramSource = """
        using Microsoft.EntityFrameworkCore;
        using SchemaLint.EntityFrameworkCore;

        var options = new DbContextOptionsBuilder<ShopContext>().UseNpgsql("Host=localhost;Database=shop").Options;
        using var context = new ShopContext(options);
        var report = SchemaAudit.Run(context);
        foreach (var finding in report.Findings) Console.WriteLine($"{finding.RuleId} {finding.MemberName}");
        try
        {
            SchemaAudit.Verify(context);
            Console.WriteLine("verified");
        }
        catch (SchemaAuditException e)
        {
            Console.WriteLine("verify failed with " + e.Findings.Count);
        }

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
        """;

    public TestApiConsumer()
    {
        var feed = Path.Combine(Scratch, "feed");
        var consumer = Path.Combine(Scratch, "consumer");
        Directory.CreateDirectory(consumer);
        foreach (var project in new[] { "SchemaLint.Core", "SchemaLint.EntityFrameworkCore" })
        {
            var pack = ProcessResult.Run("dotnet", new[] { "pack", Repository.Path("src", project, project + ".csproj"), "-c", Repository.Configuration, "--no-build", "-o", feed, "-nologo" }, Scratch);
            if (pack.ExitCode != 0) throw new InvalidOperationException($"Packing {project} failed." + Environment.NewLine + pack);
        }

        File.WriteAllText(Path.Combine(consumer, "ModelCheck.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.0" />
                <PackageReference Include="SchemaLint.EntityFrameworkCore" Version="{ConsumerProject.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ProgramSource);
        ConsumerProject.WriteIsolatedNuGetConfig(consumer, feed, Path.Combine(Scratch, "packages"));

        Run = ProcessResult.Run("dotnet", new[] { "run", "-nologo" }, consumer, timeout: TimeSpan.FromMinutes(10));
    }

    public string Scratch { get; } = Directory.CreateTempSubdirectory("schemalint-api-package-").FullName;

    /// <summary>What the consumer program printed.</summary>
    public ProcessResult Run { get; }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class TestApiCollection : ICollectionFixture<TestApiConsumer>
{
    public const string Name = "a consumer of the SchemaLint.EntityFrameworkCore package";
}

[Collection(TestApiCollection.Name)]
public sealed class TestApiPackageTests
{
    private readonly TestApiConsumer _consumer;

    public TestApiPackageTests(TestApiConsumer consumer) => _consumer = consumer;

    [Fact]
    public void Package_consumer_audits_its_model()
    {
        Assert.True(_consumer.Run.ExitCode == 0, _consumer.Run.ToString());
        Assert.Contains("SL2001 Amount", _consumer.Run.Stdout);
    }

    [Fact]
    public void Package_consumer_verify_fails_on_warnings()
    {
        Assert.Contains("verify failed with 1", _consumer.Run.Stdout);
    }
}
