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
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Lifecycle
{
    /// <summary>
    /// SL5001: <c>EnsureCreated()</c> becomes <c>Migrate()</c>, <c>EnsureCreatedAsync(...)</c> becomes <c>MigrateAsync(...)</c>.
    /// Offered only where the result is discarded (EnsureCreated returns whether it created the database, Migrate returns
    /// nothing) and the relational package that declares Migrate is referenced.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MigrateFix)), Shared]
    public sealed class MigrateFix : SchemaLintCodeFix
    {
        public const string UseMigrate = "SL5001.UseMigrate";

        private const string RelationalExtensions = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EnsureCreatedOutsideTests);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var call = Call(target.Node);
            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var applies = call is not null && compilation?.GetTypeByMetadataName(RelationalExtensions) is not null;
            var name = call is null ? string.Empty : MigrateName(call);
            return Offer(applies, $"Apply migrations ({name})", UseMigrate);
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var root = (CompilationUnitSyntax)(await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var call = Call(target.Node)!;
            var access = (MemberAccessExpressionSyntax)call.Expression;
            var rewritten = root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(MigrateName(call)).WithTriviaFrom(access.Name));
            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            rewritten = ImportEditor.AddUsing(compilation!, rewritten, "Microsoft.EntityFrameworkCore");
            return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, rewritten);
        }

        private static string MigrateName(InvocationExpressionSyntax call) =>
            ((MemberAccessExpressionSyntax)call.Expression).Name.Identifier.ValueText == "EnsureCreatedAsync" ? "MigrateAsync" : "Migrate";

        /// <summary>The EnsureCreated call when its result is thrown away: a statement of its own, or awaited as one.</summary>
        private static InvocationExpressionSyntax? Call(SyntaxNode node)
        {
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i =>
                i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnsureCreated" or "EnsureCreatedAsync" });
            if (call is null) return null;
            SyntaxNode used = call.Parent is AwaitExpressionSyntax awaited ? awaited : call;
            while (used.Parent is ParenthesizedExpressionSyntax) used = used.Parent;
            if (used.Parent is ExpressionStatementSyntax) return call;

            // An expression body whose value the method discards: void, or an awaited call in an async method returning Task.
            var returnType = used.Parent is ArrowExpressionClauseSyntax arrow
                ? arrow.Parent switch
                {
                    MethodDeclarationSyntax method => method.ReturnType.ToString(),
                    LocalFunctionStatementSyntax local => local.ReturnType.ToString(),
                    _ => null,
                }
                : null;
            var discarded = returnType == "void" || (used is AwaitExpressionSyntax && returnType is "Task" or "ValueTask" or "System.Threading.Tasks.Task");
            return discarded ? call : null;
        }
    }
}
