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
    [InlineData("Slug")]
    [InlineData("Sku")]
    [InlineData("Handle")]
    public void Fires_on_an_entitys_own_key_like_name_on_any_entity(string name)
    {
        var findings = Schema.PostgreSql().Entity("Item", e => e.Key("Id").Property<string>(name, p => p.MaxLength(50))).Lint(Id);

        Expect.Single(findings, Id, "Item", name);
    }

    [Theory]
    [InlineData("User", "Username")]
    [InlineData("ApplicationUser", "Email")]
    [InlineData("UserAccount", "Login")]
    [InlineData("Customer", "EmailAddress")]
    public void Fires_on_an_identity_name_of_an_identity_entity(string entity, string name)
    {
        var findings = Schema.PostgreSql().Entity(entity, e => e.Key("Id").Property<string>(name, p => p.MaxLength(254))).Lint(Id);

        Expect.Single(findings, Id, entity, name);
    }

    [Fact]
    public void Fires_on_an_identity_name_of_a_type_derived_from_an_identity_entity()
    {
        var findings = Schema.PostgreSql()
            .Entity("Account", e => e.Key("Id").Tph())
            .Entity("Admin", e => e.DerivedFrom("Account").Property<string>("Email", p => p.MaxLength(254)))
            .Lint(Id);

        Expect.Single(findings, Id, "Admin", "Email");
    }

    [Theory]
    [InlineData("Membership")]
    [InlineData("Invitation")]
    [InlineData("Contact")]
    [InlineData("Subscription")]
    public void Is_silent_on_an_email_of_a_row_that_is_not_the_identity(string entity)
    {
        var findings = Schema.PostgreSql().Entity(entity, e => e.Key("Id").Property<string>("Email", p => p.MaxLength(254))).Lint(Id);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("BlockedUser", "UserName")]
    [InlineData("PgBlockedUser", "UserName")]
    [InlineData("BannedAccount", "Email")]
    [InlineData("InvitedCustomer", "EmailAddress")]
    public void Is_silent_on_an_identity_name_of_a_record_of_what_happened_to_a_user(string entity, string name)
    {
        var findings = Schema.PostgreSql().Entity(entity, e => e.Key("Id").Property<string>(name, p => p.MaxLength(200))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_on_an_identity_name_of_a_user_entity_named_for_its_application()
    {
        var findings = Schema.PostgreSql().Entity("PizzaStoreUser", e => e.Key("Id").Property<string>("UserName", p => p.MaxLength(200))).Lint(Id);

        Expect.Single(findings, Id, "PizzaStoreUser", "UserName");
    }

    [Fact]
    public void Is_silent_on_a_key_like_name_copied_from_the_principal()
    {
        var findings = Schema.PostgreSql()
            .Entity("Product", e => e.Key("Id").Property<string>("Sku", p => p.MaxLength(64)).UniqueIndex("Sku"))
            .Entity("OrderLine", e => e.Key("Id").Property<string>("Sku", p => p.MaxLength(64)).ForeignKey("ProductId", "Product"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_key_like_name_when_the_relationships_are_not_known_to_be_complete()
    {
        var findings = Schema.PostgreSql().Entity("Item", e => e.Key("Id").Property<string>("Slug", p => p.MaxLength(100)).Incomplete(ModelCompleteness.ForeignKeys)).Lint(Id);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("NormalizedEmail")]
    [InlineData("EmailNormalized")]
    [InlineData("LowerEmail")]
    [InlineData("email_lower")]
    public void Is_silent_when_a_unique_index_covers_the_normalized_twin(string twin)
    {
        var findings = User(e => e.Property<string>(twin, p => p.MaxLength(254)).UniqueIndex(twin)).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_a_unique_index_covers_a_computed_lower_case_copy()
    {
        var findings = User(e => e.Property<string>("EmailKey", p => p.Computed("lower(\"Email\")")).UniqueIndex("EmailKey")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_when_the_normalized_twin_has_only_a_plain_index()
    {
        // ASP.NET Core Identity's EmailIndex on NormalizedEmail is not unique: duplicates are allowed unless RequireUniqueEmail.
        var findings = User(e => e.Property<string>("NormalizedEmail", p => p.MaxLength(254)).Index("NormalizedEmail")).Lint(Id);

        Expect.Single(findings, Id, "User", "Email");
    }

    [Fact]
    public void Uses_configured_identity_entity_names()
    {
        var findings = Schema.PostgreSql().Entity("Player", e => e.Key("Id").Property<string>("Email", p => p.MaxLength(254))).Lint(Id, Config.Of("schemalint.identity_entity_names = +player"));

        Expect.Single(findings, Id, "Player", "Email");
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

    [Fact]
    public void Uses_configured_identity_unique_names()
    {
        var findings = Schema.PostgreSql().Entity("User", e => e.Key("Id").Property<string>("Phone", p => p.MaxLength(32))).Lint(Id, Config.Of("schemalint.identity_unique_names = +phone"));

        Expect.Single(findings, Id, "User", "Phone");
    }

    [Fact]
    public void Is_silent_on_an_identity_name_copied_from_the_identity_principal()
    {
        // OrganizationUser ends in "User" but is a membership row: its Email repeats the user's.
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id").Property<string>("Email", p => p.MaxLength(254)).UniqueIndex("Email"))
            .Entity("OrganizationUser", e => e.Key("Id").Property<string>("Email", p => p.MaxLength(254)).ForeignKey("UserId", "User"))
            .Lint(Id);

        Assert.Empty(findings);
    }
}
