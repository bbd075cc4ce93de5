using System.IO.Compression;
using SchemaLint.Tests.Shared;

namespace SchemaLint.Packaging.Tests;

/// <summary>
/// Packs SchemaLint.Analyzers once per run into a local feed and creates a fresh consumer project outside the repository that
/// references it by version, restored into a private package folder (so no package cached by an earlier run is used)
/// that falls back to the machine's folder for EF Core.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    public const string Version = "0.1.0";

    private const string PaymentSource = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class Payment
        {
            public int Id { get; set; }
            public double Amount { get; set; }
        }

        public class ShopContext : DbContext
        {
            public DbSet<Payment> Payments => Set<Payment>();
        }
        """;

    public ConsumerProject()
    {
        Feed = Path.Combine(Scratch, "feed");
        Directory = Path.Combine(Scratch, "consumer");
        System.IO.Directory.CreateDirectory(Directory);

        var pack = ProcessResult.Run("dotnet", new[] { "pack", Repository.Path("src", "SchemaLint.Analyzers.Package", "SchemaLint.Analyzers.Package.csproj"), "-c", Repository.Configuration, "--no-build", "-o", Feed, "-nologo" }, Scratch);
        if (pack.ExitCode != 0) throw new InvalidOperationException("Packing SchemaLint.Analyzers failed." + Environment.NewLine + pack);

        File.WriteAllText(Path.Combine(Directory, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore" Version="10.0.14" />
                <PackageReference Include="SchemaLint.Analyzers" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Payment.cs"), PaymentSource);
        WriteIsolatedNuGetConfig(Directory, Feed, Path.Combine(Scratch, "packages"));

        Build = Run("build", "-p:ErrorLog=" + SarifPath);
        if (Build.ExitCode != 0) throw new InvalidOperationException("Building the consumer project failed." + Environment.NewLine + Build);
    }

    public string Scratch { get; } = System.IO.Directory.CreateTempSubdirectory("schemalint-package-").FullName;

    public string Feed { get; }

    public string Directory { get; }

    public string PackagePath => Path.Combine(Feed, $"SchemaLint.Analyzers.{Version}.nupkg");

    public string SarifPath => Path.Combine(Directory, "out.sarif");

    /// <summary>The first build, with <c>-p:ErrorLog=out.sarif</c>.</summary>
    public ProcessResult Build { get; }

    public ProcessResult Run(params string[] arguments) =>
        ProcessResult.Run("dotnet", arguments.Append("-nologo"), Directory, timeout: TimeSpan.FromMinutes(10));

    /// <summary>
    /// A nuget.config that restores into a private folder (so no package cached by an earlier run is used), finds our
    /// packages in <paramref name="feed"/> and everything else in the machine's package folder or its usual sources.
    /// </summary>
    public static void WriteIsolatedNuGetConfig(string directory, string feed, string packagesFolder)
    {
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <add key="schemalint-local" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public IReadOnlyList<string> PackageEntries()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    public string Nuspec()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        using var reader = new StreamReader(archive.GetEntry("SchemaLint.Analyzers.nuspec")!.Open());
        return reader.ReadToEnd();
    }

    public void Dispose() => System.IO.Directory.Delete(Scratch, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerProject>
{
    public const string Name = "a consumer of the SchemaLint.Analyzers package";
}
