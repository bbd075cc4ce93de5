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
}
