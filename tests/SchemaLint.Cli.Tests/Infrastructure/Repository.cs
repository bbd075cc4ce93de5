using System.Reflection;

namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>Where the repository and the built command are, as MSBuild recorded them when the tests were built.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Path(params string[] parts) => System.IO.Path.GetFullPath(System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray()));

    public static string CommandAssembly => Path("src", "SchemaLint.Cli", "bin", Configuration, "net10.0", "schemalint.dll");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
