using SchemaLint.Analyzers.Tests.Verification.Official;

namespace SchemaLint.Analyzers.Tests.Rules.Lifecycle;

public sealed class DbContextNotDisposedTests
{
    private const string Context = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        public class User { public int Id { get; set; } }
        public class AppDbContext : DbContext { public DbSet<User> Users => Set<User>(); }
        """;

    private static Task Verify(string markup) =>
        new SchemaLintAnalyzerTest("SL5002")
            .Source(Context)
            .Source("using System.Collections.Generic;\nusing System.Linq;\nusing System.Threading.Tasks;\nusing Microsoft.EntityFrameworkCore;\n" + markup)
            .ValidateAsync();

    [Fact]
    public Task Fires_on_a_context_created_with_new_and_only_used() => Verify("""
        public static class Reports
        {
            public static int CountUsers()
            {
                var db = {|SL5002:new AppDbContext()|};
                return db.Users.Count();
            }
        }
        """);

    [Fact]
    public Task Fires_on_a_temporary_context_dropped_after_one_call() => Verify("""
        public static class Reports
        {
            public static List<User> Users() => {|SL5002:new AppDbContext()|}.Users.ToList();
        }
        """);

    [Fact]
    public Task Fires_on_a_context_from_a_factory_that_nobody_disposes() => Verify("""
        public class Reports(IDbContextFactory<AppDbContext> factory)
        {
            public async Task<int> CountAsync()
            {
                var db = await {|SL5002:factory.CreateDbContextAsync()|};
                return await db.Users.CountAsync();
            }

            public int Count()
            {
                var db = {|SL5002:factory.CreateDbContext()|};
                return db.Users.Count();
            }
        }
        """);

    [Fact]
    public Task Is_silent_with_using_declarations_and_statements() => Verify("""
        public class Reports(IDbContextFactory<AppDbContext> factory)
        {
            public int One() { using var db = new AppDbContext(); return db.Users.Count(); }
            public int Two() { using (var db = new AppDbContext()) { return db.Users.Count(); } }
            public async Task<int> Three() { await using var db = await factory.CreateDbContextAsync(); return await db.Users.CountAsync(); }
            public int Four() { var db = new AppDbContext(); using (db) { return db.Users.Count(); } }
        }
        """);

    [Fact]
    public Task Is_silent_when_an_await_using_disposes_the_context_through_ConfigureAwait() => Verify("""
        public class Reports(IDbContextFactory<AppDbContext> factory)
        {
            public async Task<int> Statement()
            {
                var db = new AppDbContext();
                await using (db.ConfigureAwait(false))
                {
                    return await db.Users.CountAsync().ConfigureAwait(false);
                }
            }

            public async Task<int> Declaration()
            {
                var db = await factory.CreateDbContextAsync().ConfigureAwait(false);
                await using var _ = db.ConfigureAwait(false);
                return await db.Users.CountAsync().ConfigureAwait(false);
            }

            public async Task<int> Inline()
            {
                await using (new AppDbContext().ConfigureAwait(false))
                {
                    return 0;
                }
            }
        }
        """);

    [Fact]
    public Task Fires_on_a_context_from_a_configured_await_that_nobody_disposes() => Verify("""
        public class Reports(IDbContextFactory<AppDbContext> factory)
        {
            public async Task<int> CountAsync()
            {
                var db = await {|SL5002:factory.CreateDbContextAsync()|}.ConfigureAwait(false);
                return await db.Users.CountAsync().ConfigureAwait(false);
            }
        }
        """);

    [Fact]
    public Task Is_silent_when_the_method_disposes_it_explicitly() => Verify("""
        public static class Reports
        {
            public static int Count()
            {
                var db = new AppDbContext();
                try { return db.Users.Count(); }
                finally { db.Dispose(); }
            }

            public static async Task<int> CountAsync()
            {
                AppDbContext? db = null;
                try { db = new AppDbContext(); return await db.Users.CountAsync(); }
                finally { if (db != null) await db.DisposeAsync(); }
            }
        }
        """);

    [Fact]
    public Task Is_silent_when_the_context_is_handed_on() => Verify("""
        public class UnitOfWork(AppDbContext db) { public AppDbContext Db { get; } = db; }
        public class Holder
        {
            private AppDbContext? _db;
            public AppDbContext Context { get; set; } = new AppDbContext();
            public AppDbContext Create() => new AppDbContext();
            public AppDbContext CreateLocal() { var db = new AppDbContext(); return db; }
            public void Store() { _db = new AppDbContext(); }
            public void StoreLocal() { var db = new AppDbContext(); Context = db; }
            public UnitOfWork Wrap() => new UnitOfWork(new AppDbContext());
            public void Out(out AppDbContext db) { db = new AppDbContext(); }
            public System.Func<int> Capture() { var db = new AppDbContext(); return () => db.Users.Count(); }
        }
        """);

    [Fact]
    public Task Is_silent_for_classes_that_are_not_contexts() => Verify("""
        public class Repository : System.IDisposable { public void Dispose() { } }
        public static class Reports
        {
            public static void Run() { var repository = new Repository(); repository.ToString(); }
        }
        """);
}
