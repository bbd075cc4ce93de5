using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class ShortTextUnboundedTests
{
    private const string Id = RuleIds.ShortTextUnbounded;

    private static SchemaBuilder User(string name, Action<PropertyBuilder>? configure = null, Action<EntityBuilder>? user = null, SchemaBuilder? schema = null) =>
        (schema ?? Schema.PostgreSql()).Entity("User", e =>
        {
            e.Key("Id").Property<string>(name, configure);
            user?.Invoke(e);
        });

    [Fact]
    public void Fires_on_an_unbounded_email_and_suggests_a_length()
    {
        var finding = Expect.Single(User("Email").Lint(Id), Id, "User", "Email");

        Assert.Equal("'User.Email' is an identifier-like text with no max length; bound it (for example 254 characters) so bad input fails early and indexes stay small", finding.Message);
        Assert.Equal("254", finding.Properties[FindingProperties.SuggestedMaxLength]);
        Assert.Equal(Severity.Suggestion, finding.Severity);
    }

    [Theory]
    [InlineData("Name", "100")]
    [InlineData("DisplayName", "100")]
    [InlineData("Slug", "100")]
    [InlineData("CurrencyCode", "3")]
    public void Suggests_the_vocabulary_length(string name, string length)
    {
        var finding = Expect.Single(User(name).Lint(Id), Id, "User", name);

        Assert.Equal(length, finding.Properties[FindingProperties.SuggestedMaxLength]);
    }

    [Fact]
    public void Is_silent_when_bounded()
    {
        Assert.Empty(User("Email", p => p.MaxLength(254)).Lint(Id));
    }

    [Fact]
    public void Is_silent_with_an_explicit_store_type()
    {
        Assert.Empty(User("Email", p => p.StoreType("citext")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_max_length_is_unknown()
    {
        Assert.Empty(User("Email", p => p.UnknownMaxLength()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_store_type_is_unknown()
    {
        Assert.Empty(User("Email", p => p.UnknownStoreType()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_mapping_is_unknown()
    {
        Assert.Empty(User("Email", user: e => e.UnknownMapping()).Lint(Id));
    }

    [Theory]
    [InlineData(TableMappingKind.View)]
    [InlineData(TableMappingKind.SqlQuery)]
    [InlineData(TableMappingKind.Json)]
    public void Is_silent_where_the_model_does_not_define_the_column(TableMappingKind mapping)
    {
        Assert.Empty(User("Email", user: e => e.Keyless().MappedTo(mapping, "user_view")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_SQLite()
    {
        Assert.Empty(User("Email", schema: Schema.Sqlite()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_name_in_both_vocabularies_because_free_text_wins()
    {
        Assert.Empty(User("Body").Lint(Id, Config.Of("schemalint.short_text_names = +body:100")));
    }

    [Fact]
    public void Reads_configured_lengths()
    {
        var finding = Assert.Single(User("Handle").Lint(Id, Config.Of("schemalint.short_text_names = +handle:30")));

        Assert.Equal("30", finding.Properties[FindingProperties.SuggestedMaxLength]);
    }

    [Fact]
    public void Is_silent_on_a_SQL_Server_string_key_which_the_provider_maps_to_nvarchar_450()
    {
        var findings = Schema.SqlServer().Entity("Currency", e => e.Property<string>("Code").Key("Code")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_SQL_Server_string_foreign_key()
    {
        var findings = Schema.SqlServer()
            .Entity("Currency", e => e.Property<string>("Code", p => p.MaxLength(3)).Key("Code"))
            .Entity("Price", e => e.Key("Id").Property<string>("CurrencyCode").ForeignKey("CurrencyCode", "Currency", fk => fk.PrincipalKey("Code")))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_a_SQL_Server_indexed_string()
    {
        Assert.Empty(User("UserName", user: e => e.UniqueIndex("UserName"), schema: Schema.SqlServer()).Lint(Id));
    }

    [Fact]
    public void Fires_on_an_unindexed_SQL_Server_string()
    {
        Expect.Single(User("UserName", schema: Schema.SqlServer()).Lint(Id), Id, "User", "UserName");
    }

    [Fact]
    public void Fires_on_an_indexed_string_where_the_provider_does_not_bound_indexed_strings()
    {
        Expect.Single(User("UserName", user: e => e.UniqueIndex("UserName")).Lint(Id), Id, "User", "UserName");
    }

    [Fact]
    public void Is_silent_when_the_provider_maps_the_column_to_a_bounded_type()
    {
        Assert.Empty(User("Email", p => p.Set(m => m.ProviderStoreType = "varchar(320)")).Lint(Id));
    }

    [Fact]
    public void Fires_when_the_provider_maps_the_column_to_an_unbounded_type()
    {
        Expect.Single(User("Email", p => p.Set(m => m.ProviderStoreType = "nvarchar(max)"), schema: Schema.SqlServer()).Lint(Id), Id, "User", "Email");
    }

    [Theory]
    [InlineData("Uri")]
    [InlineData("RedirectUri")]
    public void Fires_on_a_uri_as_on_a_url(string name)
    {
        var finding = Expect.Single(User(name).Lint(Id), Id, "User", name);

        Assert.Equal("2048", finding.Properties[FindingProperties.SuggestedMaxLength]);
    }
}
