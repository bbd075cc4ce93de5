using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Engine;

/// <summary>
/// An edit outside the model can change what code writes, and nothing else: the analyzers then run again only the rules
/// that read those facts, and must find exactly what a full run finds.
/// </summary>
public class AnalyzeAgainTests
{
    /// <summary>Timestamps nothing sets, flags without defaults, money as double: findings from rules that read code facts and from rules that do not.</summary>
    private static SchemaModel Expenses() =>
        Schema.PostgreSql().FromSource()
            .Entity("User", e => e.Key("Id")
                .Property<string>("Email", p => p.Required().MaxLength(254))
                .Property<bool>("IsActive")
                .Property<DateTime>("CreatedAt")
                .Property<DateTime>("UpdatedAt"))
            .Entity("Expense", e => e.Key("Id")
                .Property<double>("Amount")
                .Property<string>("Status", p => p.Required().MaxLength(20))
                .ForeignKey("UserId", "User")
                .Property<DateTime>("CreatedAt", p => p.AssignedByCode())
                .Property<DateTime>("UpdatedAt")
                .Property<long>("ApprovedAt")
                .Property<string>("ReviewedAt", p => p.Required().MaxLength(40)))
            .Build();

    [Fact]
    public void Running_again_the_rules_that_read_code_facts_finds_what_a_full_run_finds()
    {
        var engine = SchemaLintEngine.Default;
        var before = Expenses();
        var first = engine.AnalyzeByRule(before);

        var after = WithCodeFacts(before, assigned: true, updated: true);
        var again = engine.AnalyzeAgain(after, first, rule => rule.ReadsCodeFacts);

        Assert.Equal(engine.Analyze(after).Select(f => f.ToString()), again.All.Select(f => f.ToString()));
        Assert.NotEqual(first.All.Select(f => f.ToString()), again.All.Select(f => f.ToString()));
    }

    [Fact]
    public void A_rule_left_out_of_the_run_again_keeps_its_findings_even_when_they_no_longer_hold()
    {
        // The caller vouches that only facts the selected rules read changed; the engine takes its word.
        var engine = SchemaLintEngine.Default;
        var before = Expenses();
        var first = engine.AnalyzeByRule(before);

        var again = engine.AnalyzeAgain(WithCodeFacts(before, assigned: true, updated: true), first, rule => false);

        Assert.Equal(first.All.Select(f => f.ToString()), again.All.Select(f => f.ToString()));
    }

    [Fact]
    public void Findings_of_another_engine_are_refused()
    {
        var first = SchemaLintEngine.Default.AnalyzeByRule(Expenses());

        Assert.Throws<ArgumentException>(() => new SchemaLintEngine(RuleCatalog.Rules).AnalyzeAgain(Expenses(), first, rule => true));
    }

    [Fact]
    public void Rules_that_do_not_declare_reading_code_facts_find_the_same_whatever_code_writes()
    {
        // What makes running only the declared rules again safe: every other rule is blind to IsAssignedByCode and IsUpdatedByCode.
        var model = Expenses();
        foreach (var rule in RuleCatalog.Rules.Where(r => !r.Descriptor.ReadsCodeFacts))
        {
            var engine = new SchemaLintEngine(new[] { rule });
            var unknown = engine.Analyze(WithCodeFacts(model, Fact<bool>.Unknown, Fact<bool>.Unknown)).Select(f => f.ToString()).ToList();

            Assert.Equal(unknown, engine.Analyze(WithCodeFacts(model, true, true)).Select(f => f.ToString()));
            Assert.Equal(unknown, engine.Analyze(WithCodeFacts(model, false, false)).Select(f => f.ToString()));
        }
    }

    [Fact]
    public void No_rule_reads_what_code_writes_into_a_property_that_is_not_a_point_in_time()
    {
        // What lets the analyzers ask the code scan about points in time only (RuleCatalog.ReadsCodeFactsOf).
        var model = Expenses();
        var unknown = SchemaLintEngine.Default.Analyze(WithCodeFacts(model, Fact<bool>.Unknown, Fact<bool>.Unknown, p => !RuleCatalog.ReadsCodeFactsOf(p)))
            .Select(f => f.ToString()).ToList();

        Assert.Equal(unknown, SchemaLintEngine.Default.Analyze(WithCodeFacts(model, true, true, p => !RuleCatalog.ReadsCodeFactsOf(p))).Select(f => f.ToString()));
        Assert.Equal(unknown, SchemaLintEngine.Default.Analyze(WithCodeFacts(model, false, false, p => !RuleCatalog.ReadsCodeFactsOf(p))).Select(f => f.ToString()));
        Assert.Contains(model.Entities.SelectMany(e => e.Properties), p => !RuleCatalog.ReadsCodeFactsOf(p) && p.Name.EndsWith("At", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_facts_are_read_of_every_kind_of_point_in_time_and_of_nothing_else()
    {
        foreach (var type in new[] { ClrTypeNames.DateTime, ClrTypeNames.DateTimeOffset, ClrTypeNames.DateOnly, ClrTypeNames.Instant })
            Assert.True(RuleCatalog.ReadsCodeFactsOf(new PropertyModel("CreatedAt", type)), type);
        foreach (var type in new[] { ClrTypeNames.Int64, ClrTypeNames.String, ClrTypeNames.Boolean, ClrTypeNames.Int32 })
            Assert.False(RuleCatalog.ReadsCodeFactsOf(new PropertyModel("CreatedAt", type)), type);
    }

    [Fact]
    public void The_rules_that_read_code_facts_are_the_timestamp_and_default_rules()
    {
        Assert.Equal(new[] { RuleIds.NoDatabaseDefault, RuleIds.TimestampNeverSet },
            RuleCatalog.Rules.Where(r => r.Descriptor.ReadsCodeFacts).Select(r => r.Descriptor.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    /// <summary>The model with every property's code facts (or those <paramref name="which"/> picks) replaced, through the copies the analyzers make after such an edit.</summary>
    private static SchemaModel WithCodeFacts(SchemaModel model, Fact<bool> assigned, Fact<bool> updated, Func<PropertyModel, bool>? which = null)
    {
        var entities = new Dictionary<EntityTypeModel, EntityTypeModel>();
        foreach (var entity in model.Entities)
        {
            var properties = entity.Properties.Where(p => which is null || which(p)).ToDictionary(p => p, p => p.WithCodeFacts(assigned, updated));
            entities[entity] = entity.WithPropertiesReplaced(properties);
        }

        return model.WithEntitiesReplaced(entities);
    }
}
