using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SchemaLint.CodeFixes.Infrastructure
{
    /// <summary>
    /// A SchemaLint code fix: offers the choices that apply to a diagnostic and applies one of them to the solution.
    /// Fixes often edit another document than the one the diagnostic is in (a configuration class, the DbContext), and
    /// several fixes may edit the same Fluent block; Fix All therefore applies them one after another
    /// (<see cref="SequentialFixAllProvider"/>) instead of merging text changes computed from one snapshot.
    /// </summary>
    public abstract class SchemaLintCodeFix : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id) || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree) continue;
                var target = new FixTarget(context.Document, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), diagnostic);
                foreach (var choice in await ChoicesAsync(target, context.CancellationToken).ConfigureAwait(false))
                {
                    // A fix is offered only once it is known to keep the code compiling: the light bulb never holds a fix
                    // that breaks the build. Computing it here costs what applying it costs, and the action reuses the result.
                    var fixedSolution = await ApplyIfItCompilesAsync(choice.EquivalenceKey, target, context.CancellationToken).ConfigureAwait(false);
                    if (fixedSolution is null) continue;
                    context.RegisterCodeFix(
                        CodeAction.Create(choice.Title, _ => Task.FromResult(fixedSolution), choice.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The fixes that apply to this diagnostic here; empty when none can be written safely.</summary>
        internal abstract Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken);

        /// <summary>Applies the fix with <paramref name="equivalenceKey"/>, one of those <see cref="ChoicesAsync"/> offered.</summary>
        internal abstract Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken);

        /// <summary>
        /// The fix changes or adds members other code can use (a property's type, a new property or navigation): code the fix
        /// did not touch can stop compiling (<c>post.BlogId = null</c> once the key is an <c>int</c>), so the projects that can
        /// see the change are built, not only the documents it edited.
        /// </summary>
        internal virtual bool ChangesMembersOthersUse => false;

        /// <summary>The fix applied, or null when it would add a compiler error.</summary>
        internal async Task<Solution?> ApplyIfItCompilesAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var fixedSolution = await ApplyAsync(equivalenceKey, target, cancellationToken).ConfigureAwait(false);
            var errors = ChangesMembersOthersUse
                ? await BuildGuard.NewErrorsInProjectsAsync(target.Solution, fixedSolution, ChangedProjectsAndDependents(target.Solution, fixedSolution), cancellationToken).ConfigureAwait(false)
                : await BuildGuard.NewErrorsInChangedDocumentsAsync(target.Solution, fixedSolution, cancellationToken).ConfigureAwait(false);
            return errors.Count == 0 ? fixedSolution : null;
        }

        private static IReadOnlyList<ProjectId> ChangedProjectsAndDependents(Solution before, Solution after) =>
            after.GetChanges(before).GetProjectChanges().SelectMany(c => BuildGuard.ProjectAndDependents(before, c.ProjectId)).Distinct().ToList();

        /// <summary>How the diagnostic's entity is configured; null when the entity's source cannot be found.</summary>
        internal static Task<Configuration.EntityConfiguration?> ConfigurationAsync(FixTarget target, CancellationToken cancellationToken) =>
            Configuration.ConfigurationLocator.FindAsync(target.Document.Project, target.EntityName, cancellationToken);

        /// <summary>For single-choice fixes: the choice when it applies, none otherwise.</summary>
        internal static IReadOnlyList<FixChoice> Offer(bool applies, string title, string equivalenceKey) =>
            applies ? new[] { new FixChoice(title, equivalenceKey) } : System.Array.Empty<FixChoice>();
    }
}
