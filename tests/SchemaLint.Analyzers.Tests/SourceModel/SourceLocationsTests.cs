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

    private static TextSpan SpanOf(SyntaxTree tree, string text) => new(tree.GetText().ToString().IndexOf(text, StringComparison.Ordinal), text.Length);
}
