using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SchemaLint.CodeFixes.Editing
{
    /// <summary>Adds statements to blocks with the indentation of the statements around them.</summary>
    internal static class StatementEditor
    {
        public static StatementSyntax Parse(string text) => SyntaxFactory.ParseStatement(text);

        public static SyntaxNode InsertAfter(SyntaxNode root, StatementSyntax anchor, string statement)
        {
            var inserted = Parse(statement)
                .WithLeadingTrivia(Layout.Indent(Layout.IndentationOf(anchor)))
                .WithTrailingTrivia(Layout.EndOfLine(root));
            if (!anchor.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia))
                return root.ReplaceNode(anchor, new[] { anchor.WithTrailingTrivia(Layout.EndOfLine(root)), inserted });
            return root.InsertNodesAfter(anchor, new[] { inserted });
        }

        /// <summary>Appends a statement at the end of a block, opening a one-line <c>{ }</c> onto lines of its own.</summary>
        public static SyntaxNode Append(SyntaxNode root, BlockSyntax block, string statement)
        {
            if (block.Statements.Count > 0) return InsertAfter(root, block.Statements.Last(), statement);

            var eol = Layout.EndOfLine(root);
            var braceIndent = Layout.IndentationOf(block.OpenBraceToken);
            var inserted = Parse(statement).WithLeadingTrivia(Layout.Indent(braceIndent + Layout.IndentUnit)).WithTrailingTrivia(eol);
            var open = block.OpenBraceToken.WithTrailingTrivia(eol);
            var close = block.CloseBraceToken;
            if (Layout.SameLine(root.SyntaxTree, block.OpenBraceToken.SpanStart, block.CloseBraceToken.SpanStart))
                close = close.WithLeadingTrivia(Layout.Indent(braceIndent));
            var rewritten = block.WithOpenBraceToken(open).WithStatements(SyntaxFactory.SingletonList(inserted)).WithCloseBraceToken(close);
            return root.ReplaceNode(block, rewritten);
        }

        /// <summary>A block with the statements <paramref name="statements"/>, laid out by the formatter where it is put.</summary>
        public static BlockSyntax FormattedBlock(params StatementSyntax[] statements) =>
            SyntaxFactory.Block(statements.Select(s => s.WithoutTrivia())).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
