namespace SchemaLint.Analyzers.Tests.Packaging;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest directory above the test assembly that holds SchemaLint.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Analyzers => Path.Combine(Root, "src", "SchemaLint.Analyzers");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaLint.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No SchemaLint.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
