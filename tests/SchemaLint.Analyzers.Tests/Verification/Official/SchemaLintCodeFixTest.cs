using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SchemaLint.Analyzers.Schema;

namespace SchemaLint.Analyzers.Tests.Verification.Official;

/// <summary>
/// A code-fix specification on the official harness: the markup states the rule's diagnostics before and after, the fix
/// with the given equivalence key is applied one diagnostic at a time and through Fix All in document, project and solution
/// scope, and each result must equal the fixed sources and compile. A fixed source equal to the source states that no fix
/// is offered.
/// </summary>
public sealed class SchemaLintCodeFixTest<TFix> : CSharpCodeFixTest<SchemaAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public SchemaLintCodeFixTest(string ruleId, string? equivalenceKey)
    {
        SchemaLintTestProject.AddReferences(TestState, TestReferences.EntityFramework);
        SchemaLintTestProject.OnlyRules(DisabledDiagnostics, new[] { ruleId });
        CodeActionEquivalenceKey = equivalenceKey;
    }

    /// <summary>
    /// SchemaLint's Fix All applies the fixes one after another on the solution the previous one produced, so one invocation
    /// fixes everything in scope: states that, for a test whose fixed sources differ from its sources.
    /// </summary>
    public void ExpectFixAllInOnePass()
    {
        NumberOfFixAllIterations = 1;
        NumberOfFixAllInDocumentIterations = 1;
        NumberOfFixAllInProjectIterations = 1;
    }

    public bool NullableReferenceTypes { get; set; } = true;

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => SchemaLintTestProject.Analyzers;

    protected override CompilationOptions CreateCompilationOptions() => SchemaLintTestProject.WithNullable(base.CreateCompilationOptions(), NullableReferenceTypes);

    protected override ParseOptions CreateParseOptions() => SchemaLintTestProject.LanguageVersion12(base.CreateParseOptions());
}
