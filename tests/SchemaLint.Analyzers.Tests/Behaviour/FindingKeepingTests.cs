using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// After a model edit, the rules judge again only the entity types whose neighbourhood the edit changed, and keep the
/// snapshot before's findings about the others. What the analyzers report must still be what a fresh extraction finds,
/// including where an edit to one entity type changes what is found about another.
/// </summary>
public sealed class FindingKeepingTests
{
    private const string Context = RuleVerifier.Usings + """
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Product> Products => Set<Product>();
            public DbSet<OrderLine> OrderLines => Set<OrderLine>();
        }
        """;

    private const string Order = RuleVerifier.Usings + """
        public class Order
        {
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; }
            public Address ShippingAddress { get; set; } = new();
        }
        """;

    private const string Address = RuleVerifier.Usings + """
        [Owned]
        public class Address
        {
            [MaxLength(200)] public string Street { get; set; } = "";
        }
        """;

    private const string Product = RuleVerifier.Usings + """
        public class Product
        {
            public int Id { get; set; }
            [MaxLength(32)] public string Sku { get; set; } = "";
        }
        """;

    private const string OrderLine = RuleVerifier.Usings + """
        public class OrderLine
        {
            public int Id { get; set; }
            public int ProductId { get; set; }
            public Product Product { get; set; } = null!;
            [MaxLength(32)] public string Sku { get; set; } = "";
        }
        """;

    [Fact]
    public void An_owned_type_given_the_missing_timestamp_changes_what_is_found_about_its_owners_table()
    {
        // The owned address is stored in the Orders table: its UpdatedAt is the table's, though Order's model is kept.
        var (compilation, before) = Analyzed(Context, Order, Address, Product, OrderLine);

        var edited = Edit(compilation, 2, "public string Street", "public DateTime UpdatedAt { get; set; }\n    [MaxLength(200)] public string Street");
        var schema = Schema(edited);

        Assert.Contains(Findings(before), f => f.RuleId == RuleIds.MissingTimestamps && f.EntityName == "Order");
        Assert.DoesNotContain(Findings(schema), f => f.RuleId == RuleIds.MissingTimestamps && f.EntityName == "Order");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_principal_that_loses_the_value_its_dependents_copy_changes_what_is_found_about_them()
    {
        // OrderLine.Sku copies Product.Sku; once Product has a Code instead, OrderLine's own Sku wants a unique index.
        var (compilation, before) = Analyzed(Context, Order, Address, Product, OrderLine);

        var edited = Edit(compilation, 3, "public string Sku", "public string Code");
        var schema = Schema(edited);

        Assert.DoesNotContain(Findings(before), f => f.RuleId == RuleIds.UniqueCandidateWithoutIndex && f.EntityName == "OrderLine");
        Assert.Contains(Findings(schema), f => f.RuleId == RuleIds.UniqueCandidateWithoutIndex && f.EntityName == "OrderLine" && f.MemberName == "Sku");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_edit_to_one_entity_type_keeps_the_findings_about_entity_types_it_does_not_reach()
    {
        var (compilation, before) = Analyzed(Context, Order, Address, Product, OrderLine);

        var edited = Edit(compilation, 1, "public DateTime CreatedAt", "[MaxLength(40)] public string? Reference { get; set; }\n    public DateTime CreatedAt");
        var schema = Schema(edited);

        // The same finding objects: kept, not found again.
        var keptAbout = Findings(before).Where(f => f.EntityName is "Product" or "OrderLine").ToList();
        Assert.NotEmpty(keptAbout);
        Assert.All(keptAbout, finding => Assert.Contains(Findings(schema), f => ReferenceEquals(f, finding)));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    private static List<Core.Engine.Finding> Findings(AnalyzedSchema schema) =>
        schema.Models.SelectMany(model => schema.RuleFindingsOf(model)!.All).ToList();
}
