using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// Snapshots of a small project as the IDE makes them while a user edits it: a compilation per snapshot, each analysed
/// through the cache shared across snapshots, or extracted afresh to compare with.
/// </summary>
internal static class EditedSnapshots
{
    /// <summary>One options provider for every snapshot, as the IDE keeps it while no .editorconfig changes.</summary>
    private static readonly AnalyzerConfigOptionsProvider Options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty).AnalyzerConfigOptionsProvider;

    /// <summary>A new project of <paramref name="sources"/> (source i is tree i + 1), analysed once through the cache.</summary>
    public static (Compilation Compilation, AnalyzedSchema Schema) Analyzed(params string[] sources)
    {
        // The cache's counters are read through the project's first tree: a file of its own keeps that tree while the others are edited.
        var compilation = Compiled(sources.Prepend("[assembly: System.Reflection.AssemblyDescription(\"carry-over\")]")
            .Select((source, index) => (source, $"{ProjectBuilder.SourceDirectory}File{index}.cs")));
        return (compilation, Schema(compilation));
    }

    /// <summary>A new project of the files, each source at its path, which compiles without errors.</summary>
    public static Compilation Compiled(IEnumerable<(string Source, string Path)> files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Source, parseOptions, file.Path));
        var compilation = CSharpCompilation.Create("CarryOver" + Guid.NewGuid().ToString("N"), trees, TestReferences.EntityFramework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    /// <summary>The schema a fresh extraction of the compilation gives, with no cache.</summary>
    public static AnalyzedSchema Fresh(Compilation compilation) =>
        new CompilationSchema(compilation, EfSymbols.TryCreate(compilation)!, Options, AnalyzerBaseline.None).BuildUncached(CancellationToken.None);

    /// <summary>The schema the analyzers see for the compilation: through the cache, from the snapshot before when it can.</summary>
    public static AnalyzedSchema Schema(Compilation compilation) =>
        new CompilationSchema(compilation, EfSymbols.TryCreate(compilation)!, Options, AnalyzerBaseline.None).Get(CancellationToken.None);

    /// <summary>Replaces text in the source with that index (as passed to <see cref="Analyzed"/>).</summary>
    public static Compilation Edit(Compilation compilation, int sourceIndex, string find, string replacement)
    {
        var tree = compilation.SyntaxTrees.ElementAt(sourceIndex + 1);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in source {sourceIndex}");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, find.Length), replacement))));
    }
}
