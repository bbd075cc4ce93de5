using SchemaLint.CodeFixes.Fixes.Relationships;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class RelationshipFixTests
{
    private const string BlogKeyedByString = """
        public class Blog
        {
            public string Id { get; set; }
        }

        """;

    private const string Blog = """
        public class Blog
        {
            public int Id { get; set; }
        }

        """;

    [Fact]
    public Task SL1002_makes_the_foreign_key_non_nullable() =>
        FixVerifier.For<NullableForeignKeyFix>("SL1002", NullableForeignKeyFix.MakeNonNullable).File(Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? {|SL1002:BlogId|} { get; set; }
                [Required]
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """, Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int BlogId { get; set; }
                [Required]
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """).RunAsync();

    // The key's type changes in one file, and another file that writes null into it would stop compiling.
    [Fact]
    public Task SL1002_offers_no_non_nullable_key_that_code_in_another_file_sets_to_null()
    {
        const string model = """
            public class Post
            {
                public int Id { get; set; }
                public int? {|SL1002:BlogId|} { get; set; }
                [Required]
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """;
        const string detach = """
            public static class Posts
            {
                public static void Detach(Post post) => post.BlogId = null;
            }
            """;
        return FixVerifier.For<NullableForeignKeyFix>("SL1002", NullableForeignKeyFix.MakeNonNullable)
            .File("Post.cs", Blog + model, Blog + model)
            .File("Posts.cs", detach, detach)
            .RunAsync();
    }

    // An int? key says "optional" in any nullable context; an oblivious string key says nothing, so it is the one to declare.
    [Fact]
    public Task SL1002_declares_the_relationship_optional_on_its_chain() =>
        FixVerifier.For<NullableForeignKeyFix>("SL1002", NullableForeignKeyFix.MarkOptional).Oblivious().File(BlogKeyedByString + """
            public class Post
            {
                public int Id { get; set; }
                public string {|SL1002:BlogId|} { get; set; }
                public Blog Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().HasForeignKey(p => p.BlogId);
                }
            }
            """, BlogKeyedByString + """
            public class Post
            {
                public int Id { get; set; }
                public string BlogId { get; set; }
                public Blog Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().HasForeignKey(p => p.BlogId).IsRequired(false);
                }
            }
            """).RunAsync();

    [Fact]
    public Task SL1003_adds_a_navigation_with_ForeignKey_to_an_annotated_entity() =>
        FixVerifier.For<ForeignKeyConstraintFix>("SL1003", ForeignKeyConstraintFix.AddRelationship).File("""
            public class User
            {
                public int Id { get; set; }
            }

            public class Order
            {
                public int Id { get; set; }
                [Range(1, int.MaxValue)]
                public int {|SL1003:UserId|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
                public DbSet<Order> Orders => Set<Order>();
            }
            """, """
            public class User
            {
                public int Id { get; set; }
            }

            public class Order
            {
                public int Id { get; set; }
                [Range(1, int.MaxValue)]
                public int UserId { get; set; }
                [ForeignKey(nameof(UserId))]
                public User User { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
                public DbSet<Order> Orders => Set<Order>();
            }
            """).RunAsync();

    [Fact]
    public Task SL1003_adds_HasOne_WithMany_HasForeignKey_to_the_configuration_class() =>
        FixVerifier.For<ForeignKeyConstraintFix>("SL1003", ForeignKeyConstraintFix.AddRelationship).File("""
            public class User
            {
                public int Id { get; set; }
            }

            public class Order
            {
                public int Id { get; set; }
                public int? {|SL1003:UserId|} { get; set; }
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder)
                {
                    builder.ToTable("orders");
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
            }
            """, """
            public class User
            {
                public int Id { get; set; }
            }

            public class Order
            {
                public int Id { get; set; }
                public int? UserId { get; set; }
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder)
                {
                    builder.ToTable("orders");
                    builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
            }
            """).RunAsync();

    [Fact]
    public Task SL1005_switches_SetNull_to_Restrict() =>
        FixVerifier.For<SetNullFix>("SL1005", SetNullFix.UseRestrict).File(Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int BlogId { get; set; }
                public Blog Blog { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().{|SL1005:OnDelete(DeleteBehavior.SetNull)|};
                }
            }
            """, Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int BlogId { get; set; }
                public Blog Blog { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().OnDelete(DeleteBehavior.Restrict);
                }
            }
            """).RunAsync();

    [Fact]
    public Task SL1005_makes_the_foreign_key_nullable() =>
        FixVerifier.For<SetNullFix>("SL1005", SetNullFix.MakeNullable).File(Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int BlogId { get; set; }
                [DeleteBehavior(DeleteBehavior.SetNull)]
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """.Replace("[DeleteBehavior(DeleteBehavior.SetNull)]", "[{|SL1005:DeleteBehavior(DeleteBehavior.SetNull)|}]"), Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                [DeleteBehavior(DeleteBehavior.SetNull)]
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """).RunAsync();

    [Fact]
    public Task SL1008_points_the_navigation_at_the_intended_property() =>
        FixVerifier.For<ShadowForeignKeyFix>("SL1008", ShadowForeignKeyFix.UseIntendedProperty).File("""
            public class User
            {
                public int Id { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public int {|SL1008:User_Id|} { get; set; }
                public User User { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """, """
            public class User
            {
                public int Id { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public int User_Id { get; set; }
                [ForeignKey(nameof(User_Id))]
                public User User { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """).RunAsync();

    [Fact]
    public Task SL1008_adds_HasForeignKey_to_the_relationship_chain() =>
        FixVerifier.For<ShadowForeignKeyFix>("SL1008", ShadowForeignKeyFix.UseIntendedProperty).File("""
            public class User
            {
                public int Id { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public int {|SL1008:User_Id|} { get; set; }
                public User User { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>(post =>
                    {
                        post.HasOne(p => p.User).WithMany();
                    });
                }
            }
            """, """
            public class User
            {
                public int Id { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public int User_Id { get; set; }
                public User User { get; set; } = null!;
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>(post =>
                    {
                        post.HasOne(p => p.User).WithMany().HasForeignKey(e => e.User_Id);
                    });
                }
            }
            """).RunAsync();

    [Fact]
    public Task SL1008_gives_the_intended_property_the_principal_key_type() =>
        FixVerifier.For<ShadowForeignKeyFix>("SL1008", ShadowForeignKeyFix.FixType).File("""
            public class User
            {
                public int Id { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public long? {|SL1008:User_Id|} { get; set; }
                public User? User { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """, """
            public class User
            {
                public int Id { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public int? {|SL1008:User_Id|} { get; set; }
                public User? User { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """).RunAsync();
}
