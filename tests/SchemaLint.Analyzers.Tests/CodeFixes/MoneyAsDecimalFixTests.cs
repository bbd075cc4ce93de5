using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class MoneyAsDecimalFixTests
{
    private static FixVerifier<MoneyAsDecimalFix> Fix() => FixVerifier.For<MoneyAsDecimalFix>("SL2001", MoneyAsDecimalFix.UseDecimal);

    [Fact]
    public Task Changes_the_type_adds_the_attribute_and_updates_literals() =>
        Fix().File("""
            public class Expense
            {
                public int Id { get; set; }
                [Required]
                public string Description { get; set; } = "";
                public double {|SL2001:Amount|} { get; set; } = 0.0;
                public float? {|SL2001:Fee|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Expense> Expenses => Set<Expense>();
            }

            public static class Seed
            {
                public static Expense Lunch(double fee) => new Expense { Description = "Lunch", Amount = 12.5, Fee = (float)fee };

                public static void Discount(Expense expense)
                {
                    expense.Amount = expense.Amount * 0.9;
                    if (expense.Amount > 100.0) expense.Amount -= 5d;
                    double report = expense.Amount;
                }
            }
            """, """
            public class Expense
            {
                public int Id { get; set; }
                [Required]
                public string Description { get; set; } = "";
                [Precision(18, 2)]
                public decimal Amount { get; set; } = 0.0m;
                [Precision(18, 2)]
                public decimal? Fee { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Expense> Expenses => Set<Expense>();
            }

            public static class Seed
            {
                public static Expense Lunch(double fee) => new Expense { Description = "Lunch", Amount = 12.5m, Fee = (decimal)(float)fee };

                public static void Discount(Expense expense)
                {
                    expense.Amount = expense.Amount * 0.9m;
                    if (expense.Amount > 100.0m) expense.Amount -= 5m;
                    double report = (double)expense.Amount;
                }
            }
            """).RunAsync();

    [Fact]
    public Task Changes_the_type_and_appends_HasPrecision_to_the_fluent_chain() =>
        Fix().File("""
            public class Expense
            {
                public int Id { get; set; }
                public double {|SL2001:Amount|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Expense> Expenses => Set<Expense>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Expense>(expense =>
                    {
                        expense.Property(e => e.Amount).HasDefaultValue(0.0);
                    });
                }
            }
            """, """
            public class Expense
            {
                public int Id { get; set; }
                public decimal Amount { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Expense> Expenses => Set<Expense>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Expense>(expense =>
                    {
                        expense.Property(e => e.Amount).HasDefaultValue(0.0m).HasPrecision(18, 2);
                    });
                }
            }
            """).RunAsync();

    private const string Order = """
        using System.Linq;

        public class Order
        {
            public int Id { get; set; }
            public double {|SL2001:Total|} { get; set; }
        }

        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
        }

        """;

    private const string FixedOrder = """
        using System.Linq;

        public class Order
        {
            public int Id { get; set; }
            [Precision(18, 2)]
            public decimal Total { get; set; }
        }

        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
        }

        """;

    [Fact]
    public Task Converts_a_LINQ_aggregate_in_an_expression_bodied_member_that_returns_double() =>
        Fix().File(Order + """
            public static class Reports
            {
                public static double Sum(List<Order> orders) => orders.Sum(x => x.Total);
                public static double Mean(List<Order> orders) { return orders.Average(x => x.Total); }
            }
            """, FixedOrder + """
            public static class Reports
            {
                public static double Sum(List<Order> orders) => (double)orders.Sum(x => x.Total);
                public static double Mean(List<Order> orders) { return (double)orders.Average(x => x.Total); }
            }
            """).RunAsync();

    [Fact]
    public Task Leaves_Math_Round_to_its_decimal_overload() =>
        Fix().File(Order + """
            public static class Pricing
            {
                public static void Settle(Order order) => order.Total = Math.Round(order.Total, 2);
                public static void Floor(Order order) => order.Total = Math.Max(order.Total, 0.0);
                public static double Root(Order order) => Math.Sqrt(order.Total);
            }
            """, FixedOrder + """
            public static class Pricing
            {
                public static void Settle(Order order) => order.Total = Math.Round(order.Total, 2);
                public static void Floor(Order order) => order.Total = Math.Max(order.Total, 0.0m);
                public static double Root(Order order) => Math.Sqrt((double)order.Total);
            }
            """).RunAsync();

    [Fact]
    public Task Rewrites_compound_assignments_comparisons_and_conditionals() =>
        Fix().File(Order + """
            public static class Pricing
            {
                public static double Apply(Order order, double fee, bool waived)
                {
                    order.Total += 1.5;
                    order.Total -= fee;
                    if (order.Total > 100.0) order.Total *= 0.9;
                    var shipping = waived ? 0.0 : order.Total;
                    double sum = 0;
                    sum += order.Total;
                    return sum + shipping;
                }
            }
            """, FixedOrder + """
            public static class Pricing
            {
                public static double Apply(Order order, double fee, bool waived)
                {
                    order.Total += 1.5m;
                    order.Total -= (decimal)fee;
                    if (order.Total > 100.0m) order.Total *= 0.9m;
                    var shipping = waived ? 0.0m : order.Total;
                    double sum = 0;
                    sum += (double)order.Total;
                    return sum + (double)shipping;
                }
            }
            """).RunAsync();

    [Fact]
    public Task Converts_arguments_to_double_parameters_and_leaves_formatting_alone() =>
        Fix().File(Order + """
            public static class Receipts
            {
                public static string Line(Order order) => $"{order.Total:F2} " + string.Format("{0:C}", order.Total) + Print(order.Total);
                private static string Print(double amount) => amount.ToString("F2");
            }
            """, FixedOrder + """
            public static class Receipts
            {
                public static string Line(Order order) => $"{order.Total:F2} " + string.Format("{0:C}", order.Total) + Print((double)order.Total);
                private static string Print(double amount) => amount.ToString("F2");
            }
            """).RunAsync();

    [Fact]
    public Task Offers_no_fix_where_no_conversion_keeps_the_code_compiling() =>
        Fix().File(Order + """
            public static class Reports
            {
                public static List<double> Totals(List<Order> orders) => orders.Select(o => o.Total).ToList();
            }
            """, Order + """
            public static class Reports
            {
                public static List<double> Totals(List<Order> orders) => orders.Select(o => o.Total).ToList();
            }
            """).RunAsync();

    [Fact]
    public Task Keeps_Equals_and_CompareTo_with_a_double_answering_as_before() =>
        Fix().File(Order + """
            public static class Checks
            {
                public static bool IsFree(Order order) => order.Total.Equals(0.0);
                public static int Rank(Order order, double limit) => order.Total.CompareTo(limit);
            }
            """, FixedOrder + """
            public static class Checks
            {
                public static bool IsFree(Order order) => order.Total.Equals(0.0m);
                public static int Rank(Order order, double limit) => order.Total.CompareTo((decimal)limit);
            }
            """).RunAsync();
}
