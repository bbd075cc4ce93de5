using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Lifecycle;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Analyzers.Tests.Verification.Official;
using Xunit.Sdk;

namespace SchemaLint.Analyzers.Tests.VerifierTests;

/// <summary>The verifier is what every rule test trusts: these show that it fails when it should.</summary>
public sealed class VerifierTests
{
    private const string EnsureCreatedCall = """
        using Microsoft.EntityFrameworkCore;
        public class AppDbContext : DbContext { }
        public static class Startup { public static void Prepare(AppDbContext db) => {|SL5001:db.Database.EnsureCreated()|}; }
        """;

    [Fact]
    public Task Passes_when_the_markup_matches() => Verifier.VerifyAnalyzerAsync(EnsureCreatedCall);

    [Fact]
    public async Task Fails_on_a_diagnostic_the_markup_does_not_expect()
    {
        var failure = await Assert.ThrowsAsync<FailException>(() => Verifier.VerifyAnalyzerAsync(EnsureCreatedCall.Replace("{|SL5001:", "").Replace("|}", "")));
        Assert.Contains("unexpected: SL5001", failure.Message);
    }

    [Fact]
    public async Task Fails_on_an_expected_diagnostic_that_is_not_reported()
    {
        var failure = await Assert.ThrowsAsync<FailException>(() => Verifier.VerifyAnalyzerAsync("public class {|SL2001:Plain|} { }"));
        Assert.Contains("missing:    SL2001", failure.Message);
    }

    [Fact]
    public async Task Fails_on_a_compiler_error_in_the_test_source()
    {
        var failure = await Assert.ThrowsAsync<FailException>(() => Verifier.VerifyAnalyzerAsync("public class Broken { int Missing() { } }"));
        Assert.Contains("does not compile", failure.Message);
    }

    [Fact]
    public async Task Fails_when_an_analyzer_throws()
    {
        var failure = await Assert.ThrowsAsync<FailException>(() =>
            Verifier.CreateProjectBuilder().WithAnalyzer(new ThrowingAnalyzer()).WithSourceCode("public class Any { }").ValidateAsync());
        Assert.Contains("AD0001", failure.Message);
    }

    [Fact]
    public Task Reads_default_markup_with_the_default_id() =>
        Verifier.CreateProjectBuilder()
            .WithDefaultDiagnosticId("SL5001")
            .WithSourceCode(EnsureCreatedCall.Replace("{|SL5001:", "[|").Replace("|}", "|]"))
            .ValidateAsync();

    [Fact]
    public Task Applies_a_fix_one_at_a_time_and_through_Fix_All() =>
        new SchemaLintCodeFixTest<RenameToMigrateFixture>("SL5001", "RenameToMigrate")
        {
            TestCode = """
                using Microsoft.EntityFrameworkCore;
                public class AppDbContext : DbContext { }
                public static class Startup
                {
                    public static void Prepare(AppDbContext db)
                    {
                        {|SL5001:db.Database.EnsureCreated()|};
                        {|SL5001:db.Database.EnsureCreated()|};
                    }
                }
                """,
            FixedCode = """
                using Microsoft.EntityFrameworkCore;
                public class AppDbContext : DbContext { }
                public static class Startup
                {
                    public static void Prepare(AppDbContext db)
                    {
                        db.Database.Migrate();
                        db.Database.Migrate();
                    }
                }
                """,
        }.RunAsync();

    [Fact]
    public async Task Fails_a_fix_that_leaves_the_code_not_compiling()
    {
        var test = new SchemaLintCodeFixTest<RenameToMissingMethodFixture>("SL5001", "RenameToEnsureMissing")
        {
            TestCode = EnsureCreatedCall,
            FixedCode = EnsureCreatedCall.Replace("{|SL5001:", "").Replace("|}", "").Replace("EnsureCreated", "EnsureMissing"),
        };

        // The official harness reports a mismatch through its verifier (DefaultVerifier throws InvalidOperationException).
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => test.RunAsync());
        Assert.Contains("CS1061", failure.Message);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => System.Collections.Immutable.ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
        }
    }
}
