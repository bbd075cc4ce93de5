using SchemaLint.Core.Model;

namespace SchemaLint.Core.Tests.SchemaModels;

/// <summary>
/// A front end that learns one changed fact copies the few objects that hold it and shares the rest: the copies must see
/// the change, and the originals (which another analysis may still be reading) must not.
/// </summary>
public class ModelCopyTests
{
    [Fact]
    public void A_property_copy_has_the_new_code_facts_and_every_other_fact_of_the_original()
    {
        var original = new PropertyModel("UpdatedAt", ClrTypeNames.DateTime) { IsAssignedByCode = true, IsUpdatedByCode = false, MaxLength = (int?)null, Location = new SourceLocation("Order.cs", 3, 5) };

        var copy = original.WithCodeFacts(true, true);

        Assert.True(copy.IsUpdatedByCode.Value);
        Assert.False(original.IsUpdatedByCode.Value);
        Assert.Equal(original.Name, copy.Name);
        Assert.Equal(original.ClrType, copy.ClrType);
        Assert.Same(original.Location, copy.Location);
    }

    [Fact]
    public void An_entity_copy_replaces_the_named_properties_in_place_and_leaves_the_original_list_alone()
    {
        var entity = new EntityTypeModel("Shop.Order");
        var id = entity.AddProperty(new PropertyModel("Id", ClrTypeNames.Int32));
        var updatedAt = entity.AddProperty(new PropertyModel("UpdatedAt", ClrTypeNames.DateTime));
        var replacement = updatedAt.WithCodeFacts(true, true);

        var copy = entity.WithPropertiesReplaced(new Dictionary<PropertyModel, PropertyModel> { [updatedAt] = replacement });

        Assert.Equal(new[] { id, replacement }, copy.Properties);
        Assert.Equal(new[] { id, updatedAt }, entity.Properties);
        Assert.Equal("Shop.Order", copy.Name);
    }

    [Fact]
    public void A_model_copy_finds_the_replacing_entity_by_name_and_keeps_the_others()
    {
        var model = new SchemaModel("Shop.ShopContext");
        var order = model.AddEntity(new EntityTypeModel("Shop.Order"));
        var customer = model.AddEntity(new EntityTypeModel("Shop.Customer"));
        var newOrder = order.WithPropertiesReplaced(new Dictionary<PropertyModel, PropertyModel>());

        var copy = model.WithEntitiesReplaced(new Dictionary<EntityTypeModel, EntityTypeModel> { [order] = newOrder });

        Assert.Equal(new[] { newOrder, customer }, copy.Entities);
        Assert.Same(newOrder, copy.FindEntity("Order"));
        Assert.Same(order, model.FindEntity("Shop.Order"));
        Assert.Equal("Shop.ShopContext", copy.ContextName);
    }

    [Fact]
    public void A_model_copy_refuses_a_replacement_with_another_name()
    {
        var model = new SchemaModel();
        var order = model.AddEntity(new EntityTypeModel("Shop.Order"));

        Assert.Throws<ArgumentException>(() => model.WithEntitiesReplaced(new Dictionary<EntityTypeModel, EntityTypeModel> { [order] = new EntityTypeModel("Shop.Invoice") }));
    }
}
