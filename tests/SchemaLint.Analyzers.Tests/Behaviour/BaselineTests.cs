using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SchemaLint.Analyzers.Tests.CodeFixes;
using SchemaLint.Analyzers.Tests.CodeFixes.CompileAfterFix;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// The analyzers read the baseline file from AdditionalFiles and do not report what it holds, so the IDE and the build
/// agree with <c>schemalint audit</c>, which writes the file.
/// </summary>
public sealed class BaselineTests
{
    private const string Payments = """
        public class Payment { public int Id { get; set; } public double {|#0:Amount|} { get; set; } }
        public class Order { public int Id { get; set; } public double {|SL2001:Total|} { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Payment> Payments => Set<Payment>();
            public DbSet<Order> Orders => Set<Order>();
        }
        """;

    [Fact]
    public Task A_finding_the_baseline_holds_is_not_reported_and_the_others_are() =>
        RuleVerifier.For(RuleIds.MoneyAsFloatingPoint, Payments)
            .WithAdditionalFile("schemalint.baseline.json", Baseline(("AppDbContext", "Payment", "Amount")))
            .ValidateAsync();

    [Fact]
    public Task A_finding_baselined_in_another_context_is_still_reported() =>
        RuleVerifier.For(RuleIds.MoneyAsFloatingPoint, Payments.Replace("{|#0:Amount|}", "{|SL2001:Amount|}"))
            .WithAdditionalFile("schemalint.baseline.json", Baseline(("ArchiveContext", "Payment", "Amount")))
            .ValidateAsync();

    [Fact]
    public Task A_finding_of_two_contexts_stays_until_the_baseline_holds_it_for_both() =>
        RuleVerifier.For(RuleIds.MoneyAsFloatingPoint, """
            public class Payment { public int Id { get; set; } public double {|SL2001:Amount|} { get; set; } }
            public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
            public class ArchiveContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
            """)
            .WithAdditionalFile("schemalint.baseline.json", Baseline(("AppDbContext", "Payment", "Amount")))
            .ValidateAsync();

    [Fact]
    public Task A_finding_of_two_contexts_the_baseline_holds_for_both_is_not_reported() =>
        RuleVerifier.For(RuleIds.MoneyAsFloatingPoint, """
            public class Payment { public int Id { get; set; } public double {|#0:Amount|} { get; set; } }
            public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
            public class ArchiveContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
            """)
            .WithAdditionalFile("schemalint.baseline.json", Baseline(("AppDbContext", "Payment", "Amount"), ("ArchiveContext", "Payment", "Amount")))
            .ValidateAsync();

    [Fact]
    public Task The_baseline_named_by_schemalint_baseline_is_the_additional_file_ending_with_that_path() =>
        RuleVerifier.For(RuleIds.MoneyAsFloatingPoint, Payments)
            .WithAdditionalFile("config/accepted.json", Baseline(("AppDbContext", "Payment", "Amount")))
            .WithEditorConfig("schemalint.baseline = config/accepted.json")
            .ValidateAsync();

    [Fact]
    public Task A_configured_baseline_that_is_no_additional_file_is_SL0001_and_hides_nothing() =>
        new Verification.Official.SchemaLintAnalyzerTest(RuleIds.MoneyAsFloatingPoint, "SL0001")
            .Source(RuleVerifier.Usings + Payments.Replace("{|#0:Amount|}", "{|SL2001:Amount|}"))
            .WithEditorConfig("schemalint.baseline = config/accepted.json")
            .Expect(new DiagnosticResult("SL0001", DiagnosticSeverity.Warning).WithMessage(
                "SchemaLint configuration problem, the option keeps its default: schemalint.baseline: 'config/accepted.json' is not among the project's AdditionalFiles, so no baseline applies; add <AdditionalFiles Include=\"config/accepted.json\" /> to the project."))
            .ValidateAsync();

    [Fact]
    public Task A_file_that_is_not_a_baseline_is_SL0001_and_hides_nothing() =>
        new Verification.Official.SchemaLintAnalyzerTest(RuleIds.MoneyAsFloatingPoint, "SL0001")
            .Source(RuleVerifier.Usings + Payments.Replace("{|#0:Amount|}", "{|SL2001:Amount|}"))
            .WithAdditionalFile("schemalint.baseline.json", "{ \"version\": 1, \"entries\": {} }")
            .Expect(new DiagnosticResult("SL0001", DiagnosticSeverity.Warning).WithMessage(
                "SchemaLint configuration problem, the option keeps its default: schemalint.baseline: '/0/schemalint.baseline.json' is not a SchemaLint baseline file (\"entries\" must be an array), so no baseline applies; fix it, or rewrite it with schemalint audit --write-baseline."))
            .ValidateAsync();

