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

    [Theory]
    [InlineData("CreationDate", "RevisionDate")]
    [InlineData("CreatedOn", "LatestUpdatedOn")]
    [InlineData("DateCreated", "LastUpdatedUtc")]
    [InlineData("CreatedAtUtc", "ModifiedDate")]
    [InlineData("Created", "LastChangedAt")]
    public void Recognises_timestamps_by_name_pattern(string created, string updated)
    {
        var findings = Schema.PostgreSql().Entity("Cipher", e => e.Key("Id").Property<DateTime>(created).Property<DateTimeOffset>(updated)).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Recognises_NodaTime_instants()
    {
        var findings = Schema.PostgreSql().Entity("Cipher", e => e.Key("Id").Property("CreationTime", ClrTypeNames.Instant).Property("RevisionTime", ClrTypeNames.Instant)).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Recognises_unix_times_stored_as_long_when_the_name_says_so()
    {
        var findings = Schema.PostgreSql().Entity("Device", e => e.Key("Id").Property<long>("CreatedAtUnix").Property<long>("UpdatedUnixMs")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void A_long_named_like_a_revision_counter_is_no_timestamp()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Document", e => e.Key("Id").CreatedAt().Property<long>("Revision")).Lint(Id));

        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void A_string_named_like_a_timestamp_is_no_timestamp()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Document", e => e.Key("Id").CreatedAt().Property<string>("UpdatedBy")).Lint(Id));

        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void Recognises_a_created_timestamp_by_value_generation_on_add()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Session", e => e.Key("Id").Property<DateTime>("Stamp", p => p.Generated(ValueGeneration.OnAdd))).Lint(Id));

        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void Recognises_an_updated_timestamp_by_value_generation_on_add_or_update()
    {
        var findings = Schema.PostgreSql().Entity("Session", e => e.Key("Id").CreatedAt().Property<DateTime>("Stamp", p => p.Generated(ValueGeneration.OnAddOrUpdate))).Lint(Id);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("PairingTime")]
    [InlineData("Date")]
    [InlineData("Timestamp")]
    [InlineData("SentOn")]
    public void A_point_in_time_column_is_a_created_timestamp_so_only_the_updated_one_is_missing(string name)
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Pairing", e => e.Key("Id").Property<DateTime>(name)).Lint(Id));

        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
        Assert.Contains("has no updated timestamp", finding.Message);
    }

    [Theory]
    [InlineData("LedgerEntry")]
    [InlineData("DomainEvent")]
    [InlineData("AuditLog")]
    [InlineData("PriceHistory")]
    [InlineData("IdempotencyRecord")]
    public void Is_silent_on_an_append_only_table_with_a_created_timestamp(string entity)
    {
        Assert.Empty(Schema.PostgreSql().Entity(entity, e => e.Key("Id").CreatedAt()).Lint(Id));
    }

    [Fact]
    public void Fires_on_an_append_only_table_with_no_timestamp_at_all()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("LedgerEntry", e => e.Key("Id")).Lint(Id));

        Assert.Equal("created,updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void Uses_configured_append_only_names()
    {
        var options = Config.Of("schemalint.append_only_names = +ping");

        Assert.Empty(Schema.PostgreSql().Entity("HealthPing", e => e.Key("Id").CreatedAt()).Lint(Id, options));
    }

    [Theory]
    [InlineData("DeletedAt", typeof(DateTime?))]
    [InlineData("ExpiresAt", typeof(DateTime))]
    [InlineData("DueDate", typeof(DateTime))]
    [InlineData("BirthDate", typeof(DateTime))]
    [InlineData("LastLoginAt", typeof(DateTimeOffset))]
    [InlineData("SentOn", typeof(DateTime?))]
    public void A_time_the_row_does_not_begin_with_is_no_created_timestamp(string name, Type type)
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("Session", e => e.Key("Id").Property(name, type)).Lint(Id));

        Assert.Equal("created,updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }
}
