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
                .Property<DateTime>("UpdatedAt"))
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
    public void The_rules_that_read_code_facts_are_the_timestamp_and_default_rules()
    {
        Assert.Equal(new[] { RuleIds.NoDatabaseDefault, RuleIds.TimestampNeverSet },
            RuleCatalog.Rules.Where(r => r.Descriptor.ReadsCodeFacts).Select(r => r.Descriptor.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    /// <summary>The model with every property's code facts replaced, through the copies the analyzers make after such an edit.</summary>
    private static SchemaModel WithCodeFacts(SchemaModel model, Fact<bool> assigned, Fact<bool> updated)
    {
        var entities = new Dictionary<EntityTypeModel, EntityTypeModel>();
        foreach (var entity in model.Entities)
        {
            var properties = entity.Properties.ToDictionary(p => p, p => p.WithCodeFacts(assigned, updated));
            entities[entity] = entity.WithPropertiesReplaced(properties);
        }

        return model.WithEntitiesReplaced(entities);
    }
}
