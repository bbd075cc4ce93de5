using SchemaLint.Core.Model;

namespace SchemaLint.Core.Tests.SchemaModels;

public class SchemaModelTests
{
    private static SchemaModel Model(params string[] names)
    {
        var model = new SchemaModel();
        foreach (var name in names) model.AddEntity(new EntityTypeModel(name));
        return model;
    }

    [Fact]
    public void Finds_an_entity_by_full_name()
    {
        var model = Model("Shop.Orders.Order", "Shop.Customers.Customer");

        Assert.Equal("Shop.Orders.Order", model.FindEntity("Shop.Orders.Order")!.Name);
    }

    [Fact]
    public void Finds_an_entity_by_an_unambiguous_short_name()
    {
        var model = Model("Shop.Orders.Order", "Shop.Customers.Customer");

        Assert.Equal("Shop.Customers.Customer", model.FindEntity("Customer")!.Name);
    }

    [Fact]
    public void Does_not_guess_between_entities_that_share_a_short_name()
    {
        var model = Model("Sales.Order", "Purchasing.Order");

        Assert.Null(model.FindEntity("Order"));
        Assert.Equal(2, model.EntitiesNamed("Order").Count);
    }

    [Fact]
    public void Sees_entities_added_after_a_lookup()
    {
        var model = Model("Shop.Order");
        Assert.Null(model.FindEntity("Customer"));

        model.AddEntity(new EntityTypeModel("Shop.Customer"));

        Assert.NotNull(model.FindEntity("Customer"));
    }

    [Fact]
    public void Refuses_a_second_entity_with_the_same_name()
    {
        var model = Model("Shop.Order");

        var error = Assert.Throws<InvalidOperationException>(() => model.AddEntity(new EntityTypeModel("Shop.Order")));
        Assert.Contains("already has an entity type named 'Shop.Order'", error.Message);
    }

    [Fact]
    public void Fills_thousands_of_entities_without_rebuilding_its_lookups()
    {
        // 20,000 entities would take minutes if every AddEntity rebuilt the name indexes; here it is a few milliseconds.
        var model = Model(Enumerable.Range(0, 20_000).Select(i => $"Shop.Entity{i}").ToArray());

        Assert.Equal(20_000, model.Entities.Count);
        Assert.Equal("Shop.Entity19999", model.FindEntity("Entity19999")!.Name);
    }

    [Fact]
    public void Room_reserved_after_some_entities_keeps_them_in_order_and_findable()
    {
        var model = Model("Sales.Order", "Purchasing.Order", "Shop.Customer");

        model.ReserveEntities(100);
        model.AddEntity(new EntityTypeModel("Shop.Invoice"));

        Assert.Equal(new[] { "Sales.Order", "Purchasing.Order", "Shop.Customer", "Shop.Invoice" }, model.Entities.Select(e => e.Name));
        Assert.Equal("Shop.Customer", model.FindEntity("Customer")!.Name);
        Assert.Equal(2, model.EntitiesNamed("Order").Count);
        Assert.Throws<InvalidOperationException>(() => model.AddEntity(new EntityTypeModel("Sales.Order")));
    }

    [Fact]
    public void Room_for_a_negative_number_of_entities_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SchemaModel().ReserveEntities(-1));

        Assert.Contains("cannot be negative", error.Message);
    }
}
