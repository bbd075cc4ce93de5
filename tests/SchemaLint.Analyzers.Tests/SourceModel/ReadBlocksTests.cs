using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// Roslyn holds a block's statements weakly; the Fluent reader keeps those it read for as long as their tree, so the next
/// snapshot, which shares the unedited tree, does not build that syntax again after a collection.
/// </summary>
public class ReadBlocksTests
{
    private const string Source = """
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new OrderConfiguration());
        }
        public class Order { public int Id { get; set; } public string Number { get; set; } = ""; }
        public class OrderConfiguration : IEntityTypeConfiguration<Order>
        {
            public void Configure(EntityTypeBuilder<Order> builder)
            {
                builder.Property(o => o.Number).HasMaxLength(20);
                builder.HasIndex(o => o.Number).IsUnique();
            }
        }
        public class Unread
        {
            public void Configure(EntityTypeBuilder<Order> builder)
            {
                builder.Property(o => o.Number).HasMaxLength(30);
                builder.HasIndex(o => o.Number);
            }
        }
        """;

    [Fact]
    public void The_statements_of_a_configuration_body_read_outlive_a_collection()
    {
        var compilation = Compile(Source);
        Build(compilation);

        var statements = WeaklyHeldStatements(compilation, "OrderConfiguration");
        Collect();

        Assert.All(statements, statement => Assert.True(statement.IsAlive));
    }

    [Fact]
    public void The_statements_of_a_body_not_read_are_left_to_Roslyn()
    {
        var compilation = Compile(Source);
        Build(compilation);

        var statements = WeaklyHeldStatements(compilation, "Unread");
        Collect();

        Assert.All(statements, statement => Assert.False(statement.IsAlive));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    // Outside the test's frame, so that no local of the test keeps a statement alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> WeaklyHeldStatements(Compilation compilation, string className) =>
        compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Single(c => c.Identifier.ValueText == className)
            .Members.OfType<MethodDeclarationSyntax>().Single().Body!.Statements
            .Select(statement => new WeakReference(statement)).ToList();
}
