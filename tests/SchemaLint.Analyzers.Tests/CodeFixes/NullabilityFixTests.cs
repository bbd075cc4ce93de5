using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class NullabilityFixTests
{
    private const string Context = """

        public class AppDbContext : DbContext
        {
            public DbSet<Post> Posts => Set<Post>();
        }
        """;

    [Fact]
    public Task Declares_a_required_property_non_nullable() =>
        FixVerifier.For<NullabilityFix>("SL2006", NullabilityFix.AlignDeclaration).File("""
            public class Post
            {
                public int Id { get; set; }
                [{|SL2006:Required|}]
                public string? Title { get; set; }
            }
            """ + Context, """
            public class Post
            {
                public int Id { get; set; }
                [Required]
                public string Title { get; set; } = null!;
            }
            """ + Context).RunAsync();

    [Fact]
    public Task Removes_the_Required_attribute_that_contradicts_the_declaration() =>
        FixVerifier.For<NullabilityFix>("SL2006", NullabilityFix.AlignConfiguration).File("""
            public class Post
            {
                public int Id { get; set; }
                [MaxLength(200)]
                [{|SL2006:Required|}]
                public string? Title { get; set; }
            }
            """ + Context, """
            public class Post
            {
                public int Id { get; set; }
                [MaxLength(200)]
                public string? Title { get; set; }
            }
            """ + Context).RunAsync();

    [Fact]
    public Task Declares_an_optional_property_nullable() =>
        FixVerifier.For<NullabilityFix>("SL2006", NullabilityFix.AlignDeclaration).File("""
            public class Post
            {
                public int Id { get; set; }
                public string Subtitle { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().Property(p => p.Subtitle).{|SL2006:IsRequired(false)|};
                }
            }
            """, """
            public class Post
            {
                public int Id { get; set; }
                public string? Subtitle { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().Property(p => p.Subtitle).IsRequired(false);
                }
            }
            """).RunAsync();

    [Fact]
    public Task Removes_the_IsRequired_call_that_contradicts_the_declaration() =>
        FixVerifier.For<NullabilityFix>("SL2006", NullabilityFix.AlignConfiguration).File("""
            public class Post
            {
                public int Id { get; set; }
                public string? Subtitle { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().Property(p => p.Subtitle).HasMaxLength(80).{|SL2006:IsRequired()|};
                }
            }
            """, """
            public class Post
            {
                public int Id { get; set; }
                public string? Subtitle { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Post>().Property(p => p.Subtitle).HasMaxLength(80);
                }
            }
            """).RunAsync();
}
