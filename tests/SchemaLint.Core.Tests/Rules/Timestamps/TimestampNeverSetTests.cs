using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Timestamps;

public class TimestampNeverSetTests
{
    private const string Id = RuleIds.TimestampNeverSet;

    private static SchemaBuilder Expense(string name, Action<PropertyBuilder>? configure = null) =>
        Schema.PostgreSql().FromSource().Entity("Expense", e => e.Key("Id").Property<DateTime>(name, configure));

    [Fact]
    public void Fires_on_a_created_timestamp_nothing_sets()
    {
        var finding = Expect.Single(Expense("CreatedAt").Lint(Id), Id, "Expense", "CreatedAt");

        Assert.Equal("'Expense.CreatedAt' is a created timestamp that nothing sets: no database default, no value generation, no assignment; every row gets the CLR default (0001-01-01)", finding.Message);
    }

    [Fact]
    public void Fires_on_an_updated_timestamp_nothing_updates()
    {
        var finding = Expect.Single(Expense("UpdatedAt", p => p.AssignedByCode()).Lint(Id), Id, "Expense", "UpdatedAt");

        Assert.Equal("'Expense.UpdatedAt' is an updated timestamp that nothing updates: no value generation on update and no assignment in a SaveChanges override or interceptor", finding.Message);
    }

    [Fact]
    public void Judges_each_entity_s_created_timestamp_by_its_own_assignment()
    {
        var schema = Schema.PostgreSql().FromSource()
            .Entity("Order", e => e.Key("Id").Property<DateTime>("CreatedAt", p => p.AssignedByCode()))
            .Entity("Invoice", e => e.Key("Id").Property<DateTime>("CreatedAt"));

        Expect.Single(schema.Lint(Id), Id, "Invoice", "CreatedAt");
    }

    [Fact]
    public void Is_silent_on_a_created_timestamp_with_a_database_default()
    {
        Assert.Empty(Expense("CreatedAt", p => p.DefaultSql("now()")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_created_timestamp_assigned_by_code()
    {
        Assert.Empty(Expense("CreatedAt", p => p.AssignedByCode()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_created_timestamp_generated_on_add()
    {
        Assert.Empty(Expense("CreatedAt", p => p.Generated(ValueGeneration.OnAdd)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_updated_timestamp_set_in_SaveChanges()
    {
        Assert.Empty(Expense("UpdatedAt", p => p.UpdatedByCode()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_updated_timestamp_generated_on_update()
    {
        Assert.Empty(Expense("UpdatedAt", p => p.Generated(ValueGeneration.OnAddOrUpdate)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_assignments_are_unknown()
    {
        Assert.Empty(Expense("CreatedAt", p => p.UnknownAssignment()).Lint(Id));
        Assert.Empty(Expense("UpdatedAt", p => p.UnknownAssignment()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_value_generation_is_unknown()
    {
        Assert.Empty(Expense("CreatedAt", p => p.UnknownValueGeneration()).Lint(Id));
        Assert.Empty(Expense("UpdatedAt", p => p.UnknownValueGeneration()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_database_default_is_unknown()
    {
        Assert.Empty(Expense("CreatedAt", p => p.UnknownDefault()).Lint(Id));
    }

    [Fact]
    public void Does_not_run_when_no_source_was_seen()
    {
        var findings = Schema.PostgreSql().Entity("Expense", e => e.Key("Id").Property<DateTime>("CreatedAt", p => p.AssignedByCode(false))).Lint(Id);

        Assert.Empty(findings);
    }
}
