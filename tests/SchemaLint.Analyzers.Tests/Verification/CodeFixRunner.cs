using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>Applies a code fix the way the IDE does: one diagnostic at a time, or through the provider's Fix All.</summary>
internal sealed class CodeFixRunner
{
    private const int MaxIterations = 100;

    private readonly CodeFixProvider _provider;
    private readonly string? _equivalenceKey;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

    public CodeFixRunner(CodeFixProvider provider, string? equivalenceKey, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        _provider = provider;
        _equivalenceKey = equivalenceKey;
        _analyzers = analyzers;
    }

    /// <summary>Fixes the first fixable diagnostic, re-analyzes, and repeats until no diagnostic offers the fix.</summary>
    public async Task<Project> ApplyOneByOneAsync(Project project)
    {
        var applied = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (diagnostic, action) = await FirstFixAsync(project);
            if (action is null)
            {
                if (applied == 0) Assert.Fail($"{_provider.GetType().Name} offered no fix{KeyText} for any of its diagnostics ({string.Join(", ", _provider.FixableDiagnosticIds)}).");
                return project;
            }

            project = await ApplyAsync(project, action, $"the fix for {diagnostic!.Id} at {diagnostic.Location.GetLineSpan()}");
            applied++;
        }

        Assert.Fail($"{_provider.GetType().Name} was still offering fixes after {MaxIterations} iterations; does the fix remove its diagnostic?");
        return project;
    }

    public async Task<Project> ApplyFixAllAsync(Project project, FixAllScope scope)
    {
        var fixAll = _provider.GetFixAllProvider() ?? throw new InvalidOperationException($"{_provider.GetType().Name} has no Fix All provider.");
        if (!fixAll.GetSupportedFixAllScopes().Contains(scope)) Assert.Fail($"{_provider.GetType().Name}'s Fix All does not support the {scope} scope.");

        var (diagnostic, action) = await FirstFixAsync(project);
        if (diagnostic is null || action is null) Assert.Fail($"{_provider.GetType().Name} offered no fix{KeyText} to start Fix All from.");

        var document = project.GetDocument(diagnostic!.Location.SourceTree)!;
        var diagnosticProvider = new AnalyzerDiagnosticProvider(_analyzers);
        var context = scope == FixAllScope.Document
            ? new FixAllContext(document, _provider, scope, action!.EquivalenceKey, new[] { diagnostic.Id }, diagnosticProvider, CancellationToken.None)
            : new FixAllContext(project, _provider, scope, action!.EquivalenceKey, new[] { diagnostic.Id }, diagnosticProvider, CancellationToken.None);
        var fixAllAction = await fixAll.GetFixAsync(context);
        if (fixAllAction is null) Assert.Fail($"{_provider.GetType().Name}'s Fix All ({scope}) produced no action.");
        return await ApplyAsync(project, fixAllAction!, $"Fix All ({scope})");
    }

    private string KeyText => _equivalenceKey is null ? string.Empty : $" with equivalence key '{_equivalenceKey}'";

    private async Task<(Diagnostic? Diagnostic, CodeAction? Action)> FirstFixAsync(Project project)
    {
        var run = await AnalyzerRun.RunAsync(project, _analyzers, failOnCompilerErrors: false);
        foreach (var diagnostic in run.Diagnostics.Where(d => _provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null) continue;
            var actions = new List<CodeAction>();
            await _provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var chosen = _equivalenceKey is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == _equivalenceKey);
            if (chosen is not null) return (diagnostic, chosen);
        }

        return (null, null);
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action, string what)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changes = operations.OfType<ApplyChangesOperation>().ToList();
        if (changes.Count != 1) Assert.Fail($"{what} should change the solution exactly once; it produced {changes.Count} changes.");
        return changes[0].ChangedSolution.GetProject(project.Id)!;
    }

    /// <summary>Gives Fix All the same analyzer diagnostics the test sees.</summary>
    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public AnalyzerDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AllAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AllAsync(project)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => await AllAsync(project);

        private async Task<ImmutableArray<Diagnostic>> AllAsync(Project project) =>
            (await AnalyzerRun.RunAsync(project, _analyzers, failOnCompilerErrors: false)).Diagnostics;
    }
}
