using SchemaLint.CodeFixes.Fixes.Lifecycle;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class LifecycleFixTests
{
    [Fact]
    public Task Replaces_EnsureCreated_with_Migrate_and_the_async_twin() =>
        FixVerifier.For<MigrateFix>("SL5001", MigrateFix.UseMigrate).RawFile("Startup.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            public class AppDbContext : Microsoft.EntityFrameworkCore.DbContext { }

            public static class Startup
            {
                public static void Prepare(AppDbContext db) => {|SL5001:db.Database.EnsureCreated()|};

                public static async Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken)
                {
                    await {|SL5001:db.Database.EnsureCreatedAsync(cancellationToken)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public class AppDbContext : Microsoft.EntityFrameworkCore.DbContext { }

            public static class Startup
            {
                public static void Prepare(AppDbContext db) => db.Database.Migrate();

                public static async Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken)
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
            }
            """).RunAsync();

    [Fact]
    public Task Offers_no_Migrate_where_the_result_of_EnsureCreated_is_used() =>
        FixVerifier.For<MigrateFix>("SL5001", MigrateFix.UseMigrate).File("""
            public class AppDbContext : DbContext { }

            public static class Startup
            {
                public static bool Prepare(AppDbContext db) => {|SL5001:db.Database.EnsureCreated()|};
            }
            """, """
            public class AppDbContext : DbContext { }

            public static class Startup
            {
                public static bool Prepare(AppDbContext db) => {|SL5001:db.Database.EnsureCreated()|};
            }
            """).RunAsync();

    [Fact]
    public Task Disposes_the_context_with_using_and_await_using() =>
        FixVerifier.For<DisposeContextFix>("SL5002", DisposeContextFix.AddUsing).File("""
            using System.Linq;

            public class AppDbContext : DbContext
            {
                public DbSet<Item> Items => Set<Item>();
            }

            public class Item { public int Id { get; set; } }

            public static class Reports
            {
                public static int Count()
                {
                    // Counted once a day.
                    var db = {|SL5002:new AppDbContext()|};
                    return db.Items.Count();
                }

                public static async System.Threading.Tasks.Task<int> CountAsync(IDbContextFactory<AppDbContext> factory)
                {
                    var db = await {|SL5002:factory.CreateDbContextAsync()|};
                    return await db.Items.CountAsync();
                }
            }
            """, """
            using System.Linq;

            public class AppDbContext : DbContext
            {
                public DbSet<Item> Items => Set<Item>();
            }

            public class Item { public int Id { get; set; } }

            public static class Reports
            {
                public static int Count()
                {
                    // Counted once a day.
                    using var db = new AppDbContext();
                    return db.Items.Count();
                }

                public static async System.Threading.Tasks.Task<int> CountAsync(IDbContextFactory<AppDbContext> factory)
                {
                    await using var db = await factory.CreateDbContextAsync();
                    return await db.Items.CountAsync();
                }
            }
            """).RunAsync();

    [Fact]
    public Task Disposes_a_context_created_in_top_level_statements() =>
        FixVerifier.For<DisposeContextFix>("SL5002", DisposeContextFix.AddUsing).Application().RawFile("Program.cs", """
            using System;
            using System.Linq;
            using Microsoft.EntityFrameworkCore;

            var db = {|SL5002:new AppDbContext()|};
            Console.WriteLine(db.Items.Count());

            public class AppDbContext : DbContext
            {
                public DbSet<Item> Items => Set<Item>();
            }

            public class Item { public int Id { get; set; } }
            """, """
            using System;
            using System.Linq;
            using Microsoft.EntityFrameworkCore;

            using var db = new AppDbContext();
            Console.WriteLine(db.Items.Count());

            public class AppDbContext : DbContext
            {
                public DbSet<Item> Items => Set<Item>();
            }

            public class Item { public int Id { get; set; } }
            """).RunAsync();
}
