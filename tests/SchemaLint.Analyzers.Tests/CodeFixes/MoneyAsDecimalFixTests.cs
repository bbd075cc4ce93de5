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
}
