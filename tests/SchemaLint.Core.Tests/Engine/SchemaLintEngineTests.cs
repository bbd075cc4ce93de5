using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Engine;

public class SchemaLintEngineTests
{
    private static SchemaBuilder Sloppy(SchemaBuilder schema) =>
        schema
            .Entity("User", e => e.Key("Id").Property<string>("Email").Property<string>("Name"))
            .Entity("Expense", e => e.Key("Id").Property<double>("Amount").Property<int>("UserId").Property<decimal>("Tax"))
            .Entity("Category", e => e.Key("Id").Property<string>("Name").ForeignKey("ParentId", "Category", fk => fk.OnDelete(DeleteBehaviorKind.Cascade)));

    [Fact]
    public void Orders_findings_by_entity_then_location_then_rule_then_member()
    {
        var findings = Sloppy(Schema.PostgreSql()).Lint();

        var keys = findings.Select(f => (f.EntityName, f.RuleId, f.MemberName)).ToList();
        var sorted = keys.OrderBy(k => k.EntityName, StringComparer.Ordinal).ThenBy(k => k.RuleId, StringComparer.Ordinal).ThenBy(k => k.MemberName ?? "", StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal(new[] { "Category", "Expense", "User" }, findings.Select(f => f.EntityName).Distinct());
    }

    [Fact]
    public void Gives_the_same_order_whatever_order_the_rules_run_in()
    {
        var model = Sloppy(Schema.PostgreSql()).Build();

        var forward = new SchemaLintEngine(RuleCatalog.Rules).Analyze(model).Select(f => f.ToString());
        var backward = new SchemaLintEngine(RuleCatalog.Rules.Reverse()).Analyze(model).Select(f => f.ToString());

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Places_findings_in_source_order_within_an_entity()
    {
        var findings = Schema.PostgreSql()
            .Entity("Expense", e => e.Key("Id").Timestamps()
                .Property<double>("Total", p => p.At(20))
                .Property<double>("Amount", p => p.At(10)))
            .Lint(RuleIds.MoneyAsFloatingPoint);

        Assert.Equal(new[] { "Amount", "Total" }, findings.Select(f => f.MemberName));
    }

    [Fact]
    public void A_rule_configured_none_does_not_run()
    {
        var counting = new CountingRule();
        var options = SchemaLintOptions.Default.WithSeverity(counting.Descriptor.Id, Severity.None);

        new SchemaLintEngine(new[] { counting }).Analyze(Schema.PostgreSql().Build(), options);

        Assert.Equal(0, counting.Runs);
    }

    [Fact]
    public void A_rule_configured_none_reports_nothing()
    {
        var findings = Sloppy(Schema.PostgreSql()).Lint(Config.Of("dotnet_diagnostic.SL2001.severity = none"));

        Expect.None(findings, RuleIds.MoneyAsFloatingPoint);
    }

    [Fact]
    public void Configured_severities_reach_the_findings()
    {
        var findings = Sloppy(Schema.PostgreSql()).Lint(Config.Of("dotnet_diagnostic.SL2001.severity = error"));

        Assert.Equal(Severity.Error, Assert.Single(findings, f => f.RuleId == RuleIds.MoneyAsFloatingPoint).Severity);
    }

    [Fact]
    public void Source_only_rules_do_not_run_without_source()
    {
        var counting = new CountingRule(requiresSource: true);

        new SchemaLintEngine(new[] { counting }).Analyze(Schema.PostgreSql().Build());

        Assert.Equal(0, counting.Runs);
    }

    [Fact]
    public void Source_only_rules_run_when_the_front_end_saw_source()
    {
        var counting = new CountingRule(requiresSource: true);

        new SchemaLintEngine(new[] { counting }).Analyze(Schema.PostgreSql().FromSource().Build());

        Assert.Equal(1, counting.Runs);
    }

    [Fact]
    public void Multiple_cascade_paths_are_an_error_on_SQL_Server_unless_configured()
    {
        var onSqlServer = Sloppy(Schema.SqlServer()).Lint(RuleIds.MultipleCascadePaths);
        var configured = Sloppy(Schema.SqlServer()).Lint(RuleIds.MultipleCascadePaths, Config.Of("dotnet_diagnostic.SL1006.severity = suggestion"));
        var onPostgreSql = Sloppy(Schema.PostgreSql()).Lint(RuleIds.MultipleCascadePaths);

        Assert.Equal(Severity.Error, Assert.Single(onSqlServer).Severity);
        Assert.Equal(Severity.Suggestion, Assert.Single(configured).Severity);
        Assert.Equal(Severity.Warning, Assert.Single(onPostgreSql).Severity);
    }

    [Fact]
    public void Findings_carry_their_rule_and_print_like_a_diagnostic()
    {
        var finding = Assert.Single(Sloppy(Schema.PostgreSql()).Lint(RuleIds.MoneyAsFloatingPoint));

        Assert.Same(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint), finding.Rule);
        Assert.StartsWith("SL2001 warning: 'Expense.Amount' looks like money", finding.ToString());
    }

    [Fact]
    public void A_model_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => SchemaLintEngine.Default.Analyze(null!));
    }

    [Fact]
    public void Sorts_names_and_paths_ordinally_and_keeps_the_report_order_of_ties()
    {
        var model = new SchemaModel();
        var upper = model.AddEntity(new EntityTypeModel("Shop.Zebra"));
        var lower = model.AddEntity(new EntityTypeModel("Shop.apple"));
        var reports = new (EntityTypeModel? Entity, string? Member, SourceLocation? Location, string Tag)[]
        {
            (lower, "B", new SourceLocation("src/b.cs", 3), "1"),
            (upper, "A", new SourceLocation("src/a.cs", 9), "2"),
            (upper, "A", new SourceLocation("src/B.cs", 1), "3"),
            (upper, "A", new SourceLocation("src/a.cs", 9), "4"),
            (upper, null, null, "5"),
            (null, "A", new SourceLocation("src/a.cs", 2, 7), "6"),
            (upper, "A", new SourceLocation("src/a.cs", 2, 7), "7"),
            (upper, "B", new SourceLocation("src/a.cs", 2, 7), "8"),
            (upper, "A", new SourceLocation("src/a.cs", 2, 3), "9"),
        };

        var findings = new SchemaLintEngine(new[] { new ScriptedRule(reports) }).Analyze(model);

        // What a chain of ordinal key comparisons gives, with ties in report order (Enumerable.OrderBy is stable).
        var expected = reports
            .OrderBy(r => r.Entity?.Name ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => (r.Location ?? r.Entity?.Location)?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => (r.Location ?? r.Entity?.Location)?.Line ?? 0)
            .ThenBy(r => (r.Location ?? r.Entity?.Location)?.Column ?? 0)
            .ThenBy(r => r.Member ?? string.Empty, StringComparer.Ordinal)
            .Select(r => r.Tag);
        Assert.Equal(expected, findings.Select(f => f.Message));
        Assert.Equal(new[] { "6", "5", "3", "9", "7", "8", "2", "4", "1" }, findings.Select(f => f.Message));
    }

    private sealed class ScriptedRule : SchemaRule
    {
        private readonly (EntityTypeModel? Entity, string? Member, SourceLocation? Location, string Tag)[] _reports;

        public ScriptedRule((EntityTypeModel? Entity, string? Member, SourceLocation? Location, string Tag)[] reports)
        {
            _reports = reports;
        }

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("SL9002", "Scripted", "{0}", RuleCategories.Integrity, Severity.Warning, "Reports what it is given, in that order.");

        public override void Analyze(RuleContext context)
        {
            foreach (var report in _reports) context.Report(report.Entity, report.Member, report.Location, report.Tag);
        }
    }

    private sealed class CountingRule : SchemaRule
    {
        public CountingRule(bool requiresSource = false)
        {
            Descriptor = new RuleDescriptor("SL9001", "Counting", "Counted {0}", RuleCategories.Integrity, Severity.Warning, "Counts its runs.", requiresSource);
        }

        public int Runs { get; private set; }

        public override RuleDescriptor Descriptor { get; }

        public override void Analyze(RuleContext context) => Runs++;
    }
}
