using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class DecimalPrecisionFixTests
{
    private static FixVerifier<DecimalPrecisionFix> Fix() => FixVerifier.For<DecimalPrecisionFix>("SL2002", DecimalPrecisionFix.AddPrecision);

    [Fact]
    public Task Adds_the_attribute_to_an_entity_without_fluent_configuration() =>
        Fix().File("""
            public class Invoice
            {
                public int Id { get; set; }
                public decimal {|SL2002:Total|} { get; set; }
                public decimal {|SL2002:Tax|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
            }
            """, """
            public class Invoice
            {
                public int Id { get; set; }
                [Precision(18, 2)]
                public decimal Total { get; set; }
                [Precision(18, 2)]
                public decimal Tax { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
            }
            """).RunAsync();

    [Fact]
    public Task Appends_to_the_property_chain_of_a_configuration_class() =>
        Fix().File("""
            public class Invoice
            {
                public int Id { get; set; }
                public decimal {|SL2002:Total|} { get; set; }
                public decimal {|SL2002:Tax|} { get; set; }
            }

            public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
            {
                public void Configure(EntityTypeBuilder<Invoice> builder)
                {
                    builder.Property(i => i.Total)
                        .IsRequired();
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new InvoiceConfiguration());
            }
            """, """
            public class Invoice
            {
                public int Id { get; set; }
                public decimal Total { get; set; }
                public decimal Tax { get; set; }
            }

            public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
            {
                public void Configure(EntityTypeBuilder<Invoice> builder)
                {
                    builder.Property(i => i.Total)
                        .IsRequired()
                        .HasPrecision(18, 2);
                    builder.Property(e => e.Tax).HasPrecision(18, 2);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new InvoiceConfiguration());
            }
            """).RunAsync();
}
