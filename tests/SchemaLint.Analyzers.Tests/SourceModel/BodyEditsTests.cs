using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Schema;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// An edit is inside bodies when the text outside the bodies of methods, constructors, operators and accessors is the same
/// before and after it. Only members have bodies: a lambda in an initializer is part of its declaration.
/// </summary>
public sealed class BodyEditsTests
{
    private const string Source = """
        namespace Shop
        {
            public class Order
            {
                private readonly System.Func<int> _seed = () => { return 1; };
                public Order() { Total = 0; }
                public decimal Total { get; set { field = value; } }
                public int Count => 2;
                public int this[int i] => i;
                public event System.EventHandler Changed { add { } remove { } }
                public static Order operator +(Order a, Order b) => a;
                public void Ship() { void Local() { } Local(); }
                public class Line { public void Split() { } }
            }
        }
        """;

    private static readonly SyntaxTree Before = CSharpSyntaxTree.ParseText(Source);

    private static SyntaxTree Edited(string find, string replacement)
    {
        var at = Source.IndexOf(find, StringComparison.Ordinal);
        return Before.WithChangedText(Before.GetText().WithChanges(new TextChange(new TextSpan(at, find.Length), replacement)));
    }

    [Fact]
    public void Every_member_body_is_found_in_document_order_and_nothing_else()
    {
        var bodies = BodyEdits.BodiesIn(Before.GetRoot()).Select(b => b.ToString()).ToList();

        Assert.Equal(
            new[]
            {
                "{ Total = 0; }", "{ field = value; }", "=> 2", "=> i", "{ }", "{ }", "=> a", "{ void Local() { } Local(); }", "{ }",
            },
            bodies);
    }

    [Fact]
    public void An_edit_inside_a_body_is_found_with_the_body_in_both_trees()
    {
        var after = Edited("{ Total = 0; }", "{ Total = 10; }");

        Assert.True(BodyEdits.TryFindChangedBodies(Before, after, CancellationToken.None, out var changedBefore, out var changedAfter));

        Assert.Equal("{ Total = 0; }", Before.GetText().ToString(Assert.Single(changedBefore)));
        Assert.Equal("{ Total = 10; }", after.GetText().ToString(Assert.Single(changedAfter)));
    }

    [Fact]
    public void An_edit_to_a_lambda_in_an_initializer_is_not_inside_bodies()
    {
        Assert.False(BodyEdits.TryFindChangedBodies(Before, Edited("return 1;", "return 2;"), CancellationToken.None, out _, out _));
    }

    [Fact]
    public void A_difference_three_thousand_characters_into_the_text_outside_bodies_is_seen()
    {
        // Texts are compared in chunks of a thousand characters: a difference three thousand in must still be seen.
        var padded = Before.WithChangedText(Before.GetText().WithChanges(new TextChange(new TextSpan(0, 0), new string(' ', 3000))));
        var text = padded.GetText().ToString();
        var at = text.IndexOf("_seed", StringComparison.Ordinal);
        var edited = padded.WithChangedText(padded.GetText().WithChanges(new TextChange(new TextSpan(at, 5), "_salt")));

        Assert.False(BodyEdits.TryFindChangedBodies(padded, edited, CancellationToken.None, out _, out _));
    }
}
