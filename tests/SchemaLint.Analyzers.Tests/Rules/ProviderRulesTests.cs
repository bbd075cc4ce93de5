using SchemaLint.Analyzers.Tests.SourceModel;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.Rules;

/// <summary>
/// Provider-dependent rules on the source model, with the provider read from UseSqlServer/UseSqlite in OnConfiguring or a
/// design-time factory: the cases the runtime front end specifies on real SQL Server and SQLite models.
/// </summary>
public sealed class ProviderRulesTests
{
    private const string Invoice = "public class Invoice { public int Id { get; set; } public decimal Total { get; set; } }\n";

    [Fact]
    public void SL2002_fires_on_SQL_Server_with_the_provider_read_from_a_design_time_factory()
    {
        var model = SourceModelHarness.Model(Invoice + """
            public class ShopContext : DbContext
            {
                public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
                public DbSet<Invoice> Invoices => Set<Invoice>();
            }
            public class ShopContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ShopContext>
            {
                public ShopContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ShopContext>().UseSqlServer("Server=.;Database=shop").Options);
            }
            """);

        Assert.Equal(DatabaseProvider.SqlServer, model.Provider);
        Assert.Contains(SchemaLintEngine.Default.Analyze(model, SchemaLintOptions.Default), f => f.RuleId == "SL2002" && f.MemberName == "Total");
    }

    [Fact]
    public void SL2002_is_silent_on_SQLite_which_stores_decimals_as_text()
    {
        var model = SourceModelHarness.Model(Invoice + """
            public class ShopContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=shop.db");
            }
            """);

        Assert.Equal(DatabaseProvider.Sqlite, model.Provider);
        Assert.DoesNotContain(SchemaLintEngine.Default.Analyze(model, SchemaLintOptions.Default), f => f.RuleId == "SL2002");
    }

    [Fact]
    public void The_provider_is_read_from_OnConfiguring_in_another_part_of_the_context_or_in_its_base_context()
    {
        var inPart = SourceModelHarness.Model(Invoice + """
            public partial class ShopContext : DbContext { public DbSet<Invoice> Invoices => Set<Invoice>(); }
            public partial class ShopContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=shop.db");
            }
            """);
        var inBase = SourceModelHarness.Model(Invoice + """
            public abstract class StoreContext : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder options) { options.UseSqlite("Data Source=shop.db"); }
            }
            public class ShopContext : StoreContext { public DbSet<Invoice> Invoices => Set<Invoice>(); }
            """);

        Assert.Equal(DatabaseProvider.Sqlite, inPart.Provider);
        Assert.Equal(DatabaseProvider.Sqlite, inBase.Provider);
    }

    [Fact]
    public void Two_providers_in_OnConfiguring_leave_the_provider_unknown()
    {
        var model = SourceModelHarness.Model(Invoice + """
            public class ShopContext : DbContext
            {
                private readonly bool _local;
                public DbSet<Invoice> Invoices => Set<Invoice>();
                protected override void OnConfiguring(DbContextOptionsBuilder options)
                {
                    if (_local) options.UseSqlite("Data Source=shop.db");
                    else options.UseSqlServer("Server=.;Database=shop");
                }
            }
            """);

        Assert.Equal(DatabaseProvider.Unknown, model.Provider);
    }

    [Fact]
    public void SL1006_is_an_error_on_SQL_Server_and_a_warning_elsewhere()
    {
        const string Model = """
            public class User { public int Id { get; set; } }
            public class Category { public int Id { get; set; } public int UserId { get; set; } public User User { get; set; } = null!; }
            public class Expense { public int Id { get; set; } public int UserId { get; set; } public User User { get; set; } = null!; public int CategoryId { get; set; } public Category Category { get; set; } = null!; }
            public class BudgetContext : DbContext
            {
                public DbSet<Expense> Expenses => Set<Expense>();
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.PROVIDER;
            }
            """;
        var onSqlServer = SchemaLintEngine.Default.Analyze(SourceModelHarness.Model(Model.Replace("PROVIDER", "UseSqlServer(\"Server=.\")")), SchemaLintOptions.Default);
        var onSqlite = SchemaLintEngine.Default.Analyze(SourceModelHarness.Model(Model.Replace("PROVIDER", "UseSqlite(\"Data Source=b.db\")")), SchemaLintOptions.Default);

        Assert.Equal(Severity.Error, Assert.Single(onSqlServer, f => f.RuleId == "SL1006").Severity);
        Assert.Equal(Severity.Warning, Assert.Single(onSqlite, f => f.RuleId == "SL1006").Severity);
    }
}
