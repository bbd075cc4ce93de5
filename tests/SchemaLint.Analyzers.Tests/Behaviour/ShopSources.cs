using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// Entity types of the small shop model that several specifications of edits across snapshots start from: an order, the
/// customer it belongs to, and an invoice with a point in time; and the same shop with a product whose configuration class
/// reads a constant from another file.
/// </summary>
internal static class ShopSources
{
    public const string Order = RuleVerifier.Usings + """
        public class Order
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public Customer Customer { get; set; } = null!;
        }
        """;

    public const string Customer = RuleVerifier.Usings + """
        public class Customer
        {
            public int Id { get; set; }
            public List<Order> Orders { get; set; } = new();
        }
        """;

    public const string Invoice = RuleVerifier.Usings + """
        public class Invoice
        {
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; }
        }
        """;

    /// <summary>The shop's context with its four sets, applying every configuration class of the assembly.</summary>
    public const string ConfiguredContext = RuleVerifier.Usings + """
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Product> Products => Set<Product>();
            public DbSet<Invoice> Invoices => Set<Invoice>();

            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
        }
        """;

    /// <summary>A product with a title, which ProductConfiguration bounds.</summary>
    public const string TitledProduct = RuleVerifier.Usings + """
        public class Product
        {
            public int Id { get; set; }
            public string Title { get; set; } = "";
        }
        """;

    /// <summary>Bounds a product's title by a constant declared in another file (Limits).</summary>
    public const string ProductConfiguration = RuleVerifier.Usings + """
        public class ProductConfiguration : IEntityTypeConfiguration<Product>
        {
            public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Title).HasMaxLength(Limits.ProductTitle);
        }
        """;

    /// <summary>The constant ProductConfiguration reads.</summary>
    public const string Limits = """
        public static class Limits
        {
            public const int ProductTitle = 50;
        }
        """;
}
