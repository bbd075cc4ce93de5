using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Tests.Verification;

internal static class DiagnosticComparison
{
    /// <summary>Every expected diagnostic is reported at its span, and nothing else is.</summary>
    public static void AssertMatch(IReadOnlyList<ExpectedDiagnostic> expected, ImmutableArray<Diagnostic> actual, Project project, string prefix = "")
    {
        var remaining = actual.ToList();
        var missing = new List<ExpectedDiagnostic>();
        foreach (var want in expected)
        {
            var match = remaining.FirstOrDefault(d => d.Id == want.Id && d.Location.SourceTree?.FilePath == want.FilePath && d.Location.SourceSpan == want.Span);
            if (match is null) missing.Add(want);
            else remaining.Remove(match);
        }

        if (missing.Count == 0 && remaining.Count == 0) return;

        var message = new StringBuilder(prefix).AppendLine("The diagnostics differ from the markup.");
        foreach (var want in missing)
            message.AppendLine($"  missing:    {want.Id} at {want.FilePath} {Describe(project, want.FilePath, want.Span)}");
        foreach (var extra in remaining)
            message.AppendLine($"  unexpected: {extra.Id} at {extra.Location.SourceTree?.FilePath} {Describe(project, extra.Location.SourceTree?.FilePath, extra.Location.SourceSpan)} ({extra.Severity}): {extra.GetMessage()}");
        message.AppendLine("  all reported:");
        foreach (var diagnostic in actual)
            message.AppendLine($"    {diagnostic.Id} {Describe(project, diagnostic.Location.SourceTree?.FilePath, diagnostic.Location.SourceSpan)}: {diagnostic.GetMessage()}");
        Assert.Fail(message.ToString());
    }

    private static string Describe(Project project, string? path, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var document = project.Documents.FirstOrDefault(d => d.FilePath == path);
        if (document is null || !document.TryGetText(out var text)) return span.ToString();
        if (span.End > text.Length) return span.ToString();
        var line = text.Lines.GetLinePosition(span.Start);
        return $"({line.Line + 1},{line.Character + 1}) '{text.ToString(span)}'";
    }
}

internal static class CompilerDiagnostics
{
    /// <summary>Errors and warnings present after that were not before (compared by id and message, as locations move with edits).</summary>
    public static IReadOnlyList<Diagnostic> Added(ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> after)
    {
        var previous = before.Where(Counts).Select(Key).ToList();
        var added = new List<Diagnostic>();
        foreach (var diagnostic in after.Where(Counts))
        {
            if (!previous.Remove(Key(diagnostic))) added.Add(diagnostic);
        }

        return added;
    }

    private static bool Counts(Diagnostic diagnostic) => diagnostic.Severity >= DiagnosticSeverity.Warning;

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage();
}
