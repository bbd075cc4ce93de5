using SchemaLint.CodeFixes.Fixes.Columns;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class UniqueIndexFixTests
{
    private static FixVerifier<UniqueIndexFix> Fix() => FixVerifier.For<UniqueIndexFix>("SL2007", UniqueIndexFix.AddUniqueIndex);

    [Fact]
    public Task Adds_an_Index_attribute_to_an_annotated_entity() =>
        Fix().File("""
            using System.Collections.Generic;

            /// <summary>A user.</summary>
            public class User
            {
                public int Id { get; set; }
                [MaxLength(254)]
                public string {|SL2007:Email|} { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
            }
            """, """
            using System.Collections.Generic;

            /// <summary>A user.</summary>
            [Index(nameof(Email), IsUnique = true)]
            public class User
            {
                public int Id { get; set; }
                [MaxLength(254)]
                public string Email { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
            }
            """).RunAsync();

    [Fact]
    public Task Makes_a_plain_index_attribute_unique() =>
        Fix().File("""
            [Index(nameof(Email))]
            public class User
            {
                public int Id { get; set; }
                public string {|SL2007:Email|} { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
            }
            """, """
            [Index(nameof(Email), IsUnique = true)]
            public class User
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
            }
            """).RunAsync();

    [Fact]
    public Task Adds_HasIndex_IsUnique_to_a_configuration_class() =>
        Fix().File("""
            public class User
            {
                public int Id { get; set; }
                public string {|SL2007:Email|} { get; set; } = "";
                public string {|SL2007:Username|} { get; set; } = "";
            }

            public class UserConfiguration : IEntityTypeConfiguration<User>
            {
                public void Configure(EntityTypeBuilder<User> builder)
                {
                    builder.HasIndex(u => u.Username);
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new UserConfiguration());
            }
            """, """
            public class User
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
                public string Username { get; set; } = "";
            }

            public class UserConfiguration : IEntityTypeConfiguration<User>
            {
                public void Configure(EntityTypeBuilder<User> builder)
                {
                    builder.HasIndex(u => u.Username).IsUnique();
                    builder.HasIndex(e => e.Email).IsUnique();
                }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<User> Users => Set<User>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new UserConfiguration());
            }
            """).RunAsync();
}
