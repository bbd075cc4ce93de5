using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// An edit can change an entity type without touching its files or its configuration class: a constant or a helper the
/// configuration reads from another file, the order of the context's sets, a navigation that no longer reaches it, a
/// model-wide setting. After each, the schema the analyzers keep across snapshots is the one a fresh extraction gives.
/// These are the edits any reuse of the snapshot before's entity types must see (bench/ANALYSIS.md, run 18).
/// </summary>
public sealed class IndirectEditTests
{
    private const string Context = ShopSources.ConfiguredContext;

    private const string Order = ShopSources.Order;

    private const string Customer = ShopSources.Customer;

    private const string Product = ShopSources.TitledProduct;

    private const string Invoice = ShopSources.Invoice;

    private const string ProductConfiguration = ShopSources.ProductConfiguration;

    private const string Limits = ShopSources.Limits;

    [Fact]
    public void A_constant_that_configuring_code_names_in_another_file_is_followed_there()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Invoice, ProductConfiguration, Limits);

        var edited = Edit(compilation, 6, "ProductTitle = 50", "ProductTitle = 80");
        var schema = Schema(edited);

        var title = schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "Title");
        Assert.Equal(80, title.MaxLength.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_helper_that_configuring_code_calls_in_another_file_is_followed_there()
    {
        const string configuration = RuleVerifier.Usings + """
            public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
            {
                public void Configure(EntityTypeBuilder<Invoice> builder) => builder.Stamped();
            }
            """;
        const string helpers = RuleVerifier.Usings + """
            public static class Stamping
            {
                public static void Stamped(this EntityTypeBuilder<Invoice> builder) => builder.Property(i => i.CreatedAt).HasDefaultValueSql("now()");
            }
            """;
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Invoice, configuration, helpers);

        var edited = Edit(compilation, 6, "HasDefaultValueSql(\"now()\")", "HasDefaultValueSql(\"CURRENT_TIMESTAMP\")");
        var schema = Schema(edited);

        var createdAt = schema.Models.Single().FindEntity("Invoice")!.Properties.Single(p => p.Name == "CreatedAt");
        Assert.Equal("CURRENT_TIMESTAMP", createdAt.DefaultValueSql.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_navigation_removed_takes_the_entity_type_only_it_reached_out_of_the_model()
    {
        const string order = RuleVerifier.Usings + """
            public class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public Customer Customer { get; set; } = null!;
                public Coupon? Coupon { get; set; }
            }

            public class Coupon
            {
                public int Id { get; set; }
                public string Code { get; set; } = "";
            }
            """;
        var (compilation, _) = Analyzed(Context, order, Customer, Product, Invoice, ProductConfiguration, Limits);

        var edited = Edit(compilation, 1, "public Coupon? Coupon { get; set; }", "");
        var schema = Schema(edited);

        Assert.Null(schema.Models.Single().FindEntity("Coupon"));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void Entity_types_that_change_places_reorder_the_foreign_keys_of_what_they_relate_to()
    {
        // Conventions settle Line's two relationships in the order of the entity types that declare them; swapping the sets
        // swaps Line's foreign keys, although neither Line nor what it is made from changed.
        const string context = RuleVerifier.Usings + """
            public class LedgerContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Line> Lines => Set<Line>();
            }
            """;
        const string entities = RuleVerifier.Usings + """
            public class Invoice
            {
                public int Id { get; set; }
                public List<Line> Lines { get; set; } = new();
            }

            public class Product
            {
                public int Id { get; set; }
                public List<Line> Lines { get; set; } = new();
            }

            public class Line
            {
                public int Id { get; set; }
            }
            """;
        var (compilation, _) = Analyzed(context, entities);

        var edited = Edit(compilation, 0, "public DbSet<Invoice> Invoices => Set<Invoice>();\n    public DbSet<Product> Products => Set<Product>();",
            "public DbSet<Product> Products => Set<Product>();\n    public DbSet<Invoice> Invoices => Set<Invoice>();");
        var schema = Schema(edited);

        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_model_wide_change_reaches_every_entity_type()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Invoice, ProductConfiguration, Limits);

        var edited = Edit(compilation, 0, "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);",
            "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly).Ignore<Invoice>();");
        var schema = Schema(edited);

        Assert.Null(schema.Models.Single().FindEntity("Invoice"));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }
}
