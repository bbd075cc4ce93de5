using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Integrity;

public sealed class RangeWithoutCheckConstraintTests
{
    private const string Id = "SL4001";

    [Fact]
    public Task Fires_on_a_price_without_a_check_constraint() => RuleVerifier.VerifyAsync(Id, """
        public class Product { public int Id { get; set; } [Precision(18, 2)] public decimal {|SL4001:Price|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Product> Products => Set<Product>(); }
        """);

    [Fact]
    public Task Is_silent_with_a_check_constraint() => RuleVerifier.VerifyAsync(Id, """
        public class Product { public int Id { get; set; } [Precision(18, 2)] public decimal Price { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Product> Products => Set<Product>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Product>().ToTable(t => t.HasCheckConstraint("CK_Product_Price", "\"Price\" >= 0"));
        }
        """);
}

public sealed class RedundantIndexTests
{
    private const string Id = "SL4002";

    [Fact]
    public Task Fires_on_an_index_that_prefixes_another() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public int CustomerId { get; set; } public DateTime PlacedAt { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().{|SL4002:HasIndex(o => o.CustomerId)|};
                modelBuilder.Entity<Order>().HasIndex(o => new { o.CustomerId, o.PlacedAt });
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_an_index_with_its_own_method() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public int CustomerId { get; set; } public DateTime PlacedAt { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().HasIndex(o => o.CustomerId).HasMethod("brin");
                modelBuilder.Entity<Order>().HasIndex(o => new { o.CustomerId, o.PlacedAt });
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_indexes_that_lead_with_different_columns() => RuleVerifier.VerifyAsync(Id, """
        [Index(nameof(PlacedAt))]
        [Index(nameof(CustomerId), nameof(PlacedAt))]
        public class Order { public int Id { get; set; } public int CustomerId { get; set; } public DateTime PlacedAt { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);
}
