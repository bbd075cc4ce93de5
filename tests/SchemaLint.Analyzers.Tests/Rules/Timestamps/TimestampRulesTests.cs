using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Timestamps;

public sealed class MissingTimestampsTests
{
    private const string Id = "SL3001";

    [Fact]
    public Task Fires_on_an_entity_without_timestamps() => RuleVerifier.VerifyAsync(Id, """
        public class {|SL3001:Order|} { public int Id { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Is_silent_with_timestamps_inherited_from_a_base_class() => RuleVerifier.VerifyAsync(Id, """
        public abstract class Audited { public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } }
        public class Order : Audited { public int Id { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Is_silent_with_timestamps_added_as_shadow_properties() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().Property<DateTime>("CreatedAt");
                modelBuilder.Entity<Order>().Property<DateTime>("UpdatedAt");
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_owned_types_and_join_tables() => RuleVerifier.VerifyAsync(Id, """
        public class Customer { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } public Address Address { get; set; } = new(); public List<Tag> Tags { get; set; } = new(); }
        [Owned] public class Address { public string Street { get; set; } = ""; }
        public class Tag { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } public List<Customer> Customers { get; set; } = new(); }
        public class AppDbContext : DbContext { public DbSet<Customer> Customers => Set<Customer>(); public DbSet<Tag> Tags => Set<Tag>(); }
        """);
}

public sealed class TimestampNeverSetTests
{
    private const string Id = "SL3002";

    [Fact]
    public Task Fires_on_a_created_timestamp_nothing_sets() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public DateTime {|SL3002:CreatedAt|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Fires_on_the_entity_whose_timestamp_nothing_sets_when_another_entitys_is_set() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
        public class Invoice { public int Id { get; set; } public DateTime {|SL3002:CreatedAt|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); public DbSet<Invoice> Invoices => Set<Invoice>(); }
        public static class Orders { public static Order Place() { var order = new Order(); order.CreatedAt = DateTime.UtcNow; return order; } }
        """);

    [Fact]
    public Task Is_silent_when_code_assigns_it() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } = DateTime.UtcNow; }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Is_silent_on_a_required_created_timestamp_though_the_creations_live_in_another_project() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public required DateTime CreatedAt { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Fires_on_a_required_updated_timestamp_nothing_updates() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public required DateTime CreatedAt { get; set; } public required DateTime {|SL3002:UpdatedAt|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Is_silent_with_a_database_default() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().Property(o => o.CreatedAt).HasDefaultValueSql("now()");
        }
        """);
}
