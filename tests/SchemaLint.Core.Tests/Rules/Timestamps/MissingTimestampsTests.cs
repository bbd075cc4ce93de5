using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Timestamps;

public class MissingTimestampsTests
{
    private const string Id = RuleIds.MissingTimestamps;

    [Fact]
    public void Fires_on_a_table_with_neither_timestamp()
    {
        var findings = Schema.PostgreSql().Entity("Comment", e => e.Key("Id").At(5)).Lint(Id);

        var finding = Expect.Single(findings, Id, "Comment", null);
        Assert.Equal("Table of 'Comment' has no created or updated timestamp; nobody can tell when a row appeared or last changed", finding.Message);
        Assert.Equal("created,updated", finding.Properties[FindingProperties.MissingTimestamps]);
        Assert.Equal(Code.Line(5), finding.Location);
    }

    [Fact]
    public void Fires_on_a_table_with_only_a_created_timestamp()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Expense", e => e.Key("Id").CreatedAt()).Lint(Id));

        Assert.Contains("has no updated timestamp", finding.Message);
        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void Fires_on_a_table_with_only_an_updated_timestamp()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Expense", e => e.Key("Id").UpdatedAt("ModifiedOn")).Lint(Id));

        Assert.Equal("created", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void Reports_a_TPH_hierarchy_once_on_its_root()
    {
        var findings = Schema.PostgreSql()
            .Entity("Payment", e => e.Key("Id").Tph())
            .Entity("CardPayment", e => e.DerivedFrom("Payment"))
            .Entity("BankPayment", e => e.DerivedFrom("Payment"))
            .Lint(Id);

        Expect.Single(findings, Id, "Payment", null);
    }

    [Theory]
    [InlineData("CreatedAt", "UpdatedAt")]
    [InlineData("CreatedOn", "ModifiedOn")]
    [InlineData("created_at", "updated_at")]
    [InlineData("DateCreated", "LastModified")]
    public void Is_silent_with_both_timestamps(string created, string updated)
    {
        Assert.Empty(Schema.PostgreSql().Entity("Expense", e => e.Key("Id").CreatedAt(created).UpdatedAt(updated)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_properties_are_not_known_to_be_complete()
    {
        Assert.Empty(Schema.PostgreSql().Entity("Comment", e => e.Key("Id").Incomplete(ModelCompleteness.Properties)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_keylessness_is_unknown()
    {
        Assert.Empty(Schema.PostgreSql().Entity("Comment", e => e.UnknownKeyless()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_mapping_is_unknown()
    {
        Assert.Empty(Schema.PostgreSql().Entity("Comment", e => e.Key("Id").UnknownMapping()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_property_bag()
    {
        Assert.Empty(Schema.PostgreSql().Entity("Settings", e => e.PropertyBag().Key("Id")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_excluded_table()
    {
        var findings = Schema.PostgreSql().Entity("Comment", e => e.Key("Id").ToTable("legacy_comments")).Lint(Id, Config.Of("schemalint.exclude_tables = legacy_*"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Uses_configured_timestamp_names()
    {
        var options = Config.Of("schemalint.created_names = +stamped", "schemalint.updated_names = +touched");

        Assert.Empty(Schema.PostgreSql().Entity("Comment", e => e.Key("Id").CreatedAt("Stamped").UpdatedAt("Touched")).Lint(Id, options));
    }
}
