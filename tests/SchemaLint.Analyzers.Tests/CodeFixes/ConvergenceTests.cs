using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.CodeFixes;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

/// <summary>
/// Every fix, applied through Fix All until nothing changes, turns the budget-tracker sample into a model on which the analyzers
/// report only what no fix addresses: the rules without a fix, and updated timestamps that only application code can set.
/// </summary>
public sealed class ConvergenceTests
{
    private const int MaxRounds = 6;

    private static readonly IReadOnlyList<SchemaLintCodeFix> Providers = typeof(SchemaLintCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(SchemaLintCodeFix).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (SchemaLintCodeFix)Activator.CreateInstance(t)!)
        .ToList();

    [Fact]
    public async Task Applying_every_fix_to_the_budget_tracker_leaves_only_findings_without_a_fix()
    {
        var project = SampleProject();
        var before = await AnalyzerRun.RunAsync(project, SchemaLintAnalyzers.All);
        Assert.NotEmpty(before.Diagnostics.Where(d => Providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id))));

        for (var round = 0; round < MaxRounds; round++)
        {
            var changed = false;
            foreach (var provider in Providers)
            {
                var fixedProject = await FixAllAsync(project, provider);
                if (fixedProject is null) continue;
                changed = true;
                project = fixedProject;
            }

            if (!changed) break;
        }

        var after = await AnalyzerRun.RunAsync(project, SchemaLintAnalyzers.All);
        var added = CompilerDiagnostics.Added(before.CompilerDiagnostics, after.CompilerDiagnostics);
        Assert.True(added.Count == 0, "The fixes broke the build:\n" + string.Join("\n", added));
        var unexpected = after.Diagnostics.Where(d => !HasNoFix(d)).ToList();
        Assert.True(unexpected.Count == 0, "Findings left that a fix should have addressed:\n" + string.Join("\n", unexpected)
            + "\n--- sources ---\n" + string.Join("\n// ---\n", project.Documents.Select(d => d.GetTextAsync().Result.ToString())));
    }

    private static bool HasNoFix(Diagnostic diagnostic) =>
        RulesWithoutFix.Reasons.ContainsKey(diagnostic.Id)
        || (diagnostic.Id == RuleIds.TimestampNeverSet && diagnostic.Properties.TryGetValue(FindingProperties.TimestampKind, out var kind) && kind == "updated");

    /// <summary>One Fix All in project scope with no equivalence key (each diagnostic's first fix); null when nothing changed.</summary>
    private static async Task<Project?> FixAllAsync(Project project, SchemaLintCodeFix provider)
    {
        var diagnostics = (await AnalyzerRun.RunAsync(project, SchemaLintAnalyzers.All, failOnCompilerErrors: false)).Diagnostics;
        if (!diagnostics.Any(d => provider.FixableDiagnosticIds.Contains(d.Id))) return null;

        var context = new FixAllContext(project, provider, FixAllScope.Project, null!, provider.FixableDiagnosticIds, new Diagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context);
        if (action is null) return null;
        var solution = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedProject = solution.GetProject(project.Id)!;
        foreach (var document in fixedProject.Documents)
        {
            var original = project.GetDocument(document.Id);
            if (original is null || !(await document.GetTextAsync()).ContentEquals(await original.GetTextAsync())) return fixedProject;
        }

        return null;
    }

    private static Project SampleProject() => CompileAfterFix.FixCorpora.BudgetTracker().Projects.Single();

    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Diagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
