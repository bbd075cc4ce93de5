using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SchemaLint.Analyzers.Tests.Verification.Official;

/// <summary>
/// What every SchemaLint specification on the official Roslyn testing packages shares: the references, the language
/// settings and the rule filter. The project compiles against the runtime the tests run on plus the EF Core, provider and
/// Identity assemblies this test project was built with (<see cref="TestReferences"/>), so no reference pack is downloaded:
/// <see cref="ReferenceAssemblies"/> names the target framework and resolves no package.
/// </summary>
public static class SchemaLintTestProject
{
    public const string SourceDirectory = "/0/";

    /// <summary>The test's own trusted platform assemblies stand in for a reference pack: nothing to restore, the same runtime as the analyzers see.</summary>
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    public static ImmutableArray<string> AllSchemaLintIds { get; } = SchemaLintAnalyzers.All
        .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();

    public static IEnumerable<DiagnosticAnalyzer> Analyzers => SchemaLintAnalyzers.All;

    /// <summary>
    /// Compares only these rules' diagnostics with the markup: the others are disabled, so a test about one rule is not about
    /// every rule the same model happens to trigger. Compiler errors and analyzer exceptions still fail the test.
    /// </summary>
    public static void OnlyRules(List<string> disabledDiagnostics, IEnumerable<string> ruleIds)
    {
        var kept = new HashSet<string>(ruleIds, StringComparer.Ordinal);
        disabledDiagnostics.AddRange(AllSchemaLintIds.Where(id => !kept.Contains(id)));
    }

    public static void AddReferences(ProjectState state, IEnumerable<MetadataReference> references)
    {
        state.ReferenceAssemblies = ReferenceAssemblies;
        state.AdditionalReferences.AddRange(references);
    }

    /// <summary>An .editorconfig in the project directory; a <c>[*.cs]</c> header is added when the text has no section.</summary>
    public static (string Path, string Text) EditorConfig(string text) =>
        (SourceDirectory + ".editorconfig", "root = true\n" + (text.TrimStart().StartsWith('[') ? text : "[*.cs]\n" + text));

    public static string SourcePath(string name) => name.StartsWith('/') ? name : SourceDirectory + name;

    public static CompilationOptions WithNullable(CompilationOptions options, bool nullable) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable);

    /// <summary>The language version the repository compiles with (Directory.Build.props).</summary>
    public static ParseOptions LanguageVersion12(ParseOptions options) => ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.CSharp12);
}
