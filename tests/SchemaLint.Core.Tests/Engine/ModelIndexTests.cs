using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Engine;

/// <summary>The engine's per-run index answers exactly what the model answers, only once per run.</summary>
public class ModelIndexTests
{
    private static (SchemaModel Model, EntityTypeModel Animal, EntityTypeModel Dog) Hierarchy()
    {
        var model = new SchemaModel();
        var animal = model.AddEntity(new EntityTypeModel("Zoo.Animal"));
        animal.AddProperty(new PropertyModel("Id", ClrTypeNames.Int32));
        animal.AddProperty(new PropertyModel("KeeperId", ClrTypeNames.Int32));
        animal.Keys.Add(new KeyModel(new[] { "Id" }, isPrimary: true));
        animal.ForeignKeys.Add(new ForeignKeyModel(new[] { "KeeperId" }, "Zoo.Keeper"));
        var dog = model.AddEntity(new EntityTypeModel("Zoo.Dog") { BaseTypeName = "Zoo.Animal" });
        dog.AddProperty(new PropertyModel("Breed", ClrTypeNames.String));
        dog.Keys.Add(new KeyModel(new[] { "Breed" }, isPrimary: false));
        return (model, animal, dog);
    }

    [Fact]
    public void Answers_inherited_members_as_the_model_does()
    {
        var (model, animal, dog) = Hierarchy();
        var index = new ModelIndex(model);

        Assert.Equal(model.SelfAndBaseTypes(dog), index.SelfAndBaseTypes(dog));
        Assert.Equal(model.AllProperties(dog), index.AllProperties(dog));
        Assert.Equal(model.AllKeys(dog), index.AllKeys(dog));
        Assert.Equal(model.AllForeignKeys(dog), index.AllForeignKeys(dog));
        Assert.Same(animal, index.Root(dog));
        Assert.Same(model.FindProperty(dog, "KeeperId"), index.FindProperty(dog, "KeeperId"));
        Assert.Null(index.FindProperty(dog, "keeperid"));
    }

    [Fact]
    public void Stops_at_a_base_type_seen_before()
    {
        var model = new SchemaModel();
        var a = model.AddEntity(new EntityTypeModel("A") { BaseTypeName = "B" });
        model.AddEntity(new EntityTypeModel("B") { BaseTypeName = "A" });

        Assert.Equal(model.SelfAndBaseTypes(a), new ModelIndex(model).SelfAndBaseTypes(a));
    }

    [Fact]
    public void Tells_key_and_foreign_key_properties_including_inherited_ones()
    {
        var (model, _, dog) = Hierarchy();
        var index = new ModelIndex(model);

        Assert.True(index.IsKeyProperty(dog, "Id", primaryOnly: true));
        Assert.True(index.IsKeyProperty(dog, "Breed"));
        Assert.False(index.IsKeyProperty(dog, "Breed", primaryOnly: true));
        Assert.True(index.IsForeignKeyProperty(dog, "KeeperId"));
        Assert.False(index.IsForeignKeyProperty(dog, "KeeperID"));
        Assert.True(index.IsForeignKeyProperty(dog, "KeeperID", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Is_complete_only_when_every_type_of_the_chain_is()
    {
        var (model, animal, dog) = Hierarchy();
        animal.Completeness = ModelCompleteness.All & ~ModelCompleteness.Indexes;
        var index = new ModelIndex(model);

        Assert.True(index.IsComplete(dog, ModelCompleteness.Properties | ModelCompleteness.Keys));
        Assert.False(index.IsComplete(dog, ModelCompleteness.Indexes));
    }

    [Fact]
    public void May_be_about_a_package_only_when_something_in_the_chain_comes_from_one()
    {
        var (model, animal, dog) = Hierarchy();
        Assert.False(new ModelIndex(model).MayBeAboutPackage(dog));

        animal.Properties[1].Package = "Zoo.Keepers";
        Assert.True(new ModelIndex(model).MayBeAboutPackage(dog));
    }

    [Fact]
    public void May_be_about_a_package_for_an_inherited_relationship_or_a_package_entity()
    {
        var (model, animal, dog) = Hierarchy();
        animal.ForeignKeys[0].Package = "Zoo.Keepers";
        Assert.True(new ModelIndex(model).MayBeAboutPackage(dog));

        var (other, _, otherDog) = Hierarchy();
        otherDog.Package = "Zoo.Dogs";
        Assert.True(new ModelIndex(other).MayBeAboutPackage(otherDog));
    }

    [Fact]
    public void Splits_each_name_once_and_matches_it_as_the_vocabulary_does()
    {
        var index = new ModelIndex(new SchemaModel());
        var vocabulary = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[] { "amount", "=text" });

        Assert.Same(index.Name("TotalAmount"), index.Name("TotalAmount"));
        Assert.Equal("totalamount", index.Name("TotalAmount").Normalized);
        Assert.Equal(new[] { "total", "amount" }, index.Name("TotalAmount").Words);
        foreach (var name in new[] { "TotalAmount", "total_amount", "Amount", "Text", "ButtonText", "Amounts" })
            Assert.Equal(vocabulary.Matches(name), index.Matches(vocabulary, name));
    }

    [Fact]
    public void Lists_the_entities_the_options_do_not_exclude_in_model_order()
    {
        var (model, animal, _) = Hierarchy();
        var options = SchemaLintOptions.Default.WithExcludedEntities("Dog");

        Assert.Equal(new[] { animal }, new ModelIndex(model).EntitiesNotExcluded(options));
    }
}
