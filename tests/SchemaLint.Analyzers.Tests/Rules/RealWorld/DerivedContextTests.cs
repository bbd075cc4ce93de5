using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.RealWorld;

/// <summary>
/// A provider-neutral base context and the provider contexts derived from it, which are the ones the application registers
/// (AddDbContext&lt;AppDbContext, PostgresDbContext&gt;): the base context reports only what its derived contexts share.
/// </summary>
public sealed class DerivedContextTests
{
    [Fact]
    public Task A_timestamp_the_derived_context_gives_a_default_is_not_reported_from_the_base_context() => RuleVerifier.VerifyAsync("SL3002", """
        public class Note
        {
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; }
            public DateTime {|SL3002:UpdatedAt|} { get; set; }
        }
        public class AppDbContext : DbContext
        {
            public AppDbContext(DbContextOptions options) : base(options) { }
            public DbSet<Note> Notes => Set<Note>();
        }
        public class PgAppDbContext : AppDbContext
        {
            public PgAppDbContext(DbContextOptions options) : base(options) { }
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                base.OnModelCreating(modelBuilder);
                modelBuilder.Entity<Note>().Property(n => n.CreatedAt).HasDefaultValueSql("now()");
            }
        }
        """);

    [Fact]
    public Task A_defect_every_derived_context_shares_is_reported() => RuleVerifier.VerifyAsync("SL2002", """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } public decimal {|SL2002:Tax|} { get; set; } }
        public class AppDbContext : DbContext
        {
            public AppDbContext(DbContextOptions options) : base(options) { }
            public DbSet<Invoice> Invoices => Set<Invoice>();
        }
        public class PgAppDbContext : AppDbContext
        {
            public PgAppDbContext(DbContextOptions options) : base(options) { }
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                base.OnModelCreating(modelBuilder);
                modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
            }
        }
        public class SqlServerAppDbContext : AppDbContext
        {
            public SqlServerAppDbContext(DbContextOptions options) : base(options) { }
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                base.OnModelCreating(modelBuilder);
                modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(19, 4);
            }
        }
        """);
}
