using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SchemaLint.Analyzers.Schema;

namespace SchemaLint.Analyzers.Tests.Verification.Official;

/// <summary>
/// A rule specification on the official harness: every SchemaLint analyzer runs (as the compiler loads them all), the markup
/// (<c>{|SL2001:Amount|}</c>) states the diagnostics of the rules under test, and the others are disabled.
/// </summary>
public sealed class SchemaLintAnalyzerTest : CSharpAnalyzerTest<SchemaAnalyzer, DefaultVerifier>
{
    private int _files;

    public SchemaLintAnalyzerTest(params string[] ruleIds)
    {
        SchemaLintTestProject.AddReferences(TestState, TestReferences.EntityFramework);
        if (ruleIds.Length > 0) SchemaLintTestProject.OnlyRules(DisabledDiagnostics, ruleIds);
    }

    public bool NullableReferenceTypes { get; set; } = true;

    public SchemaLintAnalyzerTest Source(string markup) => Source($"Test{_files}.cs", markup);

    public SchemaLintAnalyzerTest Source(string name, string markup)
    {
        TestState.Sources.Add((SchemaLintTestProject.SourcePath(name), markup));
        _files++;
        return this;
    }

    public SchemaLintAnalyzerTest WithEditorConfig(string text)
    {
        TestState.AnalyzerConfigFiles.Add(SchemaLintTestProject.EditorConfig(text));
        return this;
    }

    public SchemaLintAnalyzerTest WithNullableReferenceTypes(bool enabled)
    {
        NullableReferenceTypes = enabled;
        return this;
    }

    public SchemaLintAnalyzerTest WithReferences(IEnumerable<MetadataReference> references)
    {
        TestState.AdditionalReferences.AddRange(references);
        return this;
    }

    public Task ValidateAsync() => RunAsync(CancellationToken.None);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => SchemaLintTestProject.Analyzers;

    protected override CompilationOptions CreateCompilationOptions() => SchemaLintTestProject.WithNullable(base.CreateCompilationOptions(), NullableReferenceTypes);

    protected override ParseOptions CreateParseOptions() => SchemaLintTestProject.LanguageVersion12(base.CreateParseOptions());
}
