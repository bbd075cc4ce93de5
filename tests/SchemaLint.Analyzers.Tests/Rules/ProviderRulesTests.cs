using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules;

/// <summary>
/// Provider-dependent rules in the analyzers, with the provider read from UseSqlServer/UseSqlite in OnConfiguring or a
/// design-time factory: the cases the runtime front end specifies on real SQL Server and SQLite models (SL1006's are in the
/// relationship rule specifications).
/// </summary>
public sealed class ProviderRulesTests
{
    [Fact]
    public Task SL2002_fires_on_SQL_Server_from_a_design_time_factory() => RuleVerifier.VerifyAsync("SL2002", """
        public class Invoice { public int Id { get; set; } public decimal {|SL2002:Total|} { get; set; } }
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

    [Fact]
    public Task SL2002_is_silent_on_SQLite_which_stores_decimals_as_text() => RuleVerifier.VerifyAsync("SL2002", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } }
        public class ShopContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=shop.db");
        }
        """);
}
