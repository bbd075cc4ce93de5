using SchemaLint.CodeFixes.Fixes.Timestamps;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class UtcNowFixTests
{
    [Fact]
    public Task Replaces_Now_and_Today_with_UtcNow() =>
        FixVerifier.For<UtcNowFix>("SL3003", UtcNowFix.UseUtc).File("""
            public class Order
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; } = {|SL3003:DateTime.Now|};
                public DateTime DueOn { get; set; }

                public void Schedule() => DueOn = {|SL3003:System.DateTime.Today|}.AddDays(30);
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """, """
            public class Order
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
                public DateTime DueOn { get; set; }

                public void Schedule() => DueOn = System.DateTime.UtcNow.Date.AddDays(30);
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """).RunAsync();

    [Fact]
    public Task Replaces_local_time_stored_in_a_local_or_a_field_before_the_write() =>
        FixVerifier.For<UtcNowFix>("SL3003", UtcNowFix.UseUtc).File("""
            public class Order
            {
                private static readonly DateTime Opened = DateTime.Now;
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; } = {|SL3003:Opened|};
                public DateTime? ShippedAt { get; set; }

                public void Ship()
                {
                    var now = DateTime.Now;
                    ShippedAt = {|SL3003:now|};
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """, """
            public class Order
            {
                private static readonly DateTime Opened = DateTime.UtcNow;
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; } = Opened;
                public DateTime? ShippedAt { get; set; }

                public void Ship()
                {
                    var now = DateTime.UtcNow;
                    ShippedAt = now;
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            """).RunAsync();
}
