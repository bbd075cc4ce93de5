namespace SchemaLint.Analyzers.Tests.CodeFixes;

/// <summary>The budget-tracker sample's sources, as the end-to-end and convergence tests start from them.</summary>
internal static class BudgetTrackerSample
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "samples", "BudgetTracker");

    /// <summary>The baseline schemalint audit --write-baseline writes for the sample (the CLI tests check that it still does).</summary>
    public static string AcceptedBaseline() => File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Fixtures", "Baselines", "BudgetTracker.schemalint.baseline.json"));

    /// <summary>Source files relative to the sample directory, build output left out.</summary>
    public static IReadOnlyList<string> SourceFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f))
            .Where(f => !f.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaLint.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No SchemaLint.sln above {AppContext.BaseDirectory}; run the tests from the repository's build output.");
    }
}
