using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>Compiles small model sources against the test's own EF Core and Npgsql assemblies and builds the source schema.</summary>
internal static class SourceModelHarness
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;
        using Microsoft.EntityFrameworkCore.Metadata.Conventions;

        """;

    // Built once per test run: every test compiles against the same references.
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("SchemaLint.", StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith("xunit", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Compiles the sources (usings for EF Core and data annotations added); fails on any compiler error.</summary>
    public static CSharpCompilation Compile(string source, bool nullable = true, params (string Path, string Text)[] moreFiles) =>
        Compile(new[] { ("Model.cs", source) }.Concat(moreFiles).Select(file => Tree("/src/" + file.Item1, file.Item2)), nullable);

    /// <summary>
    /// Compiles the source as <see cref="Compile(string, bool, ValueTuple{string, string}[])"/> does, from a Model.cs written into
    /// <paramref name="directory"/>: the tree's path is that file's, so a PDB emitted from the compilation names a file that exists.
    /// </summary>
    public static CSharpCompilation CompileOnDisk(string directory, string source, bool nullable = true)
    {
        var path = Path.Combine(directory, "Model.cs");
        File.WriteAllText(path, Usings + source);
        return Compile(new[] { Tree(path, source) }, nullable);
    }

    /// <summary>
    /// The files compiled as <see cref="Compile(string, bool, ValueTuple{string, string}[])"/> compiles them, but not asked
    /// anything (no diagnostics, so nothing is bound yet, and errors are allowed).
    /// </summary>
    public static CSharpCompilation Fresh(params (string Path, string Text)[] files) =>
        Create(files.Select(file => Tree("/src/" + file.Path, file.Text)), nullable: true);

    private static SyntaxTree Tree(string path, string source) =>
        CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest), path: path, encoding: System.Text.Encoding.UTF8);

    private static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool nullable) => CSharpCompilation.Create(
        "Model" + Guid.NewGuid().ToString("N"),
        trees,
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable));

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, bool nullable)
    {
        var compilation = Create(trees, nullable);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The test source does not compile:\n" + string.Join("\n", errors));
        return compilation;
    }

    public static SourceSchema Build(CSharpCompilation compilation, SchemaLintOptions? options = null) =>
        SourceSchemaBuilder.Build(compilation, EfSymbols.TryCreate(compilation)!, options ?? SchemaLintOptions.Default, CancellationToken.None);

    /// <summary>The one context's model built from the source.</summary>
    public static SchemaModel Model(string source, bool nullable = true, SchemaLintOptions? options = null) => Build(Compile(source, nullable), options).Models.Single();

    public static EntityTypeModel Entity(this SchemaModel model, string shortName) =>
        model.Entities.SingleOrDefault(e => e.ShortName == shortName) ?? throw new InvalidOperationException($"No entity '{shortName}' in: {string.Join(", ", model.Entities.Select(e => e.ShortName))}");

    public static PropertyModel Property(this EntityTypeModel entity, string name) =>
        entity.FindDeclaredProperty(name) ?? throw new InvalidOperationException($"No property '{name}' on {entity.ShortName}: {string.Join(", ", entity.Properties.Select(p => p.Name))}");

    public static string Text(this SourceLocation? location, CSharpCompilation compilation)
    {
        Assert.NotNull(location);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == location!.FilePath);
        return tree.GetText().ToString(new Microsoft.CodeAnalysis.Text.TextSpan(location!.SpanStart!.Value, location.SpanLength!.Value));
    }
}
