using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class DatabaseDefaultFixTests
{
    [Fact]
    public Task Adds_defaults_for_flags_and_statuses_to_the_configuration_class() =>
        FixVerifier.For<DatabaseDefaultFix>("SL2008", DatabaseDefaultFix.AddDefault).File("""
            public enum OrderStatus { Pending, Paid }

            public class Order
            {
                public int Id { get; set; }
                public bool {|SL2008:IsActive|} { get; set; } = true;
                public bool {|SL2008:IsArchived|} { get; set; }
                public OrderStatus {|SL2008:Status|} { get; set; } = OrderStatus.Pending;
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder)
                {
                    builder.Property(o => o.Status).HasConversion<string>();
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
            }
            """, """
            public enum OrderStatus { Pending, Paid }

            public class Order
            {
                public int Id { get; set; }
                public bool IsActive { get; set; } = true;
                public bool IsArchived { get; set; }
                public OrderStatus Status { get; set; } = OrderStatus.Pending;
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder)
                {
                    builder.Property(o => o.Status).HasConversion<string>().HasDefaultValue(OrderStatus.Pending);
                    builder.Property(e => e.IsActive).HasDefaultValue(true);
                    builder.Property(e => e.IsArchived).HasDefaultValue(false);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
            }
            """).RunAsync();

    [Fact]
    public Task Adds_the_providers_current_timestamp_in_OnModelCreating_for_an_annotated_entity() =>
        FixVerifier.For<DatabaseDefaultFix>("SL2008", DatabaseDefaultFix.AddDefault).EditorConfig("schemalint.provider = sqlserver").File("""
            public class Note
            {
                public int Id { get; set; }
                [MaxLength(200)]
                public string Title { get; set; } = "";
                public DateTime {|SL2008:CreatedAt|} { get; set; } = DateTime.UtcNow;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Note> Notes => Set<Note>();
            }
            """, """
            public class Note
            {
                public int Id { get; set; }
                [MaxLength(200)]
                public string Title { get; set; } = "";
                public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Note> Notes => Set<Note>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Note>().Property(e => e.CreatedAt).HasDefaultValueSql("SYSUTCDATETIME()");
                }
            }
            """).RunAsync();

    [Fact]
    public Task Gives_a_created_timestamp_nothing_sets_a_database_default() =>
        FixVerifier.For<DatabaseDefaultFix>("SL3002", DatabaseDefaultFix.AddDefault).EditorConfig("schemalint.provider = postgresql").File("""
            public class Note
            {
                public int Id { get; set; }
                public DateTimeOffset {|SL3002:CreatedAt|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Note> Notes => Set<Note>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Note>().ToTable("notes");
                }
            }
            """, """
            public class Note
            {
                public int Id { get; set; }
                public DateTimeOffset CreatedAt { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Note> Notes => Set<Note>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Note>().ToTable("notes");
                    modelBuilder.Entity<Note>().Property(e => e.CreatedAt).HasDefaultValueSql("now()");
                }
            }
            """).RunAsync();

    [Fact]
    public async Task Offers_no_timestamp_default_when_the_provider_is_unknown()
    {
        const string source = """
            public class Note
            {
                public int Id { get; set; }
                public DateTime {|SL2008:CreatedAt|} { get; set; } = DateTime.UtcNow;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Note> Notes => Set<Note>();
            }
            """;
        // The same source after the fix: the harness checks that no fix is offered.
        await FixVerifier.For<DatabaseDefaultFix>("SL2008", DatabaseDefaultFix.AddDefault).File(source, source).RunAsync();
    }

    [Fact]
    public async Task Offers_nothing_for_an_updated_timestamp_that_nothing_updates()
    {
        const string source = """
            public class Note
            {
                public int Id { get; set; }
                public DateTime {|SL3002:UpdatedAt|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Note> Notes => Set<Note>();
            }
            """;
        await FixVerifier.For<DatabaseDefaultFix>("SL3002", DatabaseDefaultFix.AddDefault).EditorConfig("schemalint.provider = postgresql").File(source, source).RunAsync();
    }
}
