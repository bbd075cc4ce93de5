using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class LongTextCapFixTests
{
    private const string AnnotatedBefore = """
        public class Post
        {
            public int Id { get; set; }

            [{|SL2003:MaxLength(200)|}]
            public string Body { get; set; } = "";
        }

        public class AppDbContext : DbContext
        {
            public DbSet<Post> Posts => Set<Post>();
        }
        """;

    private const string FluentBefore = """
        public class Post
        {
            public int Id { get; set; }
            public string Body { get; set; } = "";
        }

        public class PostConfiguration : IEntityTypeConfiguration<Post>
        {
            public void Configure(EntityTypeBuilder<Post> builder)
            {
                builder.Property(p => p.Body).IsRequired().{|SL2003:HasMaxLength(200)|};
            }
        }

        public class AppDbContext : DbContext
        {
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new PostConfiguration());
        }
        """;

    [Fact]
    public Task Removes_the_MaxLength_attribute() =>
        FixVerifier.For<LongTextCapFix>("SL2003", LongTextCapFix.RemoveCap).File(AnnotatedBefore, """
            public class Post
            {
                public int Id { get; set; }

                public string Body { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """).RunAsync();

    [Fact]
    public Task Raises_the_MaxLength_attribute_to_the_threshold() =>
        FixVerifier.For<LongTextCapFix>("SL2003", LongTextCapFix.RaiseToThreshold).File(AnnotatedBefore, """
            public class Post
            {
                public int Id { get; set; }

                [MaxLength(500)]
                public string Body { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
            }
            """).RunAsync();

    [Fact]
    public Task Removes_the_HasMaxLength_call() =>
        FixVerifier.For<LongTextCapFix>("SL2003", LongTextCapFix.RemoveCap).File(FluentBefore, FluentBefore.Replace(".{|SL2003:HasMaxLength(200)|}", "")).RunAsync();

    [Fact]
    public Task Raises_HasMaxLength_to_the_configured_threshold() =>
        FixVerifier.For<LongTextCapFix>("SL2003", LongTextCapFix.RaiseToThreshold)
            .EditorConfig("schemalint.long_text_threshold = 1000")
            .File(FluentBefore, FluentBefore.Replace("{|SL2003:HasMaxLength(200)|}", "HasMaxLength(1000)")).RunAsync();
}
