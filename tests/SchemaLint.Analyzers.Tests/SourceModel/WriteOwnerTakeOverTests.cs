using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// A model edit takes the bound writes of a tree it left alone from the snapshot before as one table, shared by both
/// footprints: what either binds afterwards stays its own.
/// </summary>
public class WriteOwnerTakeOverTests
{
    private const string Service = """
        public class OrderService
        {
            public void Create(Order order)
            {
                order.Reference = "new";
                order.Total = 10;
                order.Status = 1;
            }
        }
        """;

    private static readonly SyntaxTree Tree = CSharpSyntaxTree.ParseText(Service, path: "/src/OrderService.cs");

    private static SyntaxNode Write(int index) =>
        Tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>().ElementAt(index).Left;

    [Fact]
    public void A_tree_taken_over_answers_every_write_the_snapshot_before_bound_in_it()
    {
        var before = new ExtractionFootprint();
        before.BoundWrite(Write(0), "Shop|Order");
        before.BoundWrite(Write(1), null);

        var after = new ExtractionFootprint();
        after.TookOverWrites(Tree, before.WriteOwners.Single().Value);

        Assert.True(after.TryGetWriteOwner(Write(0), out var owner) && owner == "Shop|Order");
        Assert.True(after.TryGetWriteOwner(Write(1), out var none) && none is null);
        Assert.Equal(2, after.WriteOwnerCount);
    }

    [Fact]
    public void A_write_bound_after_taking_a_tree_over_is_not_written_into_the_snapshot_befores_table()
    {
        var before = new ExtractionFootprint();
        before.BoundWrite(Write(0), "Shop|Order");
        var after = new ExtractionFootprint();
        after.TookOverWrites(Tree, before.WriteOwners.Single().Value);

        after.BoundWrite(Write(2), "Shop|Order");

        Assert.True(after.TryGetWriteOwner(Write(2), out _));
        Assert.False(before.TryGetWriteOwner(Write(2), out _));
        Assert.Equal(1, before.WriteOwnerCount);
    }

    [Fact]
    public void A_write_the_snapshot_before_binds_after_handing_its_tree_on_is_not_written_into_the_next_ones_table()
    {
        var before = new ExtractionFootprint();
        before.BoundWrite(Write(0), "Shop|Order");
        var after = new ExtractionFootprint();
        after.TookOverWrites(Tree, before.WriteOwners.Single().Value);

        before.BoundWrite(Write(1), "Shop|Order");

        Assert.False(after.TryGetWriteOwner(Write(1), out _));
        Assert.Equal(1, after.WriteOwnerCount);
    }

    [Fact]
    public void Taking_over_a_tree_this_snapshot_bound_writes_in_already_keeps_its_own_bindings()
    {
        var before = new ExtractionFootprint();
        before.BoundWrite(Write(0), "Shop|Order");
        before.BoundWrite(Write(1), "Shop|Order");
        var after = new ExtractionFootprint();
        after.BoundWrite(Write(0), "Shop|Invoice");

        after.TookOverWrites(Tree, before.WriteOwners.Single().Value);

        Assert.True(after.TryGetWriteOwner(Write(0), out var own) && own == "Shop|Invoice");
        Assert.True(after.TryGetWriteOwner(Write(1), out var taken) && taken == "Shop|Order");
    }
}
