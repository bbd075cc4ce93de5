using SchemaLint.Core.Model;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class ShadowForeignKeyTests
{
    private const string Id = RuleIds.ShadowForeignKey;

    private static SchemaBuilder Budget(Action<EntityBuilder> expense) =>
        Schema.PostgreSql().Entity("User", e => e.Key("Id")).Entity("Expense", e => expense(e.Key("Id")));

    [Fact]
    public void Fires_when_a_type_mismatch_makes_EF_Core_add_a_numbered_shadow_key()
    {
        // string UserId beside User keyed by int: EF Core adds a shadow int UserId1 and leaves UserId alone.
        var findings = Budget(e => e.Property<string>("UserId", p => p.At(9)).ShadowProperty("UserId1", typeof(int)).ForeignKey("UserId1", "User", fk => fk.Navigation("User"))).Lint(Id);

        var finding = Expect.Single(findings, Id, "Expense", "UserId");
        Assert.Equal("EF Core invents shadow foreign key 'UserId1' for the relationship from 'Expense' to 'User' because 'UserId' does not match it by name or type; 'UserId' stays unconstrained", finding.Message);
        Assert.Equal("UserId", finding.Properties[FindingProperties.IntendedProperty]);
        Assert.Equal(Code.Line(9), finding.Location);
    }

    [Fact]
    public void Fires_when_the_intended_property_is_spelled_differently()
    {
        var findings = Budget(e => e.Property<int>("User_Id").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User")).Lint(Id);

        Expect.Single(findings, Id, "Expense", "User_Id");
    }

    [Fact]
    public void Fires_when_the_intended_property_follows_the_navigation_name()
    {
        var findings = Budget(e => e.Property<int>("Owner_Id").ShadowProperty("OwnerId", typeof(int)).ForeignKey("OwnerId", "User", fk => fk.Navigation("Owner"))).Lint(Id);

        Expect.Single(findings, Id, "Expense", "Owner_Id");
    }

    [Fact]
    public void Is_silent_on_a_deliberate_shadow_foreign_key()
    {
        Assert.Empty(Budget(e => e.ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_foreign_key_is_a_clr_property()
    {
        Assert.Empty(Budget(e => e.ForeignKey("UserId", "User")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_look_alike_is_a_foreign_key_of_its_own()
    {
        // Two relationships to User, the second without a navigation: UserId1 is EF Core's honest choice.
        var findings = Budget(e => e.ForeignKey("UserId", "User").ShadowProperty("UserId1", typeof(int)).ForeignKey("UserId1", "User", fk => fk.Navigation(null))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_intended_property_differs_only_in_case_and_has_the_key_type()
    {
        // EF Core would have taken UserID as the key (its conventions ignore case); a shadow UserId beside it is a front end's mistake.
        var findings = Budget(e => e.Property<int>("UserID").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_when_the_intended_property_differs_in_case_and_in_type()
    {
        var findings = Budget(e => e.Property<string>("UserID").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User")).Lint(Id);

        Expect.Single(findings, Id, "Expense", "UserID");
    }

    [Fact]
    public void Fires_on_a_key_named_after_something_else_beside_a_navigation_that_EF_Core_gives_a_shadow_key()
    {
        // int AuthorId beside User User: EF Core adds a shadow UserId, and AuthorId holds numbers nothing checks.
        var findings = Budget(e => e.Property<int>("AuthorId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id);

        var finding = Expect.Single(findings, Id, "Expense", "AuthorId");
        Assert.Equal("AuthorId", finding.Properties[FindingProperties.IntendedProperty]);
    }

    [Fact]
    public void Is_silent_on_an_external_identifier_beside_a_shadow_key()
    {
        Assert.Empty(Budget(e => e.Property<int>("ExternalId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_identifier_of_another_type_than_the_principal_key()
    {
        Assert.Empty(Budget(e => e.Property<Guid>("AuthorId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_two_look_alikes_leave_the_intended_one_in_doubt()
    {
        Assert.Empty(Budget(e => e.Property<int>("AuthorId").Property<int>("EditorId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_identifier_named_after_another_entity_type()
    {
        var findings = Schema.PostgreSql().Entity("User", e => e.Key("Id")).Entity("Category", e => e.Key("Id"))
            .Entity("Expense", e => e.Key("Id").Property<int>("CategoryId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id);
        Assert.DoesNotContain(findings, f => f.RuleId == Id);
    }

    [Fact]
    public void Is_silent_on_a_look_alike_identifier_without_a_shadow_key()
    {
        Assert.Empty(Budget(e => e.Property<int>("AuthorId").ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id));
    }

    [Fact]
    public void Is_silent_while_the_entitys_foreign_keys_are_not_all_known()
    {
        Assert.Empty(Budget(e => e.Property<int>("AuthorId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User")).Incomplete(ModelCompleteness.ForeignKeys)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_backing_field_beside_a_shadow_key()
    {
        Assert.Empty(Budget(e => e.Property<int>("_authorId").ShadowProperty("UserId", typeof(int)).ForeignKey("UserId", "User", fk => fk.Navigation("User"))).Lint(Id));
    }
}
