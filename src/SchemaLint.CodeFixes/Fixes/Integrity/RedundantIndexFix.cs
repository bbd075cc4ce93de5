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
using SchemaLint.CodeFixes.Configuration;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Integrity
{
    /// <summary>
    /// SL4002: removes the redundant index, the <c>[Index(...)]</c> attribute or the <c>HasIndex(...)</c> configuration the
    /// diagnostic points at. An index EF Core made by convention (for a foreign key) has no code to remove and gets no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedundantIndexFix)), Shared]
    public sealed class RedundantIndexFix : SchemaLintCodeFix
    {
        public const string RemoveIndex = "SL4002.RemoveIndex";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RedundantIndex);

        internal override Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Task.FromResult(Offer(Index(target.Node) is not null, "Remove the redundant index", RemoveIndex));

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var index = Index(target.Node)!;
            if (index is AttributeSyntax attribute) return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, AttributeEditor.Remove(root, attribute));

            // HasIndex(...) and what is chained to it configure the index alone; the builder it was called on stays.
            var call = (InvocationExpressionSyntax)index;
            var chain = ConfigurationLocator.ChainRoot(call);
            var receiver = ((MemberAccessExpressionSyntax)call.Expression).Expression;
            switch (chain.Parent)
            {
                case ExpressionStatementSyntax statement when receiver is IdentifierNameSyntax || IsEntityCall(receiver):
                    return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepDirectives)!);
                case LambdaExpressionSyntax lambda when receiver is IdentifierNameSyntax:
                    return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.ReplaceNode(lambda, lambda.WithBody(SyntaxFactory.Block()).WithTrailingTrivia(lambda.GetTrailingTrivia())));
                default:
                    return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.ReplaceNode(chain, receiver.WithTriviaFrom(chain)));
            }
        }

        private static bool IsEntityCall(ExpressionSyntax expression) =>
            expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entity" } } };

        private static SyntaxNode? Index(SyntaxNode node)
        {
            var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute is not null) return attribute.Name.ToString() is "Index" or "IndexAttribute" or "Microsoft.EntityFrameworkCore.Index" ? attribute : null;
            return node.AncestorsAndSelf().TakeWhile(n => n is not StatementSyntax).OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => ConfigurationLocator.MethodName(i) == "HasIndex" && i.Expression is MemberAccessExpressionSyntax);
        }
    }
}
