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

    /// <summary>An AdditionalFiles item, as MSBuild passes one to the compiler (the baseline file, for example).</summary>
    public SchemaLintAnalyzerTest WithAdditionalFile(string path, string text)
    {
        TestState.AdditionalFiles.Add((SchemaLintTestProject.SourcePath(path), text));
        return this;
    }

    /// <summary>A global analyzer config (<c>is_global = true</c>), whose keys reach analyzers as global options.</summary>
    public SchemaLintAnalyzerTest WithGlobalConfig(string text)
    {
        TestState.AnalyzerConfigFiles.Add((SchemaLintTestProject.SourceDirectory + ".globalconfig", "is_global = true\n" + text));
        return this;
    }

    /// <summary>A project that does not reference EF Core: the runtime's assemblies only.</summary>
    public SchemaLintAnalyzerTest WithoutEntityFramework()
    {
        TestState.AdditionalReferences.Clear();
        TestState.AdditionalReferences.AddRange(TestReferences.Framework);
        return this;
    }

    /// <summary>A diagnostic stated apart from the markup, for what markup cannot say (a configured severity).</summary>
    public SchemaLintAnalyzerTest Expect(DiagnosticResult diagnostic)
    {
        ExpectedDiagnostics.Add(diagnostic);
        return this;
    }

    public SchemaLintAnalyzerTest WithTestBehaviors(TestBehaviors behaviors)
    {
        TestBehaviors |= behaviors;
        return this;
    }

    public SchemaLintAnalyzerTest WithNullableReferenceTypes(bool enabled)
    {
        NullableReferenceTypes = enabled;
        return this;
    }

    /// <summary>Identity's assemblies as a real build references them: from NuGet's packages folder, so its types are a package's.</summary>
    public SchemaLintAnalyzerTest WithIdentityFromPackages()
    {
        var fromBin = TestState.AdditionalReferences.OfType<PortableExecutableReference>()
            .Where(r => TestReferences.IdentityAssemblies.Contains(Path.GetFileNameWithoutExtension(r.FilePath))).ToList();
        foreach (var reference in fromBin) TestState.AdditionalReferences.Remove(reference);
        TestState.AdditionalReferences.AddRange(TestReferences.IdentityFromPackages);
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
