using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// A model edit reads every unchanged file again and asks for the same places in the same trees: each tree's locations are
/// made once and live as long as the tree, and a tree an edit replaces gets its own.
/// </summary>
public class SourceLocationsTests
{
    private const string Order = "public class Order\n{\n    public int Id { get; set; }\n}\n";

    [Fact]
    public void The_same_span_of_the_same_tree_is_the_same_location()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        var span = SpanOf(tree, "Id");

        Assert.Same(SourceLocations.Of(tree, span), SourceLocations.Of(tree, span));
    }

    [Fact]
    public void An_edited_tree_places_the_same_span_on_its_own_lines()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// Orders\n")));
        var before = SourceLocations.Of(tree, SpanOf(tree, "Id"))!;

        var after = SourceLocations.Of(edited, SpanOf(edited, "Id"))!;

        Assert.Equal((3, 16), (before.Line, before.Column));
        Assert.Equal((4, 16), (after.Line, after.Column));
    }

    [Fact]
    public void The_locations_of_a_tree_go_with_it()
    {
        var location = LocationOfATreeNoLongerHeld();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(location.IsAlive);
    }

    // Outside the test's frame, so that no local of the test keeps the tree alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference LocationOfATreeNoLongerHeld()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        return new WeakReference(SourceLocations.Of(tree, SpanOf(tree, "Id")));
    }

    [Fact]
    public void Placing_a_location_while_recording_records_how_far_into_its_tree_the_reader_pointed()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        var footprint = new ExtractionFootprint();

        using (ExtractionFootprint.Record(footprint))
        {
            SourceLocations.Of(tree, SpanOf(tree, "Id"));
            SourceLocations.Of(tree, SpanOf(tree, "Order"));
        }

        Assert.Equal(SpanOf(tree, "Id").End, footprint.ReachIn(tree));
    }

    [Fact]
    public void A_place_further_into_a_tree_after_another_tree_extends_the_first_trees_reach()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        var other = CSharpSyntaxTree.ParseText(Order, path: "/src/Other.cs");
        var footprint = new ExtractionFootprint();

        using (ExtractionFootprint.Record(footprint))
        {
            SourceLocations.Of(tree, SpanOf(tree, "Order"));
            SourceLocations.Of(other, SpanOf(other, "Order"));
            SourceLocations.Of(tree, SpanOf(tree, "Id"));
        }

        Assert.Equal(SpanOf(tree, "Id").End, footprint.ReachIn(tree));
        Assert.Equal(SpanOf(other, "Order").End, footprint.ReachIn(other));
    }

    [Fact]
    public void A_new_recording_records_a_place_the_one_before_it_on_the_same_thread_recorded_already()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        var first = new ExtractionFootprint();
        var second = new ExtractionFootprint();

        using (ExtractionFootprint.Record(first)) SourceLocations.Of(tree, SpanOf(tree, "Id"));
        using (ExtractionFootprint.Record(second)) SourceLocations.Of(tree, SpanOf(tree, "Id"));

        Assert.Equal(SpanOf(tree, "Id").End, second.ReachIn(tree));
    }

    [Fact]
    public void A_tree_placed_in_while_recording_is_not_held_once_the_recording_ends()
    {
        var tree = TreePlacedInWhileRecording();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(tree.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference TreePlacedInWhileRecording()
    {
        var tree = CSharpSyntaxTree.ParseText(Order, path: "/src/Order.cs");
        using (ExtractionFootprint.Record(new ExtractionFootprint())) SourceLocations.Of(tree, SpanOf(tree, "Id"));
        return new WeakReference(tree);
    }

    private static TextSpan SpanOf(SyntaxTree tree, string text) => new(tree.GetText().ToString().IndexOf(text, StringComparison.Ordinal), text.Length);
}
