using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Tests.Packaging;
using SchemaLint.Analyzers.Tests.Parity;
using SchemaLint.Analyzers.Tests.SourceModel;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Bench.Generator;

namespace SchemaLint.Analyzers.Tests.CodeFixes.CompileAfterFix;

/// <summary>
/// Real code the fixes were not written against, each as a solution: the budget-tracker sample, a generated benchmark
/// application, and the parity and pattern corpora (one project per model, since their models reuse class names).
/// </summary>
internal static class FixCorpora
{
    /// <summary>Small enough to keep the test near a minute on a shared two-core machine, large enough to hold every planted shape.</summary>
    public const int BenchEntities = 10;

    /// <summary>What the SDK's implicit usings give an application that enables them.</summary>
    internal const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static Solution BudgetTracker()
    {
        var files = BudgetTrackerSample.SourceFiles().Select(f => (f.Replace('\\', '/'), File.ReadAllText(Path.Combine(BudgetTrackerSample.Directory, f))))
            .Append(("obj/GlobalUsings.g.cs", ImplicitUsings));

        // The sample picks Npgsql in its design-time factory, which the source front end does not follow; the option says it.
        return AddProject(new AdhocWorkspace().CurrentSolution, "BudgetTracker", files, OutputKind.ConsoleApplication, nullable: true,
            editorConfig: "root = true\n[*.cs]\nschemalint.provider = postgresql\n");
    }

    public static Solution Bench() =>
        AddProject(new AdhocWorkspace().CurrentSolution, AppGenerator.ProjectName, BenchSources(BenchEntities), OutputKind.ConsoleApplication, nullable: true, editorConfig: null);

    /// <summary>The C# files of a generated benchmark application, by path in its project (seeded: the same size gives the same files).</summary>
    public static List<(string Path, string Text)> BenchSources(int entities)
    {
        var output = Path.Combine(Path.GetTempPath(), "schemalint-bench-sources-" + Guid.NewGuid().ToString("N"));
        try
        {
            var app = AppGenerator.Generate(new GeneratorOptions(entities, GeneratorOptions.DefaultSeed, output, RepositoryPaths.Root));
            return Directory.EnumerateFiles(app.ProjectDirectory, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(app.ProjectDirectory, f).Replace('\\', '/'), File.ReadAllText(f)))
                .OrderBy(f => f.Item1, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    public static Solution ParityAndPatterns()
    {
        var solution = new AdhocWorkspace().CurrentSolution;
        foreach (var model in ParityCorpus.Models.Concat(PatternCorpus.Models))
        {
            // Compiled as the parity runner compiles them: the latest language version and every assembly the test run has
            // (some models derive from ASP.NET Core Identity's context).
            solution = AddProject(solution, model.Name, new[] { ("Model.cs", SourceModelHarness.Usings + model.Source) }, OutputKind.DynamicallyLinkedLibrary, model.Nullable,
                editorConfig: null, SourceModelHarness.References, LanguageVersion.Latest);
        }

        return solution;
    }

    private static Solution AddProject(Solution solution, string name, IEnumerable<(string Path, string Text)> files, OutputKind kind, bool nullable, string? editorConfig,
        IEnumerable<MetadataReference>? references = null, LanguageVersion languageVersion = LanguageVersion.CSharp12)
    {
        var projectId = ProjectId.CreateNewId(name);
        var directory = $"/{name}/";
        solution = solution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, name, name, LanguageNames.CSharp, filePath: directory + name + ".csproj",
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable),
            parseOptions: new CSharpParseOptions(languageVersion),
            metadataReferences: references ?? TestReferences.EntityFramework));
        foreach (var (path, text) in files)
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: directory + path);
        if (editorConfig is not null)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: directory + ".editorconfig");
        return solution;
    }
}
