using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>The IDE analyzes the open document alone: findings about a member must come from actions that run for that document.</summary>
public sealed class LiveAnalysisTests
{
    private static ProjectBuilder ThreeFiles() =>
        Verifier.CreateProjectBuilder()
            .WithSourceCode("Payment.cs", RuleVerifier.Usings + "public class Payment { public int Id { get; set; } public double Amount { get; set; } public string Notes { get; set; } = \"\"; }")
            .WithSourceCode("PaymentConfiguration.cs", RuleVerifier.Usings + """
                public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
                {
                    public void Configure(EntityTypeBuilder<Payment> builder) => builder.Property(p => p.Notes).HasMaxLength(50);
                }
                """)
            .WithSourceCode("AppDbContext.cs", RuleVerifier.Usings + """
                public class AppDbContext : DbContext
                {
                    public DbSet<Payment> Payments => Set<Payment>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new PaymentConfiguration());
                }
                """);

    [Fact]
    public async Task The_entity_document_alone_reports_its_property_finding()
    {
        var diagnostics = await ThreeFiles().AnalyzeDocumentAsync(0);

        var money = Assert.Single(diagnostics, d => d.Id == "SL2001");
        Assert.Equal("/0/Payment.cs", money.Location.SourceTree!.FilePath);
        Assert.Equal("Amount", money.Location.SourceTree.GetText().ToString(money.Location.SourceSpan));
    }

    [Fact]
    public async Task A_span_of_the_entity_document_reports_the_finding_inside_it()
    {
        var builder = ThreeFiles();
        var source = RuleVerifier.Usings + "public class Payment { public int Id { get; set; } public double Amount { get; set; } public string Notes { get; set; } = \"\"; }";
        var start = source.IndexOf("public double Amount", StringComparison.Ordinal);

        var diagnostics = await builder.AnalyzeDocumentAsync(0, new Microsoft.CodeAnalysis.Text.TextSpan(start, "public double Amount { get; set; }".Length));

        Assert.Contains(diagnostics, d => d.Id == "SL2001");
    }

    [Fact]
    public async Task The_configuration_document_alone_reports_the_finding_on_its_Fluent_call()
    {
        var diagnostics = await ThreeFiles().AnalyzeDocumentAsync(1);

        var capped = Assert.Single(diagnostics, d => d.Id == "SL2003");
        Assert.Equal("/0/PaymentConfiguration.cs", capped.Location.SourceTree!.FilePath);
        Assert.Contains("HasMaxLength(50)", capped.Location.SourceTree.GetText().ToString(capped.Location.SourceSpan));
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree!.FilePath != "/0/PaymentConfiguration.cs");
    }

    [Fact]
    public async Task The_context_document_alone_reports_nothing_that_belongs_to_other_documents()
    {
        var diagnostics = await ThreeFiles().AnalyzeDocumentAsync(2);

        Assert.All(diagnostics, d => Assert.Equal("/0/AppDbContext.cs", d.Location.SourceTree!.FilePath));
        Assert.DoesNotContain(diagnostics, d => d.Id is "SL2001" or "SL2003");
    }

    [Fact]
    public void No_descriptor_is_reported_only_at_compilation_end()
    {
        foreach (var analyzer in SchemaLintAnalyzers.All)
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
    }
}
