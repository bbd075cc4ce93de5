using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Relationships;

public sealed class ForeignKeyNotIndexedTests
{
    private const string Id = "SL1001";

    [Fact]
    public Task Fires_when_the_foreign_key_index_convention_is_removed() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog {|SL1001:Blog|} { get; set; } = null!; }
        public class AppDbContext : DbContext
        {
            public DbSet<Blog> Blogs => Set<Blog>();
            public DbSet<Post> Posts => Set<Post>();
            protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
                configurationBuilder.Conventions.Remove(typeof(Microsoft.EntityFrameworkCore.Metadata.Conventions.ForeignKeyIndexConvention));
        }
        """);

    [Fact]
    public Task Is_silent_when_EF_Core_indexes_the_foreign_key_by_convention() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
        public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Is_silent_when_the_foreign_key_leads_a_composite_primary_key() => RuleVerifier.VerifyAsync(Id, """
        public class Order { public int Id { get; set; } }
        [PrimaryKey(nameof(OrderId), nameof(LineNumber))]
        public class OrderLine { public int OrderId { get; set; } public int LineNumber { get; set; } public Order Order { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<Order> Orders => Set<Order>(); public DbSet<OrderLine> Lines => Set<OrderLine>(); }
        """);
}

public sealed class NullableForeignKeyTests
{
    private const string Id = "SL1002";

    [Fact]
    public Task Fires_on_a_nullable_foreign_key_of_a_required_navigation() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? {|SL1002:BlogId|} { get; set; } [Required] public Blog Blog { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Fires_on_a_nullable_foreign_key_made_required_in_the_Fluent_API() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? {|SL1002:BlogId|} { get; set; } public Blog? Blog { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Blog> Blogs => Set<Blog>();
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().HasForeignKey(p => p.BlogId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        }
        """);

    [Fact]
    public Task Is_silent_on_an_optional_relationship_declared_optional() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? BlogId { get; set; } public Blog? Blog { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); public DbSet<Post> Posts => Set<Post>(); }
        """);
}

public sealed class MissingForeignKeyConstraintTests
{
    private const string Id = "SL1003";

    [Fact]
    public Task Fires_on_an_id_property_in_no_relationship() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Comment { public int Id { get; set; } public int {|SL1003:UserId|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Comment> Comments => Set<Comment>(); }
        """);

    [Fact]
    public Task Is_silent_when_a_Fluent_relationship_uses_it() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Comment { public int Id { get; set; } public int UserId { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<User> Users => Set<User>();
            public DbSet<Comment> Comments => Set<Comment>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Comment>().HasOne<User>().WithMany().HasForeignKey(c => c.UserId);
        }
        """);

    [Fact]
    public Task Is_silent_on_ids_that_name_no_entity() => RuleVerifier.VerifyAsync(Id, """
        public class Shipment { public int Id { get; set; } public int ExternalId { get; set; } public Guid TrackingId { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Shipment> Shipments => Set<Shipment>(); }
        """);
}

public sealed class ClientOnlyDeleteBehaviorTests
{
    private const string Id = "SL1004";

    [Fact]
    public Task Fires_on_an_optional_relationship_left_at_ClientSetNull() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? BlogId { get; set; } public Blog? {|SL1004:Blog|} { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Is_silent_when_OnDelete_chooses_a_database_behavior() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? BlogId { get; set; } public Blog? Blog { get; set; } }
        public class AppDbContext : DbContext
        {
            public DbSet<Blog> Blogs => Set<Blog>();
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().OnDelete(DeleteBehavior.SetNull);
        }
        """);

    [Fact]
    public Task Is_silent_with_the_DeleteBehavior_attribute() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? BlogId { get; set; } [DeleteBehavior(DeleteBehavior.Restrict)] public Blog? Blog { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); public DbSet<Post> Posts => Set<Post>(); }
        """);
}

public sealed class SetNullOnRequiredForeignKeyTests
{
    private const string Id = "SL1005";

    /// <summary>Reported on the call that chose the behavior.</summary>
    [Fact]
    public Task Fires_on_SetNull_for_a_non_nullable_foreign_key() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
        public class AppDbContext : DbContext
        {
            public DbSet<Blog> Blogs => Set<Blog>();
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().{|SL1005:OnDelete(DeleteBehavior.SetNull)|};
        }
        """);

    [Fact]
    public Task Is_silent_on_SetNull_for_a_nullable_foreign_key() => RuleVerifier.VerifyAsync(Id, """
        public class Blog { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int? BlogId { get; set; } [DeleteBehavior(DeleteBehavior.SetNull)] public Blog? Blog { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); public DbSet<Post> Posts => Set<Post>(); }
        """);
}

public sealed class MultipleCascadePathsTests
{
    private const string Id = "SL1006";

    [Fact]
    public Task Fires_on_a_second_cascade_path_into_a_table() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Project { public int Id { get; set; } public int OwnerId { get; set; } public User Owner { get; set; } = null!; }
        public class Task { public int Id { get; set; } public int ProjectId { get; set; } public Project Project { get; set; } = null!; public int AssigneeId { get; set; } public User {|SL1006:Assignee|} { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Project> Projects => Set<Project>(); public DbSet<Task> Tasks => Set<Task>(); }
        """);

    [Fact]
    public Task Is_silent_when_one_path_restricts() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Project { public int Id { get; set; } public int OwnerId { get; set; } public User Owner { get; set; } = null!; }
        public class Task { public int Id { get; set; } public int ProjectId { get; set; } public Project Project { get; set; } = null!; public int AssigneeId { get; set; } [DeleteBehavior(DeleteBehavior.Restrict)] public User Assignee { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Project> Projects => Set<Project>(); public DbSet<Task> Tasks => Set<Task>(); }
        """);
}

public sealed class TableWithoutPrimaryKeyTests
{
    private const string Id = "SL1007";

    [Fact]
    public Task Fires_on_a_keyless_entity_mapped_to_a_table() => RuleVerifier.VerifyAsync(Id, """
        [{|SL1007:Keyless|}] public class AuditEntry { public string Message { get; set; } = ""; }
        public class AppDbContext : DbContext { public DbSet<AuditEntry> Audit => Set<AuditEntry>(); }
        """);

    [Fact]
    public Task Is_silent_on_a_keyless_entity_mapped_to_a_view() => RuleVerifier.VerifyAsync(Id, """
        public class SalesReport { public string Region { get; set; } = ""; }
        public class AppDbContext : DbContext
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<SalesReport>().HasNoKey().ToView("sales_report");
        }
        """);
}

public sealed class ShadowForeignKeyTests
{
    private const string Id = "SL1008";

    [Fact]
    public Task Fires_when_the_declared_foreign_key_has_the_wrong_type() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public string {|SL1008:AuthorId|} { get; set; } = ""; public User Author { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Fires_on_a_key_named_after_something_else_beside_a_navigation() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int {|SL1008:AuthorId|} { get; set; } public User User { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Is_silent_on_an_external_identifier_beside_a_navigation() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int ExternalId { get; set; } public User User { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Post> Posts => Set<Post>(); }
        """);

    [Fact]
    public Task Is_silent_when_ForeignKey_names_the_property() => RuleVerifier.VerifyAsync(Id, """
        public class User { public int Id { get; set; } }
        public class Post { public int Id { get; set; } public int WriterId { get; set; } [ForeignKey(nameof(WriterId))] public User Author { get; set; } = null!; }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); public DbSet<Post> Posts => Set<Post>(); }
        """);
}