    [Fact]
    public Task SchemaLintIgnoreBaseline_reports_baselined_findings_too() =>
        RuleVerifier.For(RuleIds.MoneyAsFloatingPoint, Payments.Replace("{|#0:Amount|}", "{|SL2001:Amount|}"))
            .WithAdditionalFile("schemalint.baseline.json", Baseline(("AppDbContext", "Payment", "Amount")))
            .WithGlobalConfig("build_property.SchemaLintIgnoreBaseline = true\n")
            .ValidateAsync();

    [Fact]
    public async Task A_diagnostic_carries_the_fingerprint_and_context_the_audit_writes()
    {
        var diagnostics = await new ProjectBuilder()
            .WithSourceCode(RuleVerifier.Usings + Payments.Replace("{|#0:Amount|}", "{|SL2001:Amount|}"))
            .WithOnlyRules(RuleIds.MoneyAsFloatingPoint)
            .ValidateAsync();

        var amount = diagnostics.Single(d => d.Properties[FingerprintProperties.Member] == "Amount");
        Assert.Equal("AppDbContext", amount.Properties[FingerprintProperties.Context]);
        Assert.Equal(Fingerprint("AppDbContext", "Payment", "Amount").Hash, amount.Properties[FingerprintProperties.Hash]);
    }

    [Fact]
    public async Task The_baselined_budget_tracker_shows_only_a_new_mistake_in_the_open_document()
    {
        var project = BaselinedSampleWithTaxAsDouble(out var expense);

        var diagnostics = await project.AnalyzeDocumentAsync(expense);

        Assert.Equal(new[] { "SL2001 Tax", "SL4001 Tax" }, diagnostics.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).Select(Described).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_baselined_budget_tracker_shows_only_a_new_mistake_in_the_whole_project()
    {
        var project = BaselinedSampleWithTaxAsDouble(out _);

        var diagnostics = await project.ValidateUnmarkedAsync();

        Assert.Equal(new[] { "SL2001 Tax", "SL4001 Tax" }, diagnostics.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).Select(Described).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The sample's sources with the baseline the audit writes for it (tests/Fixtures/Baselines), its Amount moved to the top of
    /// Expense and a new money column, Tax, added as a double: only Tax is new.
    /// </summary>
    private static ProjectBuilder BaselinedSampleWithTaxAsDouble(out int expenseIndex)
    {
        var builder = new ProjectBuilder().AsConsoleApplication().WithAdditionalFile("schemalint.baseline.json", BudgetTrackerSample.AcceptedBaseline());
        expenseIndex = -1;
        var index = 0;
        foreach (var file in BudgetTrackerSample.SourceFiles())
        {
            var path = file.Replace('\\', '/');
            var text = File.ReadAllText(Path.Combine(BudgetTrackerSample.Directory, file)).Replace("\r\n", "\n");
            if (path == "Model/Expense.cs")
            {
                expenseIndex = index;
                text = text.Replace("    public double Amount { get; set; }\n", string.Empty)
                    .Replace("public class Expense\n{\n", "public class Expense\n{\n    public double Amount { get; set; }\n\n    public double Tax { get; set; }\n\n");
            }

            builder.WithSourceCode(path, text);
            index++;
        }

        return builder.WithSourceCode("obj/GlobalUsings.g.cs", FixCorpora.ImplicitUsings);
    }

    private static string Described(Diagnostic diagnostic) =>
        diagnostic.Id + " " + (diagnostic.Properties.TryGetValue(FingerprintProperties.Member, out var member) ? member : "(none)");

    /// <summary>The baseline schemalint audit writes for these findings (context, entity, member) of SL2001.</summary>
    private static string Baseline(params (string Context, string Entity, string Member)[] findings) =>
        BaselineFile.From(findings.Select(f => Fingerprint(f.Context, f.Entity, f.Member))).ToJson();

    // What the audit's host computes from the Finding EF Core's model gives, with the context's full name.
    private static FindingFingerprint Fingerprint(string context, string entity, string member) =>
        FindingFingerprint.For(new Finding(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint), Severity.Warning, "any message", entity, member, null), context);
}
