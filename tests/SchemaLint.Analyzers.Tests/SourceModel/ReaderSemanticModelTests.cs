using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// The readers bind other trees with semantic models that skip nullable analysis (a tenth of an extraction), and get the
/// same symbols, types and constants the compiler's default models give.
/// </summary>
public sealed class ReaderSemanticModelTests
{
    private const string Model = """
        public class Order
        {
            public int Id { get; set; }
            public string? Note { get; set; }
            public string Reference { get; set; } = "";
            public List<OrderLine> Lines { get; set; } = new();
        }

        public class OrderLine
        {
            public int Id { get; set; }
            public int OrderId { get; set; }
            public Order? Order { get; set; }
        }

        public static class Limits
        {
            public const int Reference = 20;
        }

        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>(order =>
                {
                    order.Property(o => o.Reference).HasMaxLength(Limits.Reference + 1);
                    order.Property(o => o.Note).HasMaxLength(500);
                    order.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.OrderId);
                });
                string? maybe = null;
                var text = maybe ?? "none";
                modelBuilder.HasDefaultSchema(text.Length > 0 ? "shop" : null);
            }
        }
        """;

    [Fact]
    public void Reader_semantic_models_skip_nullable_analysis_on_a_Roslyn_that_offers_it()
    {
        var compilation = SourceModelHarness.Compile(SourceModelHarness.Usings + Model);
        var tree = compilation.SyntaxTrees.Single();

        Assert.True(ReaderSemanticModels.SkipNullableAnalysis);
#pragma warning disable RSEXPERIMENTAL001 // The property that says whether a model skips nullable analysis is as experimental as the option.
        Assert.True(ReaderSemanticModels.For(compilation, tree).NullableAnalysisIsDisabled);
        Assert.False(compilation.GetSemanticModel(tree).NullableAnalysisIsDisabled);
#pragma warning restore RSEXPERIMENTAL001
    }

    [Fact]
    public void Reader_semantic_models_bind_model_building_code_as_the_default_models_do()
    {
        var compilation = SourceModelHarness.Compile(SourceModelHarness.Usings + Model);
        var tree = compilation.SyntaxTrees.Single();
        var reader = ReaderSemanticModels.For(compilation, tree);
        var standard = compilation.GetSemanticModel(tree);

        var expressions = tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().ToList();
        Assert.NotEmpty(expressions);
        foreach (var expression in expressions)
        {
            var described = $"'{expression}' at {expression.GetLocation().GetLineSpan().StartLinePosition}";
            Assert.True(SymbolEqualityComparer.Default.Equals(standard.GetSymbolInfo(expression).Symbol, reader.GetSymbolInfo(expression).Symbol), "symbol of " + described);
            Assert.True(SymbolEqualityComparer.Default.Equals(standard.GetTypeInfo(expression).Type, reader.GetTypeInfo(expression).Type), "type of " + described);
            Assert.Equal(standard.GetConstantValue(expression), reader.GetConstantValue(expression));
        }
    }
}
