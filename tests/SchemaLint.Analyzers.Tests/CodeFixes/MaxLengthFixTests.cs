using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class MaxLengthFixTests
{
    private static FixVerifier<MaxLengthFix> Fix() => FixVerifier.For<MaxLengthFix>("SL2004", MaxLengthFix.AddMaxLength);

    [Fact]
    public Task Adds_the_vocabulary_length_as_an_attribute() =>
        Fix().File("""
            public class User
            {
                public int Id { get; set; }

                [Required]
                public string {|SL2004:Email|} { get; set; } = "";

                /// <summary>Shown on the profile.</summary>
                public string {|SL2004:Name|} { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
            }
            """, """
            public class User
            {
                public int Id { get; set; }

                [Required]
                [MaxLength(254)]
                public string Email { get; set; } = "";

                /// <summary>Shown on the profile.</summary>
                [MaxLength(100)]
                public string Name { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
            }
            """).RunAsync();

    [Fact]
    public Task Adds_HasMaxLength_in_the_OnModelCreating_block() =>
        Fix().File("""
            public class User
            {
                public int Id { get; set; }
                public string {|SL2004:Email|} { get; set; } = "";
                public string {|SL2004:Name|} { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<User>(user =>
                    {
                        user.Property(u => u.Name).IsRequired();
                    });
                }
            }
            """, """
            public class User
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
                public string Name { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<User>(user =>
                    {
                        user.Property(u => u.Name).IsRequired().HasMaxLength(100);
                        user.Property(e => e.Email).HasMaxLength(254);
                    });
                }
            }
            """).RunAsync();

    [Fact]
    public Task Uses_the_length_an_option_gives() =>
        Fix().EditorConfig("schemalint.short_text_names = +sku:32").File("""
            public class Product
            {
                public int Id { get; set; }
                public string {|SL2004:Sku|} { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
            }
            """, """
            public class Product
            {
                public int Id { get; set; }
                [MaxLength(32)]
                public string Sku { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
            }
            """).RunAsync();

    [Fact]
    public Task Adds_the_using_the_attribute_needs() =>
        FixVerifier.For<MaxLengthFix>("SL2004", MaxLengthFix.AddMaxLength).WithoutDocumentFixAll()
            .RawFile("Customer.cs", """
            // The shop's customers.
            namespace Shop;

            public class Customer
            {
                public int Id { get; set; }
                public string {|SL2004:Email|} { get; set; } = "";
            }
            """, """
            // The shop's customers.
            using System.ComponentModel.DataAnnotations;

            namespace Shop;

            public class Customer
            {
                public int Id { get; set; }
                [MaxLength(254)]
                public string Email { get; set; } = "";
            }
            """)
            .RawFile("ShopContext.cs", """
            using Microsoft.EntityFrameworkCore;

            namespace Shop;

            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """, """
            using Microsoft.EntityFrameworkCore;

            namespace Shop;

            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """).RunAsync();
}
