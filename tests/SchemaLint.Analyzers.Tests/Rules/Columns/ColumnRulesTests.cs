using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Columns;

public sealed class DecimalWithoutPrecisionTests
{
    private const string Id = "SL2002";

    [Fact]
    public Task Fires_on_a_decimal_without_precision() => RuleVerifier.VerifyAsync(Id, """
        public class Invoice { public int Id { get; set; } public decimal {|SL2002:Total|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Invoice> Invoices => Set<Invoice>(); }
        """);

    [Fact]
    public Task Is_silent_with_the_Precision_attribute() => RuleVerifier.VerifyAsync(Id, """
        public class Invoice { public int Id { get; set; } [Precision(18, 2)] public decimal Total { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Invoice> Invoices => Set<Invoice>(); }
        """);

    [Fact]
    public Task Is_silent_with_HasPrecision_in_the_Fluent_API() => RuleVerifier.VerifyAsync(Id, """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
        }
        """);

    [Fact]
    public Task Is_silent_when_a_global_convention_sets_decimal_precision() => RuleVerifier.VerifyAsync(Id, """
        public class Invoice { public int Id { get; set; } public decimal Total { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        }
        """);
}

public sealed class LongTextCappedShortTests
{
    private const string Id = "SL2003";

    [Fact]
    public Task Fires_on_a_MaxLength_attribute_below_the_threshold() => RuleVerifier.VerifyAsync(Id, """
        public class Post { public int Id { get; set; } [{|SL2003:MaxLength(100)|}] public string Body { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Fires_on_the_HasMaxLength_call() => RuleVerifier.VerifyAsync(Id, """
        public class Post { public int Id { get; set; } public string Body { get; set; } = ""; }
        public class AppDbContext : DbContext
        {
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Post>().Property(p => p.Body).{|SL2003:HasMaxLength(100)|};
        }
        """);

    [Fact]
    public Task Is_silent_on_long_text_without_a_cap_or_with_a_generous_one() => RuleVerifier.VerifyAsync(Id, """
        public class Post { public int Id { get; set; } public string Body { get; set; } = ""; [MaxLength(4000)] public string Summary { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Uses_the_threshold_from_editorconfig() =>
        RuleVerifier.For(Id, """
            public class Post { public int Id { get; set; } [MaxLength(4000)] public string Body { get; set; } = ""; }
            public class AppDbContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
            """)
            .WithEditorConfig("schemalint.long_text_threshold = 100")
            .ValidateAsync();
}

public sealed class ShortTextUnboundedTests
{
    private const string Id = "SL2004";

    [Fact]
    public Task Fires_on_an_unbounded_email() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } public string {|SL2004:Email|} { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """);

    [Fact]
    public Task Is_silent_with_MaxLength_or_HasMaxLength() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } [MaxLength(254)] public string Email { get; set; } = ""; public string Name { get; set; } = ""; }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users => Set<User>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<User>().Property(u => u.Name).HasMaxLength(100);
        }
        """);

    [Fact]
    public Task Is_silent_when_a_global_convention_bounds_strings() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } public string Email { get; set; } = ""; }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users => Set<User>();
            protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.Properties<string>().HaveMaxLength(256);
        }
        """);
}

public sealed class NullableByOmissionTests
{
    private const string Id = "SL2005";

    [Fact]
    public Task Fires_on_a_required_looking_string_in_oblivious_code() => RuleVerifier.VerifyObliviousAsync(Id, """
        public class User { public int Id { get; set; } public string {|SL2005:Email|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<User> Users { get; set; } }
        """);

    [Fact]
    public Task Is_silent_with_Required_or_IsRequired() => RuleVerifier.VerifyObliviousAsync(Id, """
        public class User { public int Id { get; set; } [Required] public string Email { get; set; } public string Name { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users { get; set; }
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<User>().Property(u => u.Name).IsRequired();
        }
        """);

    [Fact]
    public Task Is_silent_under_nullable_reference_types() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } public string Email { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """);
}

public sealed class NullabilityMismatchTests
{
    private const string Id = "SL2006";

    [Fact]
    public Task Fires_on_a_nullable_string_configured_required() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } public string? Nickname { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users => Set<User>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<User>().Property(u => u.Nickname).{|SL2006:IsRequired()|};
        }
        """);

    [Fact]
    public Task Fires_on_a_nullable_string_marked_Required() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } [{|SL2006:Required|}] public string? Nickname { get; set; } }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """);

    [Fact]
    public Task Is_silent_when_declaration_and_configuration_agree() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } public string? Nickname { get; set; } [Required] public string Name { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """);
}

public sealed class UniqueCandidateWithoutIndexTests
{
    private const string Id = "SL2007";

    [Fact]
    public Task Fires_on_an_email_without_a_unique_index() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } [MaxLength(254)] public string {|SL2007:Email|} { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """);

    [Fact]
    public Task Is_silent_with_a_unique_Index_attribute() => RuleVerifier.VerifyAsync(Id, """
        [Index(nameof(Email), IsUnique = true)]
        public class User { public int Id { get; set; } [MaxLength(254)] public string Email { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """);

    [Fact]
    public Task Is_silent_with_a_unique_index_shared_with_a_tenant_column() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } public int TenantId { get; set; } [MaxLength(254)] public string Email { get; set; } = ""; }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users => Set<User>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<User>().HasIndex(u => new { u.TenantId, u.Email }).IsUnique();
        }
        """);

    [Fact]
    public Task Fires_when_the_Fluent_index_is_not_unique() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } [MaxLength(254)] public string {|SL2007:Email|} { get; set; } = ""; }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users => Set<User>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<User>().HasIndex(u => u.Email);
        }
        """);
}

public sealed class NoDatabaseDefaultTests
{
    private const string Id = "SL2008";

    [Fact]
    public Task Fires_on_a_flag_whose_default_lives_only_in_code() => RuleVerifier.VerifyAsync(Id, """
        public class Account { public int Id { get; set; } public bool {|SL2008:IsActive|} { get; set; } = true; }
        public class AppDbContext : DbContext { public DbSet<Account> Accounts => Set<Account>(); }
        """);

    [Fact]
    public Task Fires_on_a_required_created_timestamp_with_no_database_default() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } public required DateTime {|SL2008:CreatedAt|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """);

    [Fact]
    public Task Is_silent_with_HasDefaultValue() => RuleVerifier.VerifyAsync(Id, """
        public class Account { public int Id { get; set; } public bool IsActive { get; set; } = true; }
        public class AppDbContext : DbContext
        {
            public DbSet<Account> Accounts => Set<Account>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Account>().Property(a => a.IsActive).HasDefaultValue(true);
        }
        """);
}
