using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.Tests.VerifierTests;

/// <summary>
/// A test fixture, not a product fix: renames the method an SL5001 invocation calls, so that the code-fix harness's
/// configuration (single fixes, Fix All, the compile check) is exercised on a fix whose behaviour is known.
/// </summary>
public class RenameToMigrateFixture : CodeFixProvider
{
    private readonly string _newName;

    public RenameToMigrateFixture()
        : this("Migrate")
    {
    }

    protected RenameToMigrateFixture(string newName) => _newName = newName;

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("SL5001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) return;
        context.RegisterCodeFix(
            CodeAction.Create("Rename to " + _newName, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(_newName)))), "RenameTo" + _newName),
            context.Diagnostics);
    }
}

/// <summary>Renames to a method that does not exist: a fix that breaks the build.</summary>
public sealed class RenameToMissingMethodFixture : RenameToMigrateFixture
{
    public RenameToMissingMethodFixture()
        : base("EnsureMissing")
    {
    }
}
