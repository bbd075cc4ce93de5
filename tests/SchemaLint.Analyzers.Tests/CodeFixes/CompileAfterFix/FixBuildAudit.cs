using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.CodeFixes.Infrastructure;

namespace SchemaLint.Analyzers.Tests.CodeFixes.CompileAfterFix;

/// <summary>
/// Applies every fix SchemaLint offers on a solution, the way a user would take them: the first fix of each diagnostic, one
/// at a time on the untouched solution, and then Fix All per rule in solution scope. After each, the solution is compiled:
/// a compiler error it did not have before is a broken build, and a fixed diagnostic still reported is a fix that did not fix.
/// </summary>
internal sealed class FixBuildAudit
{
    public static IReadOnlyList<SchemaLintCodeFix> Providers { get; } = typeof(SchemaLintCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(SchemaLintCodeFix).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (SchemaLintCodeFix)Activator.CreateInstance(t)!)
        .ToList();

    private readonly SortedDictionary<string, RuleTally> _tallies = new(StringComparer.Ordinal);
    private readonly Dictionary<ProjectId, AnalyzerRun> _before = new();

    public IReadOnlyCollection<RuleTally> Tallies => _tallies.Values;

    public async Task RunAsync(Solution solution)
    {
        foreach (var project in solution.Projects) _before[project.Id] = await AnalyzerRun.RunAsync(project, SchemaLintAnalyzers.All);

        // The first fix of each diagnostic, and the key Fix All starts from (the first diagnostic's first fix, as the IDE does).
        var fixAllKeys = new Dictionary<string, (SchemaLintCodeFix Provider, string? Key)>(StringComparer.Ordinal);
        var offered = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var project in solution.Projects)
        {
            foreach (var diagnostic in _before[project.Id].Diagnostics)
            {
                var provider = Providers.FirstOrDefault(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));
                var document = provider is null ? null : project.GetDocument(diagnostic.Location.SourceTree);
                if (provider is null || document is null) continue;

                var actions = await ActionsAsync(provider, document, diagnostic);
                var root = (await document.GetSyntaxRootAsync())!;
                var choices = await provider.ChoicesAsync(new FixTarget(document, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), diagnostic), CancellationToken.None);
                if (choices.Count > actions.Count) Tally(diagnostic.Id).Withheld += choices.Count - actions.Count;
                var action = actions.FirstOrDefault();
                if (action is null) continue;
                var tally = Tally(diagnostic.Id);
                tally.FirstFixes++;
                fixAllKeys.TryAdd(diagnostic.Id, (provider, action.EquivalenceKey));
                if (action.EquivalenceKey == fixAllKeys[diagnostic.Id].Key) Add(offered, diagnostic.Id, Key(diagnostic));

