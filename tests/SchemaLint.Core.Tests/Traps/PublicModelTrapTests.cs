using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Traps;

/// <summary>
/// Shapes met in public EF Core models whose findings a reviewer would not act on (issue 13): each model is written
/// here as the front ends record it, and the rule that misread it must stay silent or give the weaker finding.
/// </summary>
public class PublicModelTrapTests
{
    [Fact]
    public void Password_vault_cipher_with_creation_and_revision_dates_has_its_timestamps()
    {
        var findings = Schema.SqlServer()
            .Entity("Cipher", e => e.Key("Id").Property<DateTime>("CreationDate").Property<DateTime>("RevisionDate"))
            .Lint(RuleIds.MissingTimestamps);

        Assert.Empty(findings);
    }

    [Fact]
    public void Device_pairing_with_only_a_pairing_time_misses_an_updated_timestamp_not_every_timestamp()
    {
        var finding = Assert.Single(Schema.PostgreSql().Entity("DevicePairing", e => e.Key("Id").Property<DateTimeOffset>("PairingTime")).Lint(RuleIds.MissingTimestamps));

        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    [Fact]
    public void Ledger_entry_idempotency_record_and_domain_event_are_append_only()
    {
        var findings = Schema.PostgreSql()
            .Entity("Account", e => e.Key("Id").Timestamps())
            .Entity("LedgerEntry", e => e.Key("Id").Property<DateTime>("Timestamp").ForeignKey("AccountId", "Account"))
            .Entity("IdempotencyRecord", e => e.Key("Id").Property<DateTime>("CreatedOn", p => p.DefaultSql("now()")))
            .Entity("DomainEvent", e => e.Key("Id").Property<long>("OccurredAtUnix"))
            .Lint(RuleIds.MissingTimestamps);

        Assert.Empty(findings);
    }

    [Fact]
    public void Foreign_key_of_a_nullable_enabled_domain_class_inherited_by_an_oblivious_entity_class_is_optional_on_purpose()
    {
        var findings = Schema.PostgreSql()
            .Entity("Organization", e => e.Key("Id").Timestamps())
            .Entity("Collection", e => e.NullableOblivious().Key("Id").Timestamps()
                .Property<Guid?>("OrganizationId").ForeignKey("OrganizationId", "Organization", fk => fk.OnDelete(DeleteBehaviorKind.Cascade)))
            .Lint(RuleIds.NullableForeignKey);

        Assert.Empty(findings);
    }

    [Fact]
    public void Team_invitation_and_membership_rows_hold_the_same_email_many_times()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id").Timestamps().Property<string>("Email", p => p.MaxLength(256))
                .Property<string>("NormalizedEmail", p => p.MaxLength(256)).UniqueIndex("NormalizedEmail"))
            .Entity("TeamInvitation", e => e.Key("Id").Timestamps().Property<string>("Email", p => p.MaxLength(256)))
            .Entity("OrganizationUser", e => e.Key("Id").Timestamps().Property<string>("Email", p => p.MaxLength(256)).ForeignKey("UserId", "User"))
            .Lint(RuleIds.UniqueCandidateWithoutIndex);

        Assert.Empty(findings);
    }

    [Fact]
    public void Comment_on_any_kind_of_entity_names_its_target_with_a_discriminator()
    {
        var findings = Schema.SqlServer()
            .Entity("Entity", e => e.Key("Id").Timestamps())
            .Entity("Comment", e => e.Key("Id").Timestamps().Property<int>("EntityId").Property<string>("EntityType", p => p.MaxLength(50)))
            .Lint(RuleIds.MissingForeignKeyConstraint);

        Assert.Empty(findings);
    }

    [Fact]
    public void Northwind_style_CustomerID_is_the_foreign_key_of_the_Customer_navigation()
    {
        var findings = Schema.SqlServer()
            .Entity("Customer", e => e.Key("Id").Timestamps())
            .Entity("Order", e => e.Key("Id").Timestamps().Property<int>("CustomerID").ShadowProperty("CustomerId", typeof(int)).ForeignKey("CustomerId", "Customer"))
            .Lint();

        Expect.None(findings, RuleIds.MissingForeignKeyConstraint);
        Expect.None(findings, RuleIds.ShadowForeignKey);
    }

    [Fact]
    public void Optional_one_to_one_key_with_SQL_Servers_filtered_unique_index_is_indexed()
    {
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id").Timestamps())
            .Entity("Profile", e => e.Key("Id").Timestamps().Property<int?>("UserId")
                .ForeignKey("UserId", "User", fk => fk.WithoutIndex().OneToOne().Optional().OnDelete(DeleteBehaviorKind.SetNull))
                .FilteredIndex("[UserId] IS NOT NULL", true, "UserId"))
            .Lint(RuleIds.ForeignKeyNotIndexed);

        Assert.Empty(findings);
    }

    [Fact]
    public void TPT_hierarchy_on_SQL_Server_is_no_cascade_cycle()
    {
        var findings = Schema.SqlServer()
            .Entity("Payment", e => e.Key("Id").Tpt().Timestamps())
            .Entity("CardPayment", e => e.DerivedFrom("Payment").ForeignKey("Id", "Payment", fk => fk.OneToOne().Navigation(null)))
            .Entity("BankPayment", e => e.DerivedFrom("Payment").ForeignKey("Id", "Payment", fk => fk.OneToOne().Navigation(null)))
            .Lint(RuleIds.MultipleCascadePaths);

        Assert.Empty(findings);
    }

    [Fact]
    public void SQL_Server_string_keys_and_foreign_keys_are_bounded_by_the_provider()
    {
        var findings = Schema.SqlServer()
            .Entity("ApplicationUser", e => e.Property<string>("Id").Key("Id").Timestamps())
            .Entity("Post", e => e.Key("Id").Timestamps().Property<string>("UserName").ForeignKey("UserName", "ApplicationUser", fk => fk.PrincipalKey("Id")))
            .Lint(RuleIds.ShortTextUnbounded);

        Assert.Empty(findings);
    }

    [Fact]
    public void Coupon_discount_as_a_fraction_and_a_stock_adjustment_are_not_money_or_quantities_to_bound()
    {
        var findings = Schema.PostgreSql()
            .Entity("Coupon", e => e.Key("Id").Timestamps().Property<double>("Discount", p => p.Precision(5, 4)))
            .Entity("StockMovement", e => e.Key("Id").Timestamps().Property<int>("AdjustedQuantity").Property<int>("Delta"))
            .Lint();

        Expect.None(findings, RuleIds.MoneyAsFloatingPoint);
        Expect.None(findings, RuleIds.RangeWithoutCheckConstraint);
    }
}
