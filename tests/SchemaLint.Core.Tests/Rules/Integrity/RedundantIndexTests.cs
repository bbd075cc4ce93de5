using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Integrity;

public class RedundantIndexTests
{
    private const string Id = RuleIds.RedundantIndex;

    private static SchemaBuilder Orders(Action<EntityBuilder> order) =>
        Schema.PostgreSql().Entity("Order", e => order(e.Key("Id").Property<int>("CustomerId").Property<DateTime>("PlacedAt").Property<int>("TenantId")));

    [Fact]
    public void Fires_on_an_index_that_is_a_prefix_of_another()
    {
        var finding = Expect.Single(Orders(e => e.Index("CustomerId").Index("CustomerId", "PlacedAt")).Lint(Id), Id, "Order", "CustomerId");

        Assert.Equal("Index (CustomerId) on 'Order' is a leading prefix of index (CustomerId, PlacedAt); it costs every write and serves no query the other cannot", finding.Message);
        Assert.Equal("index (CustomerId, PlacedAt)", finding.Properties[FindingProperties.RedundantWith]);
    }

    [Fact]
    public void Names_the_index_by_its_columns_even_when_the_model_names_it()
    {
        // EF Core's model names every index (IX_Order_CustomerId), the source only some: the member is the columns in both.
        var schema = Orders(e =>
        {
            e.Index("CustomerId").Index("CustomerId", "PlacedAt");
            e.Entity.Indexes[0].Name = "IX_Order_CustomerId";
        });

        Expect.Single(schema.Lint(Id), Id, "Order", "CustomerId");
    }

    [Fact]
    public void Fires_on_an_index_that_is_a_prefix_of_the_primary_key()
    {
        var findings = Schema.PostgreSql().Entity("OrderLine", e => e.Key("OrderId", "LineNumber").Index("OrderId")).Lint(Id);

        var finding = Expect.Single(findings, Id, "OrderLine", "OrderId");
        Assert.Contains("is a leading prefix of the primary key (OrderId, LineNumber)", finding.Message);
    }

    [Fact]
    public void Reports_only_the_second_of_two_identical_indexes()
    {
        var findings = Orders(e => e.Index("CustomerId").Index("CustomerId")).Lint(Id);

        Assert.Single(findings);
    }

    [Fact]
    public void Is_silent_on_a_unique_index_that_is_a_prefix()
    {
        // A unique index enforces something the wider one does not.
        Assert.Empty(Orders(e => e.UniqueIndex("CustomerId").Index("CustomerId", "PlacedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_filtered_index()
    {
        Assert.Empty(Orders(e => e.FilteredIndex("\"PlacedAt\" IS NULL", false, "CustomerId").Index("CustomerId", "PlacedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_wider_index_is_filtered()
    {
        Assert.Empty(Orders(e => e.Index("CustomerId").FilteredIndex("\"PlacedAt\" IS NULL", false, "CustomerId", "PlacedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_columns_come_in_another_order()
    {
        Assert.Empty(Orders(e => e.Index("PlacedAt").Index("CustomerId", "PlacedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_indexes_are_not_known_to_be_complete()
    {
        Assert.Empty(Orders(e => e.Index("CustomerId").Index("CustomerId", "PlacedAt").Incomplete(ModelCompleteness.Indexes)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_index_with_provider_options()
    {
        // A GIN index, or one with included columns, serves queries a plain index on more columns does not.
        Assert.Empty(Orders(e => e.IndexWithOptions("CustomerId").Index("CustomerId", "PlacedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_wider_index_has_provider_options()
    {
        Assert.Empty(Orders(e => e.Index("CustomerId").IndexWithOptions("CustomerId", "PlacedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_kind_of_index_is_unknown()
    {
        Assert.Empty(Orders(e => e.IndexOfUnknownKind("CustomerId").Index("CustomerId", "PlacedAt")).Lint(Id));
    }
}
