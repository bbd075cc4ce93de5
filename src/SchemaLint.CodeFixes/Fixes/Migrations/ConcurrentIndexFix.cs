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
using Microsoft.CodeAnalysis.Text;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Migrations
{
    /// <summary>
    /// SL7001 on PostgreSQL: <c>migrationBuilder.CreateIndex(...)</c> gains <c>.Annotation("Npgsql:CreatedConcurrently", true)</c>
    /// (an annotation set to false is turned to true), which Npgsql writes as <c>CREATE INDEX CONCURRENTLY</c> outside the
    /// migration's transaction. Not offered on SQL Server, where online index builds depend on the edition.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConcurrentIndexFix)), Shared]
    public sealed class ConcurrentIndexFix : SchemaLintCodeFix
    {
        public const string CreateConcurrently = "SL7001.CreateConcurrently";

        private const string Annotation = "Npgsql:CreatedConcurrently";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IndexWithoutConcurrentCreation);

        internal override Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var postgres = target.Diagnostic.Properties.TryGetValue(FindingProperties.Provider, out var provider) && provider == "PostgreSql";
            return Task.FromResult(Offer(postgres && Call(target.Node) is not null, "Create the index concurrently (Npgsql:CreatedConcurrently)", CreateConcurrently));
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var call = Call(target.Node)!;
            var text = await target.Document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var outer = Outermost(call);
            var existing = Annotations(outer).FirstOrDefault(a => a.ArgumentList.Arguments.Count == 2
                && a.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: Annotation });
            TextChange change;
            if (existing is not null)
            {
                change = new TextChange(existing.ArgumentList.Arguments[1].Expression.Span, "true");
            }
            else
            {
                // As EF Core scaffolds it: on a line of its own, indented one level below the statement.
                var statement = outer.FirstAncestorOrSelf<StatementSyntax>();
                var indentation = statement is null ? string.Empty : new string(' ', statement.GetLocation().GetLineSpan().StartLinePosition.Character);
                var newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
                change = new TextChange(new TextSpan(outer.Span.End, 0), $"{newLine}{indentation}    .Annotation(\"{Annotation}\", true)");
            }

            return target.Solution.WithDocumentText(target.Document.Id, text.WithChanges(change));
        }

        /// <summary>The CreateIndex call whose name the diagnostic points at.</summary>
        private static InvocationExpressionSyntax? Call(SyntaxNode node) =>
            node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i =>
                i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateIndex" });

        /// <summary>The call with every <c>.Annotation(...)</c> chained on it.</summary>
        private static InvocationExpressionSyntax Outermost(InvocationExpressionSyntax call)
        {
            var current = call;
            while (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" } access && access.Parent is InvocationExpressionSyntax chained)
                current = chained;
            return current;
        }

        private static IEnumerable<InvocationExpressionSyntax> Annotations(InvocationExpressionSyntax outer)
        {
            for (var current = outer; current.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation", Expression: InvocationExpressionSyntax inner }; current = inner)
                yield return current;
        }
    }
}
