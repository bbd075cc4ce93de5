using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// The IDE analyzes each open document on its own compilation instance of the same snapshot: the schema is extracted once
/// per snapshot, not once per document, and an edit (a new snapshot) extracts it again.
/// </summary>
public sealed class SnapshotReuseTests
{
    private const string Context = RuleVerifier.Usings + """
        public class AppDbContext : DbContext
        {
            public DbSet<Payment> Payments => Set<Payment>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
        }
        """;

    private const string Payment = RuleVerifier.Usings + "public class Payment { public int Id { get; set; } public double Amount { get; set; } public DateTime PaidAt { get; set; } }";
    private const string Invoice = RuleVerifier.Usings + "public class Invoice { public int Id { get; set; } public double Total { get; set; } }";
    private const string Billing = RuleVerifier.Usings + "public static class Billing { public static void Pay(Payment payment) => payment.PaidAt = DateTime.Now; }";

    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    [Fact]
    public async Task Two_documents_of_one_compilation_share_one_extraction_and_both_get_their_findings()
    {
        var compilation = Compile(Context, Payment, Invoice);
        var withAnalyzers = WithSchemaAnalyzer(compilation, out var exceptions);

        var payment = await AnalyzeAsync(withAnalyzers, compilation, 1, exceptions);
        var invoice = await AnalyzeAsync(withAnalyzers, compilation, 2, exceptions);

        Assert.Equal("Amount", Text(Assert.Single(payment, d => d.Id == "SL2001")));
        Assert.Equal("Total", Text(Assert.Single(invoice, d => d.Id == "SL2001")));
        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public async Task Another_compilation_instance_of_the_same_snapshot_reuses_the_extraction()
    {
        var compilation = Compile(Context, Payment, Invoice);
        await AnalyzeAsync(WithSchemaAnalyzer(compilation, out var first), compilation, 1, first);

        var clone = compilation.Clone();
        var invoice = await AnalyzeAsync(WithSchemaAnalyzer(clone, out var second), clone, 2, second);

        Assert.Equal("Total", Text(Assert.Single(invoice, d => d.Id == "SL2001")));
        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public async Task A_local_time_write_is_found_from_a_schema_extracted_by_another_compilation_instance()
    {
        var compilation = Compile(Context, Payment, Invoice, Billing);
        await AnalyzeAsync(WithSchemaAnalyzer(compilation, out var first), compilation, 1, first);

        var clone = compilation.Clone();
        var billing = await AnalyzeAsync(WithSchemaAnalyzer(clone, out var second), clone, 3, second);

        Assert.Equal("DateTime.Now", Text(Assert.Single(billing, d => d.Id == "SL3003")));
        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public async Task An_edit_extracts_again_and_the_finding_follows_the_edit()
    {
        var compilation = Compile(Context, Payment, Invoice);
        var before = await AnalyzeAsync(WithSchemaAnalyzer(compilation, out var first), compilation, 1, first);

        var paymentTree = compilation.SyntaxTrees.ElementAt(1);
        var edited = compilation.ReplaceSyntaxTree(paymentTree, paymentTree.WithChangedText(
            paymentTree.GetText().Replace(Payment.IndexOf("double Amount", StringComparison.Ordinal), "double".Length, "decimal")));
        var after = await AnalyzeAsync(WithSchemaAnalyzer(edited, out var second), edited, 1, second);
        var invoice = await AnalyzeAsync(WithSchemaAnalyzer(edited, out var third), edited, 2, third);

        Assert.Contains(before, d => d.Id == "SL2001");
        Assert.DoesNotContain(after, d => d.Id == "SL2001");
        Assert.Equal("Total", Text(Assert.Single(invoice, d => d.Id == "SL2001")));
        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    private static Compilation Compile(params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, $"{ProjectBuilder.SourceDirectory}File{index}.cs"));
        var compilation = CSharpCompilation.Create("TestProject", trees, TestReferences.EntityFramework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static CompilationWithAnalyzers WithSchemaAnalyzer(Compilation compilation, out ConcurrentQueue<Exception> exceptions)
    {
        var thrown = exceptions = new ConcurrentQueue<Exception>();
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaAnalyzer()), new CompilationWithAnalyzersOptions(
            NoOptions, (exception, _, _) => thrown.Enqueue(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
    }

    /// <summary>What the IDE asks for an open document: the semantic diagnostics of that one tree.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CompilationWithAnalyzers withAnalyzers, Compilation compilation, int treeIndex, ConcurrentQueue<Exception> exceptions)
    {
        var tree = compilation.SyntaxTrees.ElementAt(treeIndex);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.All(diagnostics, d => Assert.Same(tree, d.Location.SourceTree));
        return diagnostics;
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
