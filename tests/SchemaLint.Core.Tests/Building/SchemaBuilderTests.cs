using SchemaLint.Core.Model;

namespace SchemaLint.Core.Tests.Building;

/// <summary>The DSL's defaults are the facts a front end records for a plain table entity; the rule tests rely on them.</summary>
public class SchemaBuilderTests
{
    [Fact]
    public void An_entity_is_a_keyed_table_with_complete_collections()
    {
        var entity = Schema.PostgreSql().Entity("Expense", e => e.Key("Id")).Build().Entities.Single();

        Assert.True(entity.Mapping.Is(TableMappingKind.Table));
        Assert.Equal("Expenses", entity.TableName);
        Assert.True(entity.IsKeyless.Is(false));
        Assert.True(entity.NullableReferenceTypes.Is(true));
        Assert.Equal(ModelCompleteness.All, entity.Completeness);
        Assert.Equal(new[] { "Id" }, entity.PrimaryKey!.PropertyNames);
    }

    [Fact]
    public void A_string_under_nullable_reference_types_is_a_known_unbounded_not_null_column()
    {
        var property = Schema.PostgreSql().Entity("User", e => e.Property<string>("Email")).Build().Entities.Single().Properties.Single();

        Assert.True(property.IsColumnNullable.Is(false));
        Assert.True(property.ReferenceNullability.Is(ReferenceNullability.NotAnnotated));
        Assert.True(property.MaxLength.Is(null));
        Assert.True(property.StoreType.Is(null));
        Assert.True(property.HasDatabaseDefault.Is(false));
        Assert.True(property.ValueGenerated.Is(ValueGeneration.Never));
        Assert.False(property.IsAssignedByCode.IsKnown);
    }

    [Fact]
    public void A_string_in_oblivious_code_is_a_nullable_column()
    {
        var property = Schema.PostgreSql().NullableOblivious().Entity("User", e => e.Property<string>("Email")).Build().Entities.Single().Properties.Single();

        Assert.True(property.IsColumnNullable.Is(true));
        Assert.True(property.ReferenceNullability.Is(ReferenceNullability.Oblivious));
    }

    [Fact]
    public void A_nullable_value_type_is_a_nullable_column()
    {
        var property = Schema.PostgreSql().Entity("Post", e => e.Property<int?>("AuthorId")).Build().Entities.Single().Properties.Single();

        Assert.Equal("System.Int32", property.ClrType);
        Assert.True(property.IsNullableValueType);
        Assert.True(property.IsColumnNullable.Is(true));
    }

    [Fact]
    public void Code_facts_are_known_only_when_built_from_source()
    {
        var property = Schema.PostgreSql().FromSource().Entity("User", e => e.Property<DateTime>("CreatedAt")).Build().Entities.Single().Properties.Single();

        Assert.True(property.IsAssignedByCode.Is(false));
        Assert.True(property.IsUpdatedByCode.Is(false));
    }

    [Fact]
    public void A_foreign_key_follows_EF_Core_conventions()
    {
        var comment = Schema.PostgreSql()
            .Entity("Post", e => e.Key("Id"))
            .Entity("Comment", e => e.Key("Id").ForeignKey("PostId", "Post").Property<int?>("ParentId").ForeignKey("ParentId", "Comment"))
            .Build().FindEntity("Comment")!;

        var required = comment.ForeignKeys[0];
        var optional = comment.ForeignKeys[1];
        Assert.True(required.IsRequired.Is(true));
        Assert.True(required.DeleteBehavior.Is(DeleteBehaviorKind.Cascade));
        Assert.True(required.IsDeleteBehaviorExplicit.Is(false));
        Assert.True(required.DeclaredRequiredness.Is(DeclaredRequiredness.Unspecified));
        Assert.Equal("Post", required.DependentNavigation);
        Assert.True(optional.IsRequired.Is(false));
        Assert.True(optional.DeleteBehavior.Is(DeleteBehaviorKind.ClientSetNull));
        Assert.Equal(new[] { "PostId", "ParentId" }, comment.Indexes.Select(i => i.PropertyNames.Single()));
    }

    [Fact]
    public void A_foreign_key_covered_by_the_key_gets_no_extra_index()
    {
        var postTag = Schema.PostgreSql()
            .Entity("Post", e => e.Key("Id"))
            .Entity("PostTag", e => e.Key("PostId", "TagId").ForeignKey("PostId", "Post"))
            .Build().FindEntity("PostTag")!;

        Assert.Empty(postTag.Indexes);
    }

    [Fact]
    public void A_TPH_derived_type_shares_its_root_table()
    {
        var model = Schema.PostgreSql().Entity("Payment", e => e.Key("Id").Tph()).Entity("CardPayment", e => e.DerivedFrom("Payment")).Build();

        Assert.Equal("Payments", model.FindEntity("CardPayment")!.TableName);
    }
}
