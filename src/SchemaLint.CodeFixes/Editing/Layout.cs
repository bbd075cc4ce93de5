using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaLint.CodeFixes.Editing
{
    /// <summary>Reads the file's own layout (line endings, indentation) so that inserted code looks like the code around it.</summary>
    internal static class Layout
    {
        public const string IndentUnit = "    ";

        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            var existing = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return SyntaxFactory.EndOfLine(existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing.ToString() : "\n");
        }

        /// <summary>The whitespace that starts the line on which <paramref name="position"/> lies.</summary>
        public static string IndentationAt(SyntaxTree tree, int position)
        {
            var text = tree.GetText();
            var line = text.Lines.GetLineFromPosition(position);
            var end = line.Start;
            while (end < line.End && (text[end] == ' ' || text[end] == '\t')) end++;
            return text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(line.Start, end));
        }

        public static string IndentationOf(SyntaxNode node) => IndentationAt(node.SyntaxTree, node.SpanStart);

        public static string IndentationOf(SyntaxToken token) => IndentationAt(token.SyntaxTree!, token.SpanStart);

        public static SyntaxTriviaList Indent(string whitespace) =>
            whitespace.Length == 0 ? SyntaxTriviaList.Empty : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(whitespace));

        /// <summary>Whether two positions lie on the same line.</summary>
        public static bool SameLine(SyntaxTree tree, int first, int second)
        {
            var lines = tree.GetText().Lines;
            return lines.GetLineFromPosition(first).LineNumber == lines.GetLineFromPosition(second).LineNumber;
        }
    }
}
