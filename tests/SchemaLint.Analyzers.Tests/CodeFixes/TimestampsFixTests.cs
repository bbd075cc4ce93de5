using SchemaLint.CodeFixes.Fixes.Timestamps;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class TimestampsFixTests
{
    [Fact]
    public Task Adds_created_and_updated_properties_of_the_type_the_model_uses() =>
        FixVerifier.For<TimestampsFix>("SL3001", TimestampsFix.AddTimestamps).File("""
            public class Invoice
            {
                public int Id { get; set; }
                public DateTimeOffset CreatedAt { get; set; }
                public DateTimeOffset UpdatedAt { get; set; }
            }

            public class {|SL3001:Tag|}
            {
                public int Id { get; set; }
                public string Label { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """, """
            public class Invoice
            {
                public int Id { get; set; }
                public DateTimeOffset CreatedAt { get; set; }
                public DateTimeOffset UpdatedAt { get; set; }
            }

            public class Tag
            {
                public int Id { get; set; }
                public string Label { get; set; } = "";
                public DateTimeOffset CreatedAt { get; set; }
                public DateTimeOffset UpdatedAt { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """).RunAsync();

    [Fact]
    public Task Adds_only_the_missing_timestamp_with_the_name_the_options_give() =>
        FixVerifier.For<TimestampsFix>("SL3001", TimestampsFix.AddTimestamps)
            .EditorConfig("schemalint.updated_names = modified_on, last_modified")
            .File("""
            public class {|SL3001:Tag|}
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """, """
            public class Tag
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; }
                public DateTime ModifiedOn { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """).RunAsync();

    [Fact]
    public Task Offers_no_fix_whose_new_property_would_clash_with_a_member_of_that_name() =>
        FixVerifier.For<TimestampsFix>("SL3001", TimestampsFix.AddTimestamps).File("""
            public class {|SL3001:Tag|}
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; }
                public DateTime UpdatedAt() => CreatedAt;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """, """
            public class {|SL3001:Tag|}
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; }
                public DateTime UpdatedAt() => CreatedAt;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """).RunAsync();
}
