using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.CodeFixes.CompileAfterFix;

/// <summary>
/// Every fix, taken on code it was not written against, keeps the code compiling and removes the diagnostic it fixes: the
/// first fix of each diagnostic and Fix All per rule in solution scope, on the budget-tracker sample, a generated benchmark
/// application and the parity and pattern corpora. Each test prints the per-rule table (fixes applied, builds broken).
/// </summary>
public sealed class CompileAfterFixTests
{
    private readonly ITestOutputHelper _output;

    public CompileAfterFixTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public Task Every_fix_on_the_budget_tracker_sample_keeps_it_compiling_and_removes_its_diagnostic() =>
        AuditAsync("samples/BudgetTracker", FixCorpora.BudgetTracker());

    [Fact]
    public Task Every_fix_on_a_generated_benchmark_app_keeps_it_compiling_and_removes_its_diagnostic() =>
        AuditAsync($"bench app ({FixCorpora.BenchEntities} entities)", FixCorpora.Bench());

    [Fact]
    public Task Every_fix_on_the_parity_and_pattern_models_keeps_them_compiling_and_removes_its_diagnostic() =>
        AuditAsync("Parity and pattern corpora", FixCorpora.ParityAndPatterns());

    private async Task AuditAsync(string corpus, Solution solution)
    {
        var audit = new FixBuildAudit();
        await audit.RunAsync(solution);
        var report = audit.Report(corpus);
        _output.WriteLine(report);

        Assert.True(audit.Tallies.Sum(t => t.FirstFixes) > 0, $"No fix was offered on {corpus}; the corpus no longer exercises the fixes.");
        var failures = audit.Tallies.SelectMany(t => t.Failures).ToList();
        Assert.True(failures.Count == 0, report + "\n" + string.Join("\n\n", failures));
    }
}
