using SchemaLint.Core.Baseline;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Baseline;

/// <summary>A fingerprint names what a finding is about, never where it was reported or how it was worded.</summary>
public sealed class FindingFingerprintTests
{
    private const string Context = "Shop.ShopContext";

    private static Finding Money(string message = "'Product.Price' looks like money but is a double", SourceLocation? location = null, IReadOnlyDictionary<string, string>? properties = null) =>
        new(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint), Severity.Warning, message, "Shop.Product", "Price", location ?? new SourceLocation("/src/Shop/Product.cs", 12, 5), properties);

    [Fact]
    public void Moving_the_code_keeps_the_fingerprint()
    {
        var before = FindingFingerprint.For(Money(location: new SourceLocation("/src/Shop/Product.cs", 12, 5)), Context);
        var after = FindingFingerprint.For(Money(location: new SourceLocation("/src/Shop/Catalog/Product.cs", 40, 9)), Context);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Rewording_the_message_keeps_the_fingerprint()
    {
        Assert.Equal(FindingFingerprint.For(Money("one wording"), Context), FindingFingerprint.For(Money("another wording"), Context));
    }

    [Fact]
    public void Options_that_shape_only_the_message_keep_the_fingerprint()
    {
        var suggested50 = Money(properties: new Dictionary<string, string> { [FindingProperties.SuggestedMaxLength] = "50", [FindingProperties.Provider] = "PostgreSql" });
        var suggested100 = Money(properties: new Dictionary<string, string> { [FindingProperties.SuggestedMaxLength] = "100", [FindingProperties.Provider] = "SqlServer" });

        Assert.Equal(FindingFingerprint.For(suggested50, Context), FindingFingerprint.For(suggested100, Context));
    }

    [Fact]
    public void Findings_of_one_member_about_different_tables_differ()
    {
        Finding Dropped(string table) => new(RuleCatalog.Get(RuleIds.DataDropped), Severity.Warning, "drops", null, "DropNotes", null,
            new Dictionary<string, string> { [FindingProperties.Migration] = "20240101000000_DropNotes", [FindingProperties.Table] = table });

        Assert.NotEqual(FindingFingerprint.For(Dropped("Customers"), Context), FindingFingerprint.For(Dropped("Orders"), Context));
    }

    [Fact]
    public void The_same_finding_in_another_context_differs()
    {
        Assert.NotEqual(FindingFingerprint.For(Money(), "Shop.ShopContext"), FindingFingerprint.For(Money(), "Shop.ArchiveContext"));
    }

    [Fact]
    public void A_nested_context_is_named_alike_by_its_CLR_name_and_its_display_name()
    {
        Assert.Equal(FindingFingerprint.For(Money(), "Shop.Contexts+ShopContext"), FindingFingerprint.For(Money(), "Shop.Contexts.ShopContext"));
    }

    [Fact]
    public void The_hash_is_the_same_in_every_process_and_on_every_platform()
    {
        // A constant, not a value computed here: string.GetHashCode would pass a same-process comparison and change per run.
        // The first 16 hex digits of SHA-256("6:SL2001;16:Shop.ShopContext;12:Shop.Product;5:Price;"), as python's hashlib gives them.
        Assert.Equal("f3785bd0e63b2a4d", FindingFingerprint.For(Money(), Context).Hash);
    }

    [Fact]
    public void The_hash_is_sixteen_lower_case_hex_digits()
    {
        Assert.Matches("^[0-9a-f]{16}$", FindingFingerprint.For(Money(), Context).Hash);
    }
}
