using System.Collections.Generic;
using System.Linq;
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

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(LocalTime(target.Node) is not null || (await StoredLocalTimeAsync(target, cancellationToken).ConfigureAwait(false)).Count > 0, "Use UTC (DateTime.UtcNow)", UseUtc);

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            if (LocalTime(target.Node) is { } local)
            {
                var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.ReplaceNode(local, Utc(local)));
            }

            // Reported where a local or field holding local time is written: the local time is where it was stored.
            var solution = target.Solution;
            foreach (var group in (await StoredLocalTimeAsync(target, cancellationToken).ConfigureAwait(false)).GroupBy(n => n.SyntaxTree))
            {
                var document = solution.GetDocument(group.Key);
                if (document is null) continue;
                var root = await group.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(group, (_, current) => Utc(current)));
            }

            return solution;
        }

        private static ExpressionSyntax Utc(ExpressionSyntax local)
        {
            var (name, receiver) = local switch
            {
                MemberAccessExpressionSyntax access => (access.Name.Identifier.ValueText, access.Expression.WithoutTrivia().ToString() + "."),
                _ => (((IdentifierNameSyntax)local).Identifier.ValueText, string.Empty),
            };
            return SyntaxFactory.ParseExpression(receiver + (name == "Today" ? "UtcNow.Date" : "UtcNow")).WithTriviaFrom(local);
        }

        /// <summary>
        /// The <c>DateTime.Now</c>/<c>Today</c> stored in the local or field the diagnostic's node reads: its initializer, and the
        /// assignments to it in the same member (a local) or type (a field); the one step the analyzer follows.
        /// </summary>
        private static async Task<IReadOnlyList<ExpressionSyntax>> StoredLocalTimeAsync(FixTarget target, CancellationToken cancellationToken)
        {
            if (target.Node is not ExpressionSyntax expression) return System.Array.Empty<ExpressionSyntax>();
            var model = await target.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var symbol = model?.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is not (IFieldSymbol or ILocalSymbol)) return System.Array.Empty<ExpressionSyntax>();

            var found = new List<ExpressionSyntax>();
            var scopes = new List<SyntaxNode>();
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var declarator = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
                if (declarator is VariableDeclaratorSyntax { Initializer: { } initializer }) found.AddRange(LocalTimesIn(initializer.Value));
                if (symbol is ILocalSymbol && declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member) scopes.Add(member);
            }

            if (symbol is IFieldSymbol field)
            {
                foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
                    scopes.Add(await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false));
            }

            foreach (var scope in scopes)
            {
                var scopeModel = target.Document.Project.GetDocument(scope.SyntaxTree) is { } document ? await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) : null;
                if (scopeModel is null) continue;
                foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && SymbolEqualityComparer.Default.Equals(scopeModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, symbol))
                        found.AddRange(LocalTimesIn(assignment.Right));
                }
            }

            return found;
        }

        private static IEnumerable<ExpressionSyntax> LocalTimesIn(ExpressionSyntax value) =>
            value.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
                .Where(n => n is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Now" or "Today" } access && access.Expression.ToString() is "DateTime" or "System.DateTime");

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
