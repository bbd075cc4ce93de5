using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>
/// The assemblies test sources compile against: the runtime this test runs on, and the EF Core, provider and
/// Microsoft.Extensions assemblies this test project itself was compiled with. Built once per test run and shared.
/// </summary>
public static class TestReferences
{
    private static readonly string[] EntityFrameworkPrefixes = { "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Npgsql" };

    // The test project also references the SQL Server and SQLite providers (for the source-model provider specifications);
    // a project with one provider is what the rule specifications describe.
    private static readonly string[] OtherProviders = { "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.EntityFrameworkCore.Sqlite" };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(() => TrustedAssemblies(IsFrameworkAssembly));

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyEntityFramework = new(() =>
        LazyFramework.Value.AddRange(TrustedAssemblies(path => EntityFrameworkPrefixes.Any(p => Path.GetFileName(path).StartsWith(p, StringComparison.Ordinal))
            && !OtherProviders.Any(p => Path.GetFileName(path).StartsWith(p, StringComparison.Ordinal)))));

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyXunit = new(() =>
        ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Xunit.Abstractions.ITestOutputHelper).Assembly.Location)));

    /// <summary>The .NET runtime's assemblies only: a project that does not use EF Core.</summary>
    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    /// <summary>The runtime plus EF Core 10, its relational layer, the Npgsql provider and their Microsoft.Extensions dependencies.</summary>
    public static ImmutableArray<MetadataReference> EntityFramework => LazyEntityFramework.Value;

    /// <summary>xunit, so that a compilation counts as a test project.</summary>
    public static ImmutableArray<MetadataReference> Xunit => LazyXunit.Value;

    public static MetadataReference Of(Assembly assembly) => MetadataReference.CreateFromFile(assembly.Location);

    /// <summary>ASP.NET Core Identity's assemblies whose types an Identity model uses.</summary>
    public static readonly IReadOnlyList<string> IdentityAssemblies = new[]
    {
        "Microsoft.Extensions.Identity.Core", "Microsoft.Extensions.Identity.Stores", "Microsoft.AspNetCore.Identity.EntityFrameworkCore",
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyIdentityFromPackages = new(() =>
        IdentityAssemblies.Select(name => (MetadataReference)MetadataReference.CreateFromFile(RestoredCopyOf(Assembly.Load(name).Location))).ToImmutableArray());

    /// <summary>
    /// Identity's assemblies from where NuGet restored them (<c>~/.nuget/packages/microsoft.extensions.identity.stores/10.0.14/lib/net10.0/...</c>),
    /// the paths MSBuild gives the compiler in a real build, not the copies in this test's bin folder.
    /// </summary>
    public static ImmutableArray<MetadataReference> IdentityFromPackages => LazyIdentityFromPackages.Value;

    /// <summary>The file in NuGet's packages folder that this test's bin copy was made from (the same bytes).</summary>
    private static string RestoredCopyOf(string binCopy)
    {
        var root = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value
            ?? throw new InvalidOperationException("The test assembly does not say where NuGet restored its packages.");
        var name = Path.GetFileName(binCopy);
        var packageFolder = Path.Combine(root, Path.GetFileNameWithoutExtension(name).ToLowerInvariant());
        var bytes = File.ReadAllBytes(binCopy);
        return Directory.EnumerateFiles(packageFolder, name, SearchOption.AllDirectories)
            .FirstOrDefault(candidate => new FileInfo(candidate).Length == bytes.Length && File.ReadAllBytes(candidate).AsSpan().SequenceEqual(bytes))
            ?? throw new InvalidOperationException($"No restored copy of {name} under {packageFolder}.");
    }

    private static ImmutableArray<MetadataReference> TrustedAssemblies(Func<string, bool> include)
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? throw new InvalidOperationException("The runtime lists no trusted assemblies; run the tests on .NET, not .NET Framework."))
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return paths.Where(include).OrderBy(p => p, StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsFrameworkAssembly(string path) =>
        string.Equals(Path.GetDirectoryName(path), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal);
}
