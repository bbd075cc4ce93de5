using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Traps;

/// <summary>Legitimate models that a careless rule would flag; each must stay silent.</summary>
public class FalsePositiveTrapTests
{
    [Fact]
    public void Foreign_key_covered_by_the_leading_columns_of_a_composite_primary_key_is_indexed()
    {
        // PostTag(PostId, TagId): the key's index serves PostId; EF Core adds an index for TagId alone.
        var findings = Schema.PostgreSql()
            .Entity("Post", e => e.Key("Id").Timestamps())
            .Entity("Tag", e => e.Key("Id").Timestamps())
            .Entity("PostTag", e => e.Key("PostId", "TagId").Timestamps().ForeignKey("PostId", "Post").ForeignKey("TagId", "Tag"))
            .Lint();

        Expect.None(findings, RuleIds.ForeignKeyNotIndexed);
        Expect.None(findings, RuleIds.RedundantIndex);
    }

    [Fact]
    public void Foreign_key_covered_by_the_leading_columns_of_another_index_is_indexed()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id").Timestamps())
            .Entity("Expense", e => e.Key("Id").Timestamps().Property<DateTime>("SpentOn").Index("UserId", "SpentOn").ForeignKey("UserId", "User"))
            .Lint();

        Expect.None(findings, RuleIds.ForeignKeyNotIndexed);
        Expect.None(findings, RuleIds.RedundantIndex);
    }

    [Fact]
    public void Many_to_many_join_table_needs_no_timestamps()
    {
        var findings = Schema.PostgreSql()
            .Entity("Post", e => e.Key("Id").Timestamps())
            .Entity("Tag", e => e.Key("Id").Timestamps())
            .Entity("PostTag", e => e.PropertyBag().JoinEntity().Key("PostsId", "TagsId").ForeignKey("PostsId", "Post").ForeignKey("TagsId", "Tag"))
            .Lint();

        Assert.Empty(findings);
    }

    [Fact]
    public void Owned_type_in_its_own_table_needs_no_timestamps()
    {
        var findings = Schema.PostgreSql()
            .Entity("Order", e => e.Key("Id").Timestamps())
            .Entity("OrderLine", e => e.Owned().ToTable("OrderLines").Key("OrderId", "Id").ForeignKey("OrderId", "Order", fk => fk.Ownership()))
            .Lint();

        Expect.None(findings, RuleIds.MissingTimestamps);
    }

    [Fact]
    public void Owned_type_in_its_owner_table_needs_no_timestamps_or_key()
    {
        var findings = Schema.PostgreSql()
            .Entity("Customer", e => e.Key("Id").Timestamps())
            .Entity("Address", e => e.OwnedBy("Customer").Keyless().Property<string>("City", p => p.MaxLength(100)))
            .Lint();

        Assert.Empty(findings);
    }

    [Fact]
    public void TPH_derived_string_is_nullable_by_design()
    {
        var findings = Schema.PostgreSql().NullableOblivious()
            .Entity("Contact", e => e.Key("Id").Tph().Timestamps())
            .Entity("Person", e => e.DerivedFrom("Contact").Property<string>("Name", p => p.MaxLength(100)))
            .Lint();

        Expect.None(findings, RuleIds.NullableByOmission);
    }

    [Fact]
    public void TPH_derived_non_nullable_string_with_a_nullable_column_is_no_mismatch()
    {
        var findings = Schema.PostgreSql()
            .Entity("Contact", e => e.Key("Id").Tph().Timestamps())
            .Entity("Person", e => e.DerivedFrom("Contact").Property<string>("Name", p => p.MaxLength(100).Set(m => m.IsColumnNullable = true)))
            .Lint();

        Expect.None(findings, RuleIds.NullabilityMismatch);
    }

    [Fact]
    public void TPH_derived_flag_needs_no_database_default()
    {
        var findings = Schema.PostgreSql()
            .Entity("Payment", e => e.Key("Id").Tph().Timestamps())
            .Entity("CardPayment", e => e.DerivedFrom("Payment").Property<bool>("IsContactless"))
            .Lint();

        Expect.None(findings, RuleIds.NoDatabaseDefault);
    }

    [Fact]
    public void Keyless_entity_mapped_to_a_view_is_fine()
    {
        var findings = Schema.PostgreSql()
            .Entity("MonthlyTotal", e => e.Keyless().ToView("monthly_totals").Property<decimal>("Total").Property<string>("Name"))
            .Lint();

        Assert.Empty(findings);
    }

    [Fact]
    public void Keyless_entity_mapped_to_a_sql_query_is_fine()
    {
        var findings = Schema.PostgreSql()
            .Entity("TopSpender", e => e.Keyless().ToSqlQuery().Property<decimal>("Total").Property<string>("Email"))
            .Lint();

        Assert.Empty(findings);
    }

    [Fact]
    public void Decimal_precision_set_by_a_global_convention_is_precision()
    {
        // ConfigureConventions: configurationBuilder.Properties<decimal>().HavePrecision(18, 2); the front end records it.
        var findings = Schema.SqlServer()
            .Entity("Invoice", e => e.Key("Id").Timestamps().Property<decimal>("Total", p => p.Precision(18, 2)).CheckConstraint("ck_total", "Total >= 0"))
            .Lint();

        Expect.None(findings, RuleIds.DecimalWithoutPrecision);
    }

    [Fact]
    public void Unique_index_shared_with_a_tenant_column_covers_the_email()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id").Timestamps().Property<int>("TenantId").Property<string>("Email", p => p.MaxLength(254)).UniqueIndex("TenantId", "Email"))
            .Lint();

        Expect.None(findings, RuleIds.UniqueCandidateWithoutIndex);
    }

    [Fact]
    public void Timestamps_inherited_from_a_base_type_count()
    {
        var findings = Schema.PostgreSql()
            .Entity("AuditableEntity", e => e.Key("Id").Tpt().Timestamps())
            .Entity("Expense", e => e.DerivedFrom("AuditableEntity"))
            .Lint();

        Expect.None(findings, RuleIds.MissingTimestamps);
    }

    [Fact]
    public void Timestamps_added_as_shadow_properties_count()
    {
        var findings = Schema.PostgreSql()
            .Entity("Expense", e => e.Key("Id")
                .ShadowProperty("CreatedAt", typeof(DateTime), p => p.DefaultSql("now()"))
                .ShadowProperty("UpdatedAt", typeof(DateTime), p => p.DefaultSql("now()")))
            .Lint();

        Expect.None(findings, RuleIds.MissingTimestamps);
    }

    [Theory]
    [InlineData("Latitude")]
    [InlineData("Longitude")]
    [InlineData("Score")]
    [InlineData("Ratio")]
    [InlineData("Weight")]
    [InlineData("TaxRate")]
    public void Floats_that_are_not_money_are_fine(string name)
    {
        var findings = Schema.PostgreSql().Entity("Place", e => e.Key("Id").Timestamps().Property<double>(name)).Lint();

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("ExternalId")]
    [InlineData("TrackingId")]
    public void Id_properties_that_name_no_entity_need_no_constraint(string name)
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id").Timestamps())
            .Entity("Shipment", e => e.Key("Id").Timestamps().Property<int>(name))
            .Lint();

        Assert.Empty(findings);
    }

    [Fact]
    public void Block_list_repeats_the_blocked_user_name_by_design()
    {
        // A moderation block list: every block (renewed after it expires, one per provider) is a new row for the same user name.
        var findings = Schema.PostgreSql()
            .Entity("BlockedUser", e => e.Key("Id").Timestamps()
                .Property<string>("Provider", p => p.Required().MaxLength(20))
                .Property<string>("UserName", p => p.Required().MaxLength(200))
                .Property<string>("BlockedBy", p => p.Required().MaxLength(200))
                .Property<DateTimeOffset>("ExpiresAt"))
            .Lint();

        Expect.None(findings, RuleIds.UniqueCandidateWithoutIndex);
    }

    [Fact]
    public void Hashtag_and_category_labels_are_short_by_design()
    {
        // A tag's text is the hashtag and a category's content its name; neither is free text.
        var findings = Schema.PostgreSql()
            .Entity("Tag", e => e.Key("Id").Timestamps().Property<string>("Text", p => p.Required().MaxLength(50)))
            .Entity("Category", e => e.Key("Id").Timestamps().Property<string>("Content", p => p.Required().MaxLength(120)))
            .Lint();

        Expect.None(findings, RuleIds.LongTextCappedShort);
    }
}
