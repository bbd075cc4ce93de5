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

    private static ImmutableArray<MetadataReference> TrustedAssemblies(Func<string, bool> include)
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? throw new InvalidOperationException("The runtime lists no trusted assemblies; run the tests on .NET, not .NET Framework."))
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return paths.Where(include).OrderBy(p => p, StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsFrameworkAssembly(string path) =>
        string.Equals(Path.GetDirectoryName(path), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal);
}
