using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Timestamps
{
    /// <summary>SL3003: <c>DateTime.Now</c> becomes <c>DateTime.UtcNow</c>, <c>DateTime.Today</c> becomes <c>DateTime.UtcNow.Date</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UtcNowFix)), Shared]
    public sealed class UtcNowFix : SchemaLintCodeFix
    {
        public const string UseUtc = "SL3003.UseUtcNow";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LocalTimeInTimestamp);

        internal override Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Task.FromResult(Offer(LocalTime(target.Node) is not null, "Use UTC (DateTime.UtcNow)", UseUtc));

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var local = LocalTime(target.Node)!;
            var (name, receiver) = local switch
            {
                MemberAccessExpressionSyntax access => (access.Name.Identifier.ValueText, access.Expression.WithoutTrivia().ToString() + "."),
                _ => (((IdentifierNameSyntax)local).Identifier.ValueText, string.Empty),
            };
            var utc = SyntaxFactory.ParseExpression(receiver + (name == "Today" ? "UtcNow.Date" : "UtcNow")).WithTriviaFrom(local);
            return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.ReplaceNode(local, utc));
        }

        /// <summary><c>DateTime.Now</c>, <c>System.DateTime.Today</c>, or <c>Now</c> under <c>using static System.DateTime</c>.</summary>
        private static ExpressionSyntax? LocalTime(SyntaxNode node) => node switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Now" or "Today" } access => access,
            IdentifierNameSyntax { Identifier.ValueText: "Now" or "Today" } identifier when identifier.Parent is not MemberAccessExpressionSyntax => identifier,
            IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Now" or "Today" } access } => access,
            _ => null,
        };
    }
}
