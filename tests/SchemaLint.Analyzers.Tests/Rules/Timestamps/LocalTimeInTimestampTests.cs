using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Timestamps;

public sealed class LocalTimeInTimestampTests
{
    private const string Id = "SL3003";

    private const string Order = """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime? ShippedAt { get; set; } public DateTimeOffset PaidAt { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """;

    [Fact]
    public Task Fires_on_an_assignment_of_DateTime_Now() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders { public static void Ship(Order order) => order.ShippedAt = {|SL3003:DateTime.Now|}; }
        """);

    [Fact]
    public Task Fires_in_an_object_initializer() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders { public static Order Create() => new Order { CreatedAt = {|SL3003:DateTime.Today|} }; }
        """);

    [Fact]
    public Task Fires_on_a_property_initializer() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } = {|SL3003:DateTime.Now|}; }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Fires_through_arithmetic_that_keeps_local_time() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders { public static void Ship(Order order, bool late) => order.ShippedAt = late ? {|SL3003:DateTime.Now|}.AddDays(1) : null; }
        """);

    [Fact]
    public Task Fires_on_a_property_initializer_in_an_unmapped_base_class() => RuleVerifier.VerifyAsync(Id, """
        public abstract class Audited { public DateTime CreatedAt { get; set; } = {|SL3003:DateTime.Now|}; }
        public class Order : Audited { public int Id { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Fires_on_an_entity_configured_only_in_the_Fluent_API() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
        public class AppDbContext : DbContext
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().Property(o => o.CreatedAt).IsRequired();
        }
        public static class Orders { public static void Touch(Order order) => order.CreatedAt = {|SL3003:DateTime.Now|}; }
        """);

    [Fact]
    public Task Fires_where_local_time_stored_in_a_local_is_written() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders
        {
            public static void Ship(Order order)
            {
                var now = DateTime.Now;
                order.ShippedAt = {|SL3003:now|};
            }
        }
        """);

    [Fact]
    public Task Fires_where_local_time_assigned_to_a_local_later_is_written() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders
        {
            public static Order Create()
            {
                DateTime stamp;
                stamp = DateTime.Today.AddHours(9);
                return new Order { CreatedAt = {|SL3003:stamp|} };
            }
        }
        """);

    [Fact]
    public Task Fires_where_local_time_held_in_a_field_is_written() => RuleVerifier.VerifyAsync(Id, Order + """
        public class Shipping
        {
            private readonly DateTime _startedAt;
            public Shipping() => _startedAt = DateTime.Now;
            public void Ship(Order order) => order.ShippedAt = {|SL3003:_startedAt|};
        }
        """);

    [Fact]
    public Task Fires_where_local_time_held_in_a_static_readonly_field_is_written() => RuleVerifier.VerifyAsync(Id, """
        public class Order
        {
            private static readonly DateTime Started = DateTime.Now;
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; } = {|SL3003:Started|};
        }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Follows_one_step_only_and_not_a_local_holding_universal_time() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders
        {
            public static void Ship(Order order)
            {
                var utc = DateTime.UtcNow;
                var local = DateTime.Now;
                var copy = local;
                order.ShippedAt = utc;
                order.CreatedAt = copy;
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_UtcNow_and_on_local_time_converted_to_universal() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders
        {
            public static void Ship(Order order) { order.ShippedAt = DateTime.UtcNow; order.CreatedAt = DateTime.Now.ToUniversalTime(); }
        }
        """);

    [Fact]
    public Task Is_silent_on_a_DateTimeOffset_property() => RuleVerifier.VerifyAsync(Id, Order + """
        public static class Orders { public static void Pay(Order order) => order.PaidAt = DateTime.Now; }
        """);

    [Fact]
    public Task Is_silent_on_a_class_no_context_maps() => RuleVerifier.VerifyAsync(Id, Order + """
        public class OrderView { public DateTime CreatedAt { get; set; } = DateTime.Now; }
        public static class Orders { public static OrderView View() => new OrderView { CreatedAt = DateTime.Now }; }
        """);

    [Fact]
    public Task Is_silent_on_a_property_that_is_not_mapped() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } [NotMapped] public DateTime LoadedAt { get; set; } = DateTime.Now; }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Honours_excluded_entities() =>
        RuleVerifier.For(Id, Order + """
            public static class Orders { public static void Ship(Order order) => order.ShippedAt = DateTime.Now; }
            """)
            .WithEditorConfig("schemalint.exclude_entities = Order")
            .ValidateAsync();
}
