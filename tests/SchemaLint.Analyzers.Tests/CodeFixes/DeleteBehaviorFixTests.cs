using SchemaLint.CodeFixes.Fixes.Relationships;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class DeleteBehaviorFixTests
{
    private const string Blog = """
        public class Blog
        {
            public int Id { get; set; }
            public List<Post> Posts { get; set; } = new();
        }

        """;

    [Theory]
    [InlineData(DeleteBehaviorFix.Cascade, "Cascade")]
    [InlineData(DeleteBehaviorFix.SetNull, "SetNull")]
    [InlineData(DeleteBehaviorFix.Restrict, "Restrict")]
    public Task Puts_the_chosen_DeleteBehavior_attribute_on_the_navigation(string key, string behavior) =>
        FixVerifier.For<DeleteBehaviorFix>("SL1004", key).File(Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                [MaxLength(200)]
                public string Title { get; set; } = "";
                public Blog? {|SL1004:Blog|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();
            }
            """, Blog + $$"""
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                [MaxLength(200)]
                public string Title { get; set; } = "";
                [DeleteBehavior(DeleteBehavior.{{behavior}})]
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();
            }
            """).RunAsync();

    [Fact]
    public Task Appends_OnDelete_to_the_relationship_chain() =>
        FixVerifier.For<DeleteBehaviorFix>("SL1004", DeleteBehaviorFix.Restrict).File(Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                public Blog? Blog { get; set; }
            }

            public class PostConfiguration : IEntityTypeConfiguration<Post>
            {
                public void Configure(EntityTypeBuilder<Post> builder)
                {
                    builder.{|SL1004:HasOne(p => p.Blog)|}
                        .WithMany(b => b.Posts)
                        .HasForeignKey(p => p.BlogId);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new PostConfiguration());
            }
            """, Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                public Blog? Blog { get; set; }
            }

            public class PostConfiguration : IEntityTypeConfiguration<Post>
            {
                public void Configure(EntityTypeBuilder<Post> builder)
                {
                    builder.HasOne(p => p.Blog)
                        .WithMany(b => b.Posts)
                        .HasForeignKey(p => p.BlogId)
                        .OnDelete(DeleteBehavior.Restrict);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new PostConfiguration());
            }
            """).RunAsync();

    [Fact]
    public Task Configures_a_conventional_relationship_in_the_entitys_fluent_block() =>
        FixVerifier.For<DeleteBehaviorFix>("SL1004", DeleteBehaviorFix.Cascade).File(Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                public Blog? {|SL1004:Blog|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>(post =>
                    {
                        post.HasKey(p => p.Id);
                    });
                }
            }
            """, Blog + """
            public class Post
            {
                public int Id { get; set; }
                public int? BlogId { get; set; }
                public Blog? Blog { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>(post =>
                    {
                        post.HasKey(p => p.Id);
                        post.HasOne(e => e.Blog).WithMany(d => d.Posts).OnDelete(DeleteBehavior.Cascade);
                    });
                }
            }
            """).RunAsync();
}
