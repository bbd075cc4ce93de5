using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class MissingForeignKeyConstraintTests
{
    private const string Id = RuleIds.MissingForeignKeyConstraint;

    private static SchemaBuilder Budget(Action<EntityBuilder> expense) =>
        Schema.PostgreSql()
            .Entity("User", e => e.Key("Id"))
            .Entity("Expense", e => expense(e.Key("Id")));

    [Fact]
    public void Fires_on_an_id_beside_an_entity_keyed_by_the_same_type()
    {
        var finding = Expect.Single(Budget(e => e.Property<int>("UserId")).Lint(Id), Id, "Expense", "UserId");

        Assert.Equal("'Expense.UserId' names the key of 'User' but takes part in no relationship; the database accepts ids of rows that do not exist", finding.Message);
        Assert.Equal("User", finding.Properties[FindingProperties.PrincipalEntity]);
    }

    [Fact]
    public void Fires_on_a_nullable_id()
    {
        Expect.Single(Budget(e => e.Property<int?>("UserId")).Lint(Id), Id, "Expense", "UserId");
    }

    [Fact]
    public void Fires_when_the_principal_key_already_carries_the_entity_name()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("UserId"))
            .Entity("Expense", e => e.Key("ExpenseId").Property<int>("UserId"))
            .Lint(Id);

        Expect.Single(findings, Id, "Expense", "UserId");
    }

    [Fact]
    public void Is_silent_when_the_property_is_a_foreign_key()
    {
        Assert.Empty(Budget(e => e.ForeignKey("UserId", "User")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_types_differ()
    {
        Assert.Empty(Budget(e => e.Property<Guid>("UserId")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_entity_own_key()
    {
        var findings = Schema.PostgreSql().Entity("User", e => e.Key("UserId")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_principal_key_is_composite()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id", "TenantId"))
            .Entity("Expense", e => e.Key("Id").Property<int>("UserId"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_shadow_property()
    {
        Assert.Empty(Budget(e => e.ShadowProperty("UserId", typeof(int))).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_entity_set_may_be_incomplete()
    {
        var findings = Schema.PostgreSql().EntitySetIncomplete()
            .Entity("User", e => e.Key("Id"))
            .Entity("Expense", e => e.Key("Id").Property<int>("UserId"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_when_only_a_packages_own_entity_types_are_missing()
    {
        var findings = Schema.PostgreSql().PackageEntityTypesUnseen()
            .Entity("User", e => e.Key("Id"))
            .Entity("Expense", e => e.Key("Id").Property<int>("UserId"))
            .Lint(Id);

        Expect.Single(findings, Id, "Expense", "UserId");
    }

    [Fact]
    public void Is_silent_when_the_foreign_keys_are_not_known_to_be_complete()
    {
        Assert.Empty(Budget(e => e.Property<int>("UserId").Incomplete(ModelCompleteness.ForeignKeys)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_mapping_is_unknown()
    {
        Assert.Empty(Budget(e => e.Property<int>("UserId").UnknownMapping()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_named_entity_is_a_view()
    {
        // A view cannot be the principal of a foreign-key constraint.
        var findings = Schema.PostgreSql()
            .Entity("UserSummary", e => e.Key("Id").ToView("user_summaries"))
            .Entity("Expense", e => e.Key("Id").Property<int>("UserSummaryId"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("EntityType")]
    [InlineData("EntityTypeId")]
    [InlineData("EntityTypeName")]
    [InlineData("EntityKind")]
    public void Is_silent_on_a_polymorphic_reference_beside_its_discriminator(string discriminator)
    {
        // Comment.EntityId points at a post, a photo or a user, whichever EntityType names: no single constraint can say that.
        var findings = Schema.PostgreSql()
            .Entity("Entity", e => e.Key("Id"))
            .Entity("Comment", e => e.Key("Id").Property<int>("EntityId").Property<int>(discriminator))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_on_an_id_beside_an_unrelated_type_column()
    {
        var findings = Budget(e => e.Property<int>("UserId").Property<int>("ExpenseType")).Lint(Id);

        Expect.Single(findings, Id, "Expense", "UserId");
    }

    [Fact]
    public void Is_silent_on_an_id_whose_name_differs_from_a_foreign_key_property_only_in_case()
    {
        // EF Core matches CustomerID to the Customer navigation case-insensitively: the relationship exists.
        var findings = Schema.PostgreSql()
            .Entity("Customer", e => e.Key("Id"))
            .Entity("Order", e => e.Key("Id").Property<int>("CustomerID").ShadowProperty("CustomerId", typeof(int)).ForeignKey("CustomerId", "Customer"))
            .Lint(Id);

        Assert.Empty(findings);
    }
}
