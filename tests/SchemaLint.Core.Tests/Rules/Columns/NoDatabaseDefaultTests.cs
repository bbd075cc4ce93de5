using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class NoDatabaseDefaultTests
{
    private const string Id = RuleIds.NoDatabaseDefault;

    public enum OrderStatus
    {
        Pending,
        Shipped,
    }

    private static SchemaBuilder Order(string name, Type type, Action<PropertyBuilder>? configure = null, Action<EntityBuilder>? order = null) =>
        Schema.PostgreSql().Entity("Order", e =>
        {
            e.Key("Id").Property(name, type, configure);
            order?.Invoke(e);
        });

    [Fact]
    public void Fires_on_a_flag_without_a_database_default()
    {
        var finding = Expect.Single(Order("IsArchived", typeof(bool)).Lint(Id), Id, "Order", "IsArchived");

        Assert.Equal("'Order.IsArchived' is a non-nullable flag with no default in the database; inserts from anything but this code (scripts, other services, a new migration's backfill) fail or guess", finding.Message);
        Assert.Equal(Severity.Suggestion, finding.Severity);
        Assert.Equal("flag", finding.Properties[FindingProperties.ColumnKind]);
    }

    [Fact]
    public void Fires_on_an_enum_status()
    {
        var finding = Expect.Single(Order("Status", typeof(OrderStatus)).Lint(Id), Id, "Order", "Status");

        Assert.Equal("status", finding.Properties[FindingProperties.ColumnKind]);
    }

    [Fact]
    public void Fires_on_a_created_timestamp_set_only_by_code()
    {
        var findings = Schema.PostgreSql().FromSource().Entity("Order", e => e.Key("Id").Property<DateTime>("CreatedAt", p => p.AssignedByCode())).Lint(Id);

        var finding = Expect.Single(findings, Id, "Order", "CreatedAt");
        Assert.Contains("non-nullable created timestamp", finding.Message);
    }

    [Fact]
    public void Is_silent_with_a_default_value()
    {
        Assert.Empty(Order("IsArchived", typeof(bool), p => p.DefaultValue()).Lint(Id));
    }

    [Fact]
    public void Is_silent_with_a_default_sql()
    {
        Assert.Empty(Order("CreatedAt", typeof(DateTime), p => p.DefaultSql("now()")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_nullable_flag()
    {
        Assert.Empty(Order("IsArchived", typeof(bool?)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_value_generated_on_add()
    {
        Assert.Empty(Order("CreatedAt", typeof(DateTime), p => p.Generated(ValueGeneration.OnAdd)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_created_timestamp_nothing_sets()
    {
        // SL3002 reports that one; two findings for one mistake is noise.
        var findings = Schema.PostgreSql().FromSource().Entity("Order", e => e.Key("Id").Property<DateTime>("CreatedAt")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_ordinary_columns()
    {
        Assert.Empty(Order("Quantity", typeof(int)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_defaults_are_unknown()
    {
        Assert.Empty(Order("IsArchived", typeof(bool), p => p.UnknownDefault()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_value_generation_is_unknown()
    {
        Assert.Empty(Order("IsArchived", typeof(bool), p => p.UnknownValueGeneration()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_column_nullability_is_unknown()
    {
        Assert.Empty(Order("IsArchived", typeof(bool), p => p.UnknownColumnNullability()).Lint(Id));
    }

    [Fact]
    public void Is_silent_in_a_TPH_derived_type()
    {
        var findings = Schema.PostgreSql()
            .Entity("Order", e => e.Key("Id").Tph().Property<bool>("IsArchived", p => p.DefaultValue()))
            .Entity("GiftOrder", e => e.DerivedFrom("Order").Property<bool>("IsWrapped"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_view()
    {
        Assert.Empty(Order("IsArchived", typeof(bool), order: e => e.Keyless().ToView("orders_view")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_address_state()
    {
        // "State" is as often a region of an address as a workflow state.
        Assert.Empty(Order("State", typeof(string)).Lint(Id));
    }
}
