using Microsoft.CodeAnalysis.CodeFixes;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// Code-fix specifications on the shared verifier: one rule's diagnostics before, the fixed sources after, the fix applied one
/// diagnostic at a time and through Fix All in document and project scope, and no new compiler diagnostic in any of them.
/// Every source gets the usings an EF Core model file has.
/// </summary>
internal sealed class FixVerifier
{
    private readonly ProjectBuilder _builder;
    private readonly string _ruleId;
    private readonly CodeFixProvider _fix;
    private readonly string? _key;
    private bool _checkFixAll = true;

    private FixVerifier(string ruleId, CodeFixProvider fix, string? key)
    {
        _ruleId = ruleId;
        _fix = fix;
        _key = key;
        _builder = new ProjectBuilder().WithOnlyRules(ruleId);
    }

    public static FixVerifier For(string ruleId, CodeFixProvider fix, string? key = null) => new(ruleId, fix, key);

    /// <summary>One file: its source before and after.</summary>
    public FixVerifier File(string before, string after) => File($"Test{FileCount}.cs", before, after);

    public FixVerifier File(string path, string before, string after)
    {
        _builder.WithSourceCode(path, RuleVerifier.Usings + before).ShouldFixCodeWith(path, RuleVerifier.Usings + after);
        FileCount++;
        return this;
    }

    /// <summary>A file as written, without the usings the other files get.</summary>
    public FixVerifier RawFile(string path, string before, string after)
    {
        _builder.WithSourceCode(path, before).ShouldFixCodeWith(path, after);
        FileCount++;
        return this;
    }

    public FixVerifier Oblivious()
    {
        _builder.WithNullableReferenceTypes(false);
        return this;
    }

    public FixVerifier EditorConfig(string text)
    {
        _builder.WithEditorConfig(text);
        return this;
    }

    /// <summary>For fixes whose diagnostics sit in several files: Fix All in one document cannot fix them all.</summary>
    public FixVerifier WithoutDocumentFixAll()
    {
        _checkFixAll = false;
        return this;
    }

    private int FileCount { get; set; }

    public Task RunAsync() => _builder.WithCodeFixProvider(_fix, _key).ValidateCodeFixAsync(_checkFixAll);
}
