namespace SchemaLint.Bench.Tests;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SchemaLint.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"The tests run from '{AppContext.BaseDirectory}', which is not inside the SchemaLint repository.");
    }
}
