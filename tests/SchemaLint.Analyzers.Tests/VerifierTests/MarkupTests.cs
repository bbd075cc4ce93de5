using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.VerifierTests;

public sealed class MarkupTests
{
    [Fact]
    public void Removes_id_markers_and_records_their_spans()
    {
        var (source, spans) = Markup.Parse("public double {|SL2001:Amount|} { get; set; }");

        Assert.Equal("public double Amount { get; set; }", source);
        var (id, span) = Assert.Single(spans);
        Assert.Equal("SL2001", id);
        Assert.Equal("Amount", source.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Records_default_markers_without_an_id()
    {
        var (source, spans) = Markup.Parse("a [|b|] c");

        Assert.Equal("a b c", source);
        Assert.Null(Assert.Single(spans).Id);
    }

    [Fact]
    public void Nests_markers()
    {
        var (source, spans) = Markup.Parse("{|SL3001:class [|Order|]|}");

        Assert.Equal("class Order", source);
        Assert.Equal(new[] { "class Order", "Order" }, spans.Select(s => source.Substring(s.Span.Start, s.Span.Length)));
    }

    [Fact]
    public void Rejects_an_unclosed_marker() => Assert.Throws<FormatException>(() => Markup.Parse("{|SL2001:Amount"));
}
