using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel.Declarations;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// Declarations read before an edit that changed only bodies are moved to the tree after it: a place keeps its text and
/// shifts by what the changed bodies grew or shrank before it. A place against a changed body, a directive in a changed
/// body, or any change outside bodies refuses the move, so that the declarations are read again.
/// </summary>
public sealed class MovedTreeTests
{
    private const string Source = """
        public class Note
        {
            public void Touch() { }
            public int Count=>0;
            public string Title { get; set; } = "";
        }
        """;

    private static readonly SyntaxTree Before = CSharpSyntaxTree.ParseText(Source, path: "Note.cs");

    private static SyntaxTree Edited(string find, string replacement)
    {
        var text = Before.GetText();
        var at = Source.IndexOf(find, StringComparison.Ordinal);
        return Before.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, find.Length), replacement)));
    }

    /// <summary>The move the schema cache makes: from the bodies <see cref="BodyEdits"/> finds changed.</summary>
    private static MovedTree? Move(SyntaxTree before, SyntaxTree after) =>
        BodyEdits.TryFindChangedBodies(before, after, CancellationToken.None, out var changedBefore, out var changedAfter)
            ? MovedTree.Of(after, changedBefore, changedAfter)
            : null;

    private static Location PlaceOf(SyntaxTree tree, string text)
    {
        var at = tree.GetText().ToString().IndexOf(text, StringComparison.Ordinal);
        return Location.Create(tree, new TextSpan(at, text.Length));
    }

    [Fact]
    public void A_place_after_the_edit_moves_by_what_the_edit_inserted()
    {
        var after = Edited("{ }", "{ Updated = 1; }");

        var move = Move(Before, after)!;

        Assert.True(move.TryMove(PlaceOf(Before, "Title"), out var moved));
        Assert.Same(after, moved.SourceTree);
        Assert.Equal(PlaceOf(after, "Title").SourceSpan, moved.SourceSpan);
    }

    [Fact]
    public void A_document_whose_whole_new_text_the_host_hands_over_moves_as_if_the_change_were_typed()
    {
        // Language clients that sync whole documents give a text unrelated to the one before: the change is found by comparing.
        var after = Before.WithChangedText(SourceText.From(Source.Replace("{ }", "{ Updated = 1; }", StringComparison.Ordinal)));

        var move = Move(Before, after)!;

        Assert.True(move.TryMove(PlaceOf(Before, "Title"), out var moved));
        Assert.Equal(PlaceOf(after, "Title").SourceSpan, moved.SourceSpan);
        Assert.True(move.TryMove(PlaceOf(Before, "Touch"), out var before));
        Assert.Equal(PlaceOf(Before, "Touch").SourceSpan, before.SourceSpan);
    }

    [Fact]
    public void A_place_before_the_edit_keeps_its_span()
    {
        var after = Edited("{ }", "{ Updated = 1; }");

        Assert.True(Move(Before, after)!.TryMove(PlaceOf(Before, "Touch"), out var moved));
        Assert.Equal(PlaceOf(Before, "Touch").SourceSpan, moved.SourceSpan);
    }

    [Fact]
    public void A_place_against_a_changed_body_is_not_moved()
    {
        var after = Edited("=>0", "=>1");

        Assert.False(Move(Before, after)!.TryMove(PlaceOf(Before, "Count"), out _));
        Assert.True(Move(Before, after)!.TryMove(PlaceOf(Before, "Title"), out _));
    }

    [Fact]
    public void A_change_outside_bodies_refuses_the_move()
    {
        // A comment between members changes no declaration, but only an edit inside bodies is moved.
        Assert.Null(Move(Before, Edited("    public string Title", "    // shown in lists\n    public string Title")));
    }

    [Fact]
    public void A_directive_in_the_changed_text_refuses_the_move()
    {
        Assert.Null(Move(Before, Edited("{ }", "{\n#nullable disable\n}")));
        Assert.NotNull(Move(Before, Edited("{ }", "{ var n = 1; }")));
    }

    [Fact]
    public void A_place_in_a_tree_no_edit_moved_is_kept_as_it_is()
    {
        var other = CSharpSyntaxTree.ParseText(Source, path: "Other.cs");
        var moves = new Dictionary<SyntaxTree, MovedTree> { [Before] = Move(Before, Edited("{ }", "{\n}"))! };

        Assert.True(MovedTree.TryMove(PlaceOf(other, "Title"), moves, out var moved));
        Assert.Same(other, moved!.SourceTree);
    }

    [Fact]
    public void A_moved_member_keeps_every_fact_but_its_places()
    {
        var after = Edited("{ }", "{ Updated = 1; }");
        var moves = new Dictionary<SyntaxTree, MovedTree> { [Before] = Move(Before, after)! };
        var type = new ClrType("Notes|System.String", "String", "System.String", "System.String", SpecialType.System_String, TypeKind.Class, false, false, null, false);
        var member = new ClrMember("Title", type, isField: true, NullableAnnotation.Annotated, declaredAsTypeParameter: true, "Some.Package", isDeclaredInSource: true, PlaceOf(Before, "Title"))
        {
            ForeignKeyAttribute = "Author",
            InversePropertyAttribute = "Notes",
            HasRequiredAttribute = true,
            IsRequiredMember = true,
            DeleteBehaviorAttribute = (DeleteBehaviorKind.Restrict, PlaceOf(Before, "Touch")),
        };

        var moved = member.MovedTo(moves)!;

        foreach (var property in typeof(ClrMember).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is nameof(ClrMember.DeclaredAt) or nameof(ClrMember.Location) or nameof(ClrMember.DeleteBehaviorAttribute)) continue;
            Assert.Equal(property.GetValue(member), property.GetValue(moved));
        }

        Assert.Equal(PlaceOf(after, "Title"), moved.DeclaredAt);
        Assert.Equal((DeleteBehaviorKind.Restrict, (Location?)PlaceOf(after, "Touch")), moved.DeleteBehaviorAttribute);
    }
}