                var fixedSolution = await ApplyAsync(action);
                var what = $"{diagnostic.Id} first fix '{action.Title}' for {diagnostic.Location.GetLineSpan()}";
                if (await BrokenAsync(solution, fixedSolution, what, tally)) continue;
                var after = await AnalyzerRun.RunAsync(fixedSolution.GetProject(project.Id)!, SchemaLintAnalyzers.All, failOnCompilerErrors: false);
                if (Count(after.Diagnostics, Key(diagnostic)) >= Count(_before[project.Id].Diagnostics, Key(diagnostic)))
                    tally.Failures.Add($"{what}: the diagnostic is still reported: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var (ruleId, (provider, key)) in fixAllKeys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var tally = Tally(ruleId);
            var fixedSolution = await FixAllAsync(solution, provider, ruleId, key);
            if (fixedSolution is null)
            {
                tally.Failures.Add($"{ruleId}: Fix All in solution scope produced no action although single fixes were offered.");
                continue;
            }

            tally.FixAllRuns++;
            if (await BrokenAsync(solution, fixedSolution, $"{ruleId} Fix All ({key})", tally)) continue;
            foreach (var project in fixedSolution.Projects)
            {
                var after = await AnalyzerRun.RunAsync(project, SchemaLintAnalyzers.All, failOnCompilerErrors: false);
                tally.FixedByFixAll += _before[project.Id].Diagnostics.Count(d => d.Id == ruleId) - after.Diagnostics.Count(d => d.Id == ruleId);
                foreach (var lingering in offered[ruleId].Where(k => Count(after.Diagnostics, k) > 0 && Count(after.Diagnostics, k) >= Count(_before[project.Id].Diagnostics, k)).Distinct())
                    tally.Failures.Add($"{ruleId} Fix All ({key}) in {project.Name}: still reported: {lingering}");
            }
        }
    }

    /// <summary>The per-rule table the test prints: fixes applied one at a time, Fix All runs, builds broken.</summary>
    public string Report(string corpus)
    {
        var text = new StringBuilder($"{corpus}\n| Rule | First fixes applied | Fix All (solution): diagnostics fixed | Fixes withheld (would not compile) | Builds broken |\n|---|---|---|---|---|\n");
        foreach (var tally in _tallies.Values)
            text.Append(CultureInfo.InvariantCulture, $"| {tally.RuleId} | {tally.FirstFixes} | {tally.FixedByFixAll} | {tally.Withheld} | {tally.BrokenBuilds} |\n");
        return text.ToString();
    }

    private RuleTally Tally(string ruleId)
    {
        if (!_tallies.TryGetValue(ruleId, out var tally)) _tallies[ruleId] = tally = new RuleTally(ruleId);
        return tally;
    }

    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action) =>
        (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;

    private async Task<Solution?> FixAllAsync(Solution solution, SchemaLintCodeFix provider, string ruleId, string? key)
    {
        var project = solution.Projects.First(p => _before[p.Id].Diagnostics.Any(d => d.Id == ruleId));
        var context = new FixAllContext(project, provider, FixAllScope.Solution, key, new[] { ruleId }, new AnalyzerDiagnostics(), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context);
        return action is null ? null : await ApplyAsync(action);
    }

    /// <summary>Compiles every project the fix changed; a compiler error it did not have before counts as a broken build.</summary>
    private async Task<bool> BrokenAsync(Solution before, Solution after, string what, RuleTally tally)
    {
        var added = new List<Diagnostic>();
        foreach (var changes in after.GetChanges(before).GetProjectChanges())
        {
            var compilation = (await changes.NewProject.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
            var previous = _before[changes.ProjectId].CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ErrorKey).ToList();
            added.AddRange(errors.Where(e => !previous.Remove(ErrorKey(e))));
        }

        if (added.Count == 0) return false;
        tally.BrokenBuilds++;
        tally.Failures.Add($"{what} broke the build:\n  {string.Join("\n  ", added)}");
        return true;
    }

    private static string ErrorKey(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>A finding's identity across edits: its rule and its message, which names the entity and the member.</summary>
    private static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static int Count(ImmutableArray<Diagnostic> diagnostics, string key) => diagnostics.Count(d => Key(d) == key);

    private static void Add(Dictionary<string, List<string>> lists, string ruleId, string key)
    {
        if (!lists.TryGetValue(ruleId, out var list)) lists[ruleId] = list = new List<string>();
        list.Add(key);
    }

    /// <summary>Fix All asks for the diagnostics of each project as the solution is when it starts.</summary>
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AllAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AllAsync(project)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => await AllAsync(project);

        private static async Task<ImmutableArray<Diagnostic>> AllAsync(Project project) =>
            (await AnalyzerRun.RunAsync(project, SchemaLintAnalyzers.All, failOnCompilerErrors: false)).Diagnostics;
    }
}

internal sealed class RuleTally
{
    public RuleTally(string ruleId) => RuleId = ruleId;

    public string RuleId { get; }

    public int FirstFixes { get; set; }

    public int FixAllRuns { get; set; }

    /// <summary>Diagnostics of the rule reported before Fix All and not after it.</summary>
    public int FixedByFixAll { get; set; }

    /// <summary>Choices a provider had for a diagnostic but did not offer, because applying them would not have compiled.</summary>
    public int Withheld { get; set; }

    public int BrokenBuilds { get; set; }

    public List<string> Failures { get; } = new();
}
