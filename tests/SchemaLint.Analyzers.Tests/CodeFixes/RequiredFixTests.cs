using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class RequiredFixTests
{
    private static FixVerifier<RequiredFix> Fix() => FixVerifier.For<RequiredFix>("SL2005", RequiredFix.MakeRequired).Oblivious();

    [Fact]
    public Task Adds_Required_to_an_annotated_entity() =>
        Fix().File("""
            public class User
            {
                public int Id { get; set; }
                [MaxLength(254)]
                public string {|SL2005:Email|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users { get; set; }
            }
            """, """
            public class User
            {
                public int Id { get; set; }
                [MaxLength(254)]
                [Required]
                public string Email { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users { get; set; }
            }
            """).RunAsync();

    [Fact]
    public Task Adds_IsRequired_in_a_configuration_class_in_another_file() =>
        Fix().WithoutDocumentFixAll()
            .File("User.cs", """
            public class User
            {
                public int Id { get; set; }
                public string {|SL2005:Email|} { get; set; }
                public string {|SL2005:Name|} { get; set; }
            }
            """, """
            public class User
            {
                public int Id { get; set; }
                public string Email { get; set; }
                public string Name { get; set; }
            }
            """)
            .File("UserConfiguration.cs", """
            public class UserConfiguration : IEntityTypeConfiguration<User>
            {
                public void Configure(EntityTypeBuilder<User> builder)
                {
                    builder.HasKey(u => u.Id);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users { get; set; }
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new UserConfiguration());
            }
            """, """
            public class UserConfiguration : IEntityTypeConfiguration<User>
            {
                public void Configure(EntityTypeBuilder<User> builder)
                {
                    builder.HasKey(u => u.Id);
                    builder.Property(e => e.Email).IsRequired();
                    builder.Property(e => e.Name).IsRequired();
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users { get; set; }
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new UserConfiguration());
            }
            """).RunAsync();
}
