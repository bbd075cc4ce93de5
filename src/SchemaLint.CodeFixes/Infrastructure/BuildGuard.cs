using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SchemaLint.CodeFixes.Infrastructure
{
    /// <summary>
    /// What a fix did to the build: the compiler errors a changed solution has that the original did not. Errors are compared
    /// by id and message, as a multiset per file, because an edit moves every location after it.
    /// </summary>
    internal static class BuildGuard
    {
        /// <summary>
        /// New errors in the documents the fix changed. A fix that only adds configuration (an attribute, a Fluent call, a
        /// property) can break only the code it wrote, so this is enough for it and costs a few semantic models, not a build.
        /// </summary>
        public static async Task<IReadOnlyList<Diagnostic>> NewErrorsInChangedDocumentsAsync(Solution before, Solution after, CancellationToken cancellationToken)
        {
            var added = new List<Diagnostic>();
            foreach (var projectChanges in after.GetChanges(before).GetProjectChanges())
            {
                var documents = projectChanges.GetChangedDocuments().Concat(projectChanges.GetAddedDocuments());
                foreach (var documentId in documents)
                {
                    var previous = projectChanges.OldProject.GetDocument(documentId);
                    var current = projectChanges.NewProject.GetDocument(documentId);
                    if (current is null) continue;
                    added.AddRange(Added(
                        previous is null ? new List<Diagnostic>() : await ErrorsAsync(previous, cancellationToken).ConfigureAwait(false),
                        await ErrorsAsync(current, cancellationToken).ConfigureAwait(false)));
                }
            }

            return added;
        }

        /// <summary>New errors anywhere in these projects: for a fix that changes a declaration every use of it depends on.</summary>
        public static async Task<IReadOnlyList<Diagnostic>> NewErrorsInProjectsAsync(Solution before, Solution after, IEnumerable<ProjectId> projects, CancellationToken cancellationToken)
        {
            var added = new List<Diagnostic>();
            foreach (var projectId in projects)
            {
                var previous = before.GetProject(projectId);
                var current = after.GetProject(projectId);
                if (previous is null || current is null) continue;
                added.AddRange(Added(await ErrorsAsync(previous, cancellationToken).ConfigureAwait(false), await ErrorsAsync(current, cancellationToken).ConfigureAwait(false)));
            }

            return added;
        }

        /// <summary>The project and every project that references it, directly or not: where a changed declaration can break code.</summary>
        public static IReadOnlyList<ProjectId> ProjectAndDependents(Solution solution, ProjectId projectId) =>
            new[] { projectId }.Concat(solution.GetProjectDependencyGraph().GetProjectsThatTransitivelyDependOnThisProject(projectId)).ToList();

        private static async Task<List<Diagnostic>> ErrorsAsync(Document document, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model is null ? new List<Diagnostic>() : model.GetDiagnostics(cancellationToken: cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        private static async Task<List<Diagnostic>> ErrorsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return compilation is null ? new List<Diagnostic>() : compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        private static IEnumerable<Diagnostic> Added(List<Diagnostic> before, List<Diagnostic> after)
        {
            var previous = before.Select(Key).ToList();
            foreach (var diagnostic in after)
            {
                if (!previous.Remove(Key(diagnostic))) yield return diagnostic;
            }
        }

        private static string Key(Diagnostic diagnostic) =>
            (diagnostic.Location.SourceTree?.FilePath ?? string.Empty) + "|" + diagnostic.Id + "|" + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }
}
