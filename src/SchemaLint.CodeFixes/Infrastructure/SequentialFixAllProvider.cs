using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SchemaLint.CodeFixes.Infrastructure
{
    /// <summary>
    /// Fix All for SchemaLint's fixes: marks the node of every diagnostic in scope, then applies the fixes one after another,
    /// each to the solution the previous one produced, finding its node again through the mark. The batch fixer would compute
    /// every fix against the same snapshot and merge text changes; two fixes that add a statement at the end of the same
    /// configuration block, or a <c>using</c> to the same file, would then conflict and one would be dropped.
    /// </summary>
    internal sealed class SequentialFixAllProvider : FixAllProvider
    {
        public static readonly SequentialFixAllProvider Instance = new SequentialFixAllProvider();

        private SequentialFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeFixProvider is not SchemaLintCodeFix provider) return null;
            var diagnostics = await DiagnosticsInScopeAsync(fixAllContext).ConfigureAwait(false);
            if (diagnostics.Count == 0) return null;

            // dotnet format passes no equivalence key when the one diagnostic it asked about offered no fix (it does not
            // filter that diagnostic by id, and one SchemaLint analyzer reports many ids): each diagnostic then gets the
            // first fix it offers, as a user who accepts the light bulb's first suggestion would.
            var key = fixAllContext.CodeActionEquivalenceKey;
            var solution = fixAllContext.Solution;
            return CodeAction.Create(
                $"Fix all {string.Join(", ", fixAllContext.DiagnosticIds)}" + (key is null ? string.Empty : $" ({key})"),
                cancellationToken => FixAllAsync(provider, key, solution, diagnostics, cancellationToken),
                key);
        }

        private static async Task<List<Diagnostic>> DiagnosticsInScopeAsync(FixAllContext context)
        {
            IEnumerable<Diagnostic> diagnostics;
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document is not null:
                    diagnostics = await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
                    break;
                case FixAllScope.Project:
                    diagnostics = await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
                    break;
                case FixAllScope.Solution:
                    var all = new List<Diagnostic>();
                    foreach (var project in context.Solution.Projects)
                        all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    diagnostics = all;
                    break;
                default:
                    diagnostics = Array.Empty<Diagnostic>();
                    break;
            }

            var ids = context.DiagnosticIds.ToImmutableHashSet();
            return diagnostics
                .Where(d => d.Location.IsInSource && ids.Contains(d.Id))
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
        }

        private static async Task<Solution> FixAllAsync(SchemaLintCodeFix provider, string? key, Solution solution, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var (marked, requests) = await MarkAsync(solution, diagnostics, cancellationToken).ConfigureAwait(false);
            var current = marked;
            foreach (var (documentId, mark, diagnostic) in requests)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = current.GetDocument(documentId);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.GetAnnotatedNodes(mark).FirstOrDefault();
                if (document is null || node is null) continue;

                var target = new FixTarget(document, node, diagnostic);
                var choices = await provider.ChoicesAsync(target, cancellationToken).ConfigureAwait(false);
                var chosen = key is null ? choices.FirstOrDefault()?.EquivalenceKey : choices.FirstOrDefault(c => c.EquivalenceKey == key)?.EquivalenceKey;
                if (chosen is null) continue;
                // A fix that would break the build here is left out; the others still apply.
                current = await provider.ApplyIfItCompilesAsync(chosen, target, cancellationToken).ConfigureAwait(false) ?? current;
            }

            return current;
        }

        /// <summary>Annotates the node each diagnostic was reported on, so that it can be found after other fixes moved it.</summary>
        private static async Task<(Solution Solution, List<(DocumentId Document, SyntaxAnnotation Mark, Diagnostic Diagnostic)> Requests)> MarkAsync(
            Solution solution, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var requests = new List<(DocumentId, SyntaxAnnotation, Diagnostic)>();
            foreach (var group in diagnostics.GroupBy(d => d.Location.SourceTree!))
            {
                var document = solution.GetDocument(group.Key);
                if (document is null) continue;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is null) continue;

                var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
                foreach (var diagnostic in group)
                {
                    var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    var mark = new SyntaxAnnotation("SchemaLint.FixAll");
                    if (!marks.TryGetValue(node, out var list)) marks[node] = list = new List<SyntaxAnnotation>();
                    list.Add(mark);
                    requests.Add((document.Id, mark, diagnostic));
                }

                var annotated = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
                solution = solution.WithDocumentSyntaxRoot(document.Id, annotated);
            }

            return (solution, requests);
        }
    }
}
