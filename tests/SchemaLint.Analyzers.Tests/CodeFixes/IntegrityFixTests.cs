using SchemaLint.CodeFixes.Fixes.Integrity;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class IntegrityFixTests
{
    [Fact]
    public Task Adds_a_check_constraint_quoted_for_PostgreSQL_in_the_configuration_class() =>
        FixVerifier.For<CheckConstraintFix>("SL4001", CheckConstraintFix.AddCheckConstraint).EditorConfig("schemalint.provider = postgresql").File("""
            public class Product
            {
                public int Id { get; set; }
                [Precision(18, 2)]
                public decimal {|SL4001:Price|} { get; set; }
                [Range(1, 99)]
                public int {|SL4001:Quantity|} { get; set; }
            }

            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder)
                {
                    builder.ToTable("products");
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProductConfiguration());
            }
            """, """
            public class Product
            {
                public int Id { get; set; }
                [Precision(18, 2)]
                public decimal Price { get; set; }
                [Range(1, 99)]
                public int Quantity { get; set; }
            }

            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder)
                {
                    builder.ToTable("products");
                    builder.ToTable(t => t.HasCheckConstraint("CK_Product_Price", "\"Price\" >= 0"));
                    builder.ToTable(t => t.HasCheckConstraint("CK_Product_Quantity", "\"Quantity\" >= 1 AND \"Quantity\" <= 99"));
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProductConfiguration());
            }
            """).RunAsync();

    [Fact]
    public Task Adds_a_check_constraint_quoted_for_SQL_Server_for_an_annotated_entity() =>
        FixVerifier.For<CheckConstraintFix>("SL4001", CheckConstraintFix.AddCheckConstraint).EditorConfig("schemalint.provider = sqlserver").File("""
            public class Product
            {
                public int Id { get; set; }
                [Precision(18, 2)]
                public decimal {|SL4001:Price|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    base.OnModelCreating(modelBuilder);
                }
            }
            """, """
            public class Product
            {
                public int Id { get; set; }
                [Precision(18, 2)]
                public decimal Price { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    base.OnModelCreating(modelBuilder);
                    modelBuilder.Entity<Product>().ToTable(t => t.HasCheckConstraint("CK_Product_Price", "[Price] >= 0"));
                }
            }
            """).RunAsync();

    [Fact]
    public Task Removes_a_redundant_index_attribute() =>
        FixVerifier.For<RedundantIndexFix>("SL4002", RedundantIndexFix.RemoveIndex).File("""
            [{|SL4002:Index(nameof(CustomerId))|}]
            [Index(nameof(CustomerId), nameof(PlacedAt))]
            public class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public DateTime PlacedAt { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """, """
            [Index(nameof(CustomerId), nameof(PlacedAt))]
            public class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public DateTime PlacedAt { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """).RunAsync();

    [Fact]
    public Task Removes_a_redundant_HasIndex_statement() =>
        FixVerifier.For<RedundantIndexFix>("SL4002", RedundantIndexFix.RemoveIndex).File("""
            public class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public DateTime PlacedAt { get; set; }
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder)
                {
                    builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
                    builder.{|SL4002:HasIndex(o => o.CustomerId)|};
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
            }
            """, """
            public class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public DateTime PlacedAt { get; set; }
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder)
                {
                    builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
            }
            """).RunAsync();
}
