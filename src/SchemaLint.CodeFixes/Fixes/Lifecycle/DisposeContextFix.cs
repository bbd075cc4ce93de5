using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Lifecycle
{
    /// <summary>
    /// SL5002: <c>var db = new AppDbContext();</c> becomes <c>using var db = ...;</c> (<c>await using</c> in an async method).
    /// Offered for a local declaration in a block or in top-level statements whose variable is never reassigned (a using
    /// variable cannot be).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisposeContextFix)), Shared]
    public sealed class DisposeContextFix : SchemaLintCodeFix
    {
        public const string AddUsing = "SL5002.AddUsing";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DbContextNotDisposed);

        internal override Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var declaration = Declaration(target.Node);
            var title = declaration is not null && IsInAsyncFunction(declaration) ? "Dispose the context (await using)" : "Dispose the context (using)";
            return Task.FromResult(Offer(declaration is not null, title, AddUsing));
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var declaration = Declaration(target.Node)!;
            var leading = declaration.GetLeadingTrivia();
            var updated = declaration.WithoutLeadingTrivia().WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            if (IsInAsyncFunction(declaration)) updated = updated.WithAwaitKeyword(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.ReplaceNode(declaration, updated.WithLeadingTrivia(leading)));
        }

        private static LocalDeclarationStatementSyntax? Declaration(SyntaxNode node)
        {
            var creation = node.AncestorsAndSelf().FirstOrDefault(n => n is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InvocationExpressionSyntax);
            if (creation is null) return null;
            SyntaxNode value = creation.Parent is AwaitExpressionSyntax awaited ? awaited : creation;
            if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 }
                || declarator.Parent.Parent is not LocalDeclarationStatementSyntax statement
                || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || statement.IsConst)
                return null;

            // A block, or the top-level statements of Program.cs, is the variable's scope.
            SyntaxNode? scope = statement.Parent is BlockSyntax block ? block : statement.Parent is GlobalStatementSyntax global ? global.Parent : null;
            return scope is null || IsReassigned(scope, declarator.Identifier.ValueText) ? null : statement;
        }

        private static bool IsReassigned(SyntaxNode scope, string name) =>
            scope.DescendantNodes().Any(n => n switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left is IdentifierNameSyntax left && left.Identifier.ValueText == name,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && argument.Expression is IdentifierNameSyntax passed && passed.Identifier.ValueText == name,
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => n.ChildNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name),
                _ => false,
            });

        private static bool IsInAsyncFunction(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case MethodDeclarationSyntax method: return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local: return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case AnonymousFunctionExpressionSyntax lambda: return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case AccessorDeclarationSyntax or ConstructorDeclarationSyntax or OperatorDeclarationSyntax: return false;
                }
            }

            return false;
        }
    }
}
