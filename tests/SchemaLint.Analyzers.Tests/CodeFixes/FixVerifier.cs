using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Analyzers.Tests.Verification.Official;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// Code-fix specifications on the official harness (<see cref="SchemaLintCodeFixTest{TFix}"/>): one rule's diagnostics
/// before, the fixed sources after, the fix with its equivalence key applied one diagnostic at a time and through Fix All in
/// document, project and solution scope. Every source gets the usings an EF Core model file has.
/// </summary>
internal sealed class FixVerifier<TFix>
    where TFix : CodeFixProvider, new()
{
    private readonly SchemaLintCodeFixTest<TFix> _test;
    private int _files;
    private int? _fixAllIterations;

    public FixVerifier(string ruleId, string? key) => _test = new SchemaLintCodeFixTest<TFix>(ruleId, key);

    /// <summary>One file: its source before and after.</summary>
    public FixVerifier<TFix> File(string before, string after) => File($"Test{_files}.cs", before, after);

    public FixVerifier<TFix> File(string path, string before, string after) => RawFile(path, RuleVerifier.Usings + before, RuleVerifier.Usings + after);

    /// <summary>A file as written, without the usings the other files get.</summary>
    public FixVerifier<TFix> RawFile(string path, string before, string after)
    {
        _test.TestState.Sources.Add((SchemaLintTestProject.SourcePath(path), before));
        _test.FixedState.Sources.Add((SchemaLintTestProject.SourcePath(path), after));
        _files++;
        return this;
    }

    public FixVerifier<TFix> Oblivious()
    {
        _test.NullableReferenceTypes = false;
        return this;
    }

    /// <summary>An application rather than a library: top-level statements compile.</summary>
    public FixVerifier<TFix> Application()
    {
        _test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return this;
    }

    public FixVerifier<TFix> EditorConfig(string text)
    {
        _test.TestState.AnalyzerConfigFiles.Add(SchemaLintTestProject.EditorConfig(text));
        return this;
    }

    /// <summary>For fixes whose diagnostics sit in several files: Fix All in one document cannot fix them all.</summary>
    public FixVerifier<TFix> WithoutDocumentFixAll()
    {
        _test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
        return this;
    }

    /// <summary>How many rounds of Fix All it takes (a fix whose result raises a diagnostic the next round fixes).</summary>
    public FixVerifier<TFix> FixAllIterations(int iterations)
    {
        _fixAllIterations = iterations;
        _test.NumberOfFixAllIterations = iterations;
        _test.NumberOfFixAllInDocumentIterations = iterations;
        _test.NumberOfFixAllInProjectIterations = iterations;
        return this;
    }

    public Task RunAsync()
    {
        // The harness ignores markup for fixable diagnostics in the fixed state by default (it expects them fixed); a
        // fixed source that marks one states that it stays, so the markup counts there.
        if (_test.FixedState.Sources.Any(s => s.content.ToString().Contains("{|", StringComparison.Ordinal)))
            _test.FixedState.MarkupHandling = MarkupMode.Allow;
        var changes = _test.TestState.Sources.Zip(_test.FixedState.Sources).Any(p => p.First.content.ToString() != p.Second.content.ToString());
        if (changes && _fixAllIterations is null) _test.ExpectFixAllInOnePass();
        return _test.RunAsync(CancellationToken.None);
    }
}

internal static class FixVerifier
{
    public static FixVerifier<TFix> For<TFix>(string ruleId, string? key = null)
        where TFix : CodeFixProvider, new() => new(ruleId, key);
}
