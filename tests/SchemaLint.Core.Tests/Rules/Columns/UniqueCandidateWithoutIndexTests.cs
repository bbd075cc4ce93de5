using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class UniqueCandidateWithoutIndexTests
{
    private const string Id = RuleIds.UniqueCandidateWithoutIndex;

    private static SchemaBuilder User(Action<EntityBuilder>? user = null) =>
        Schema.PostgreSql().Entity("User", e =>
        {
            e.Key("Id").Property<string>("Email", p => p.MaxLength(254));
            user?.Invoke(e);
        });

    [Fact]
    public void Fires_on_an_email_without_a_unique_index()
    {
        var finding = Expect.Single(User().Lint(Id), Id, "User", "Email");

        Assert.Equal("'User.Email' should be unique but no unique index or key covers it; two rows can claim the same value", finding.Message);
    }

    [Fact]
    public void Fires_when_the_only_index_is_not_unique()
    {
        Expect.Single(User(e => e.Index("Email")).Lint(Id), Id, "User", "Email");
    }

    [Theory]
    [InlineData("Username")]
    [InlineData("Slug")]
    [InlineData("Sku")]
    public void Fires_on_other_unique_candidates(string name)
    {
        var findings = Schema.PostgreSql().Entity("Item", e => e.Key("Id").Property<string>(name, p => p.MaxLength(50))).Lint(Id);

        Expect.Single(findings, Id, "Item", name);
    }

    [Fact]
    public void Is_silent_with_a_unique_index()
    {
        Assert.Empty(User(e => e.UniqueIndex("Email")).Lint(Id));
    }

    [Fact]
    public void Is_silent_with_an_alternate_key()
    {
        Assert.Empty(User(e => e.AlternateKey("Email")).Lint(Id));
    }

    [Fact]
    public void Is_silent_with_a_unique_index_inherited_from_the_base_type()
    {
        var findings = Schema.PostgreSql()
            .Entity("Account", e => e.Key("Id").Tph().Property<string>("Email", p => p.MaxLength(254)).UniqueIndex("Email"))
            .Entity("Customer", e => e.DerivedFrom("Account").Property<string>("Handle", p => p.MaxLength(50)).UniqueIndex("Handle"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_indexes_are_not_known_to_be_complete()
    {
        Assert.Empty(User(e => e.Incomplete(ModelCompleteness.Indexes)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_keys_are_not_known_to_be_complete()
    {
        Assert.Empty(User(e => e.Incomplete(ModelCompleteness.Keys)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_keylessness_is_unknown()
    {
        Assert.Empty(User(e => e.UnknownKeyless()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_view()
    {
        Assert.Empty(User(e => e.Keyless().ToView("user_emails")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_names_that_only_contain_a_unique_word()
    {
        // Whole-name matching: a contact email on an order repeats across orders.
        var findings = Schema.PostgreSql().Entity("Order", e => e.Key("Id").Property<string>("ContactEmail", p => p.MaxLength(254))).Lint(Id);

        Assert.Empty(findings);
    }
}
