using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Columns;

public sealed class MoneyAsFloatingPointTests
{
    private const string Id = "SL2001";

    [Fact]
    public Task Fires_on_a_double_amount_mapped_by_convention() => RuleVerifier.VerifyAsync(Id, """
        public class Payment { public int Id { get; set; } public double {|SL2001:Amount|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
        """);

    [Fact]
    public Task Fires_on_a_float_price_configured_through_a_configuration_class() => RuleVerifier.VerifyAsync(Id, """
        public class Product { public int Id { get; set; } public float {|SL2001:UnitPrice|} { get; set; } }
        public class ProductConfiguration : IEntityTypeConfiguration<Product>
        {
            public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.UnitPrice).IsRequired();
        }
        public class AppDbContext : DbContext
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProductConfiguration());
        }
        """);

    [Fact]
    public Task Is_silent_on_decimal_money() => RuleVerifier.VerifyAsync(Id, """
        public class Payment { public int Id { get; set; } [Precision(18, 2)] public decimal Amount { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
        """);

    [Fact]
    public Task Is_silent_on_floats_that_are_not_money() => RuleVerifier.VerifyAsync(Id, """
        public class Place { public int Id { get; set; } public double Latitude { get; set; } public double Score { get; set; } public float Ratio { get; set; } public double Weight { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Place> Places => Set<Place>(); }
        """);

    [Fact]
    public Task Is_silent_when_the_column_type_is_exact_numeric() => RuleVerifier.VerifyAsync(Id, """
        public class Payment { public int Id { get; set; } [Column(TypeName = "numeric(18,2)")] public double Amount { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
        """);

    [Fact]
    public Task Is_silent_on_a_class_no_context_maps() => RuleVerifier.VerifyAsync(Id, """
        public class PaymentDto { public double Amount { get; set; } }
        public class AppDbContext : DbContext { }
        """);

    [Fact]
    public Task Is_silent_on_a_property_that_is_not_mapped() => RuleVerifier.VerifyAsync(Id, """
        public class Payment { public int Id { get; set; } [NotMapped] public double Amount { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
        """);

    [Fact]
    public Task Is_silent_on_a_property_ignored_in_the_Fluent_API() => RuleVerifier.VerifyAsync(Id, """
        public class Payment { public int Id { get; set; } public double Amount { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Payment> Payments => Set<Payment>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Payment>().Ignore(p => p.Amount);
        }
        """);

    [Fact]
    public Task Uses_the_money_names_from_editorconfig() =>
        RuleVerifier.For(Id, """
            public class Payment { public int Id { get; set; } public double {|SL2001:Credits|} { get; set; } public double Amount { get; set; } }
            public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
            """)
            .WithEditorConfig("schemalint.money_names = credits")
            .ValidateAsync();

    [Fact]
    public Task Honours_excluded_entities_from_editorconfig() =>
        RuleVerifier.For(Id, """
            public class Payment { public int Id { get; set; } public double Amount { get; set; } }
            public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
            """)
            .WithEditorConfig("schemalint.exclude_entities = Payment")
            .ValidateAsync();
}
