using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Analyzers.Tests.Verification.Official;

namespace SchemaLint.Analyzers.Tests.Rules.Lifecycle;

public sealed class EnsureCreatedOutsideTestsTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;
        public class AppDbContext : DbContext { }
        """;

    [Fact]
    public Task Fires_on_EnsureCreated_in_application_code() =>
        new SchemaLintAnalyzerTest()
            .Source(Context)
            .Source("""
                public static class Startup
                {
                    public static void Prepare(AppDbContext db) => {|SL5001:db.Database.EnsureCreated()|};
                }
                """)
            .ValidateAsync();

    [Fact]
    public async Task Fires_on_EnsureCreatedAsync_with_the_async_name_in_the_message()
    {
        // The message is read from our own host: the official harness matches messages only whole.
        var diagnostics = await Verifier.CreateProjectBuilder()
            .WithSourceCode(Context)
            .WithSourceCode("""
                using System.Threading.Tasks;
                public static class Startup
                {
                    public static async Task PrepareAsync(AppDbContext db) => await {|SL5001:db.Database.EnsureCreatedAsync()|};
                }
                """)
            .ValidateAsync();

        Assert.StartsWith("Database.EnsureCreatedAsync() creates the schema once", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Is_silent_in_a_test_project() =>
        new SchemaLintAnalyzerTest("SL5001")
            .WithReferences(TestReferences.Xunit)
            .Source(Context)
            .Source("""
                public class DatabaseTests
                {
                    [Xunit.Fact]
                    public void Creates_the_schema() => new AppDbContext().Database.EnsureCreated();
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Is_silent_on_Migrate_and_on_an_unrelated_EnsureCreated() =>
        new SchemaLintAnalyzerTest()
            .Source(Context)
            .Source("""
                using Microsoft.EntityFrameworkCore;
                public class Folder { public bool EnsureCreated() => true; }
                public static class Startup
                {
                    public static void Prepare(AppDbContext db, Folder folder)
                    {
                        db.Database.Migrate();
                        folder.EnsureCreated();
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Honours_the_severity_configured_in_editorconfig() =>
        new SchemaLintAnalyzerTest()
            .WithEditorConfig("dotnet_diagnostic.SL5001.severity = none")
            .Source(Context)
            .Source("""
                public static class Startup
                {
                    public static void Prepare(AppDbContext db) => db.Database.EnsureCreated();
                }
                """)
            .ValidateAsync();
}
