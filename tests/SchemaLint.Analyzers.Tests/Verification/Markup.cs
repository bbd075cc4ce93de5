using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>An expected diagnostic: its id and the span the markup put around it.</summary>
public sealed record ExpectedDiagnostic(string Id, string FilePath, TextSpan Span);

/// <summary>
/// Test-source markup: <c>{|SL2001:Amount|}</c> expects that diagnostic on <c>Amount</c>, <c>[|Amount|]</c> expects the test's
/// default id there. Markers nest; the text between them stays in the source.
/// </summary>
public static class Markup
{
    public static (string Source, IReadOnlyList<(string? Id, TextSpan Span)> Spans) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<(string? Id, TextSpan Span)>();
        var open = new Stack<(string? Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, source.Length));
                i += 2;
            }
            else if (At(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"Markup '{{|' at offset {i} needs an id and a colon, as in {{|SL2001:Amount|}}.");
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon + 1;
            }
            else if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                if (open.Count == 0) throw new FormatException($"Markup closes a span at offset {i} that was never opened.");
                var (id, start) = open.Pop();
                var closesDefault = markup[i + 1] == ']';
                if (closesDefault != (id is null)) throw new FormatException($"Markup at offset {i} closes a span with the wrong bracket: use [|...|] or {{|ID:...|}}.");
                spans.Add((id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0) throw new FormatException("Markup opens a span that is never closed.");
        return (source.ToString(), spans.OrderBy(s => s.Span.Start).ToList());
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
