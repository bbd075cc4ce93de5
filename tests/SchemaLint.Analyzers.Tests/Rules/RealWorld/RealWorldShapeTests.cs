using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.RealWorld;

/// <summary>
/// The diagnostics the build shows on model-building shapes met in public codebases, which once silenced a whole context.
/// The same shapes are parity models (Parity/PatternCorpus.cs), where the runtime front end reads EF Core's own model.
/// </summary>
public sealed class RealWorldShapeTests
{
    [Fact]
    public Task Two_contexts_with_an_entity_of_the_same_name_are_each_judged() => RuleVerifier.VerifyAsync("SL2002", """
        namespace Sales
        {
            public class Order { public int Id { get; set; } public decimal {|SL2002:Total|} { get; set; } }
            public class SalesContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().Property(o => o.Id).ValueGeneratedOnAdd();
            }
        }
        namespace Shipping
        {
            public class Order { public int Id { get; set; } public decimal Weight { get; set; } public decimal {|SL2002:Freight|} { get; set; } }
            public class ShippingContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().Property(o => o.Weight).HasPrecision(9, 3);
            }
        }
        """);

    [Fact]
    public Task A_helper_handed_the_model_builder_is_read_and_the_rest_of_the_model_judged() => RuleVerifier.VerifyAsync("SL2002", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } public decimal {|SL2002:Tax|} { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.UseInvoiceDefaults();
                ConfigureDates(modelBuilder);
            }

            private static void ConfigureDates(ModelBuilder builder) { }
        }
        public static class InvoiceModel
        {
            public static void UseInvoiceDefaults(this ModelBuilder builder) => builder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
        }
        """);

    [Fact]
    public Task A_provider_test_runs_the_branch_of_the_contexts_provider() => RuleVerifier.VerifyAsync("SL2002", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } public decimal {|SL2002:Tax|} { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost");
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                if (Database.IsNpgsql()) modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
                else modelBuilder.Entity<Invoice>().Property(i => i.Tax).HasPrecision(18, 2);
            }
        }
        """);

    [Fact]
    public Task A_branch_the_reader_cannot_decide_silences_only_what_it_configures() => RuleVerifier.VerifyAsync("SL2002", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } public decimal {|SL2002:Tax|} { get; set; } }
        public class AppDbContext : DbContext
        {
            private readonly bool _strict = true;
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                if (_strict) modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
            }
        }
        """);

    [Fact]
    public Task A_DDD_configuration_reaching_metadata_keeps_its_entity_judged() => RuleVerifier.VerifyAsync("SL2002", """
        public class Order { public int Id { get; set; } public decimal {|SL2002:Total|} { get; set; } public List<OrderLine> Lines { get; private set; } = new(); }
        public class OrderLine { public int Id { get; set; } public int OrderId { get; set; } }
        public class OrderConfiguration : IEntityTypeConfiguration<Order>
        {
            public void Configure(EntityTypeBuilder<Order> builder)
            {
                builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
                builder.Metadata.FindNavigation(nameof(Order.Lines))!.SetPropertyAccessMode(PropertyAccessMode.Field);
            }
        }
        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        }
        """);

    [Fact]
    public Task A_generic_configuration_base_class_configures_each_entity_it_is_closed_over() => RuleVerifier.VerifyAsync("SL2002", """
        public abstract class Document { public int Id { get; set; } public decimal Amount { get; set; } }
        public class Invoice : Document { public decimal {|SL2002:Discount|} { get; set; } }
        public class Receipt : Document { }
        public class DocumentConfiguration<T> : IEntityTypeConfiguration<T> where T : Document
        {
            public virtual void Configure(EntityTypeBuilder<T> builder) => builder.Property(d => d.Amount).HasPrecision(18, 2);
        }
        public class InvoiceConfiguration : DocumentConfiguration<Invoice>
        {
        }
        public class AppDbContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            public DbSet<Receipt> Receipts => Set<Receipt>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.ApplyConfiguration(new InvoiceConfiguration());
                modelBuilder.ApplyConfiguration(new DocumentConfiguration<Receipt>());
            }
        }
        """);
}

public sealed class ModelUnknownTests
{
    [Fact]
    public Task Says_why_a_context_gets_no_model_findings() => RuleVerifier.VerifyAsync("SL0003", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } }
        public class {|SL0003:AppDbContext|} : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(entity.DisplayName());
            }
        }
        """);

    [Fact]
    public Task Is_silent_when_the_analyzers_follow_the_whole_model() => RuleVerifier.VerifyAsync("SL0003", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
        }
        """);
}
