using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>Turns Roslyn locations into the core model's locations (tree path, 1-based line/column, span).</summary>
    internal static class SourceLocations
    {
        public static SourceLocation? Of(SyntaxNode? node) => node is null ? null : Of(node.SyntaxTree, node.Span);

        public static SourceLocation? Of(SyntaxToken token) => token.SyntaxTree is null ? null : Of(token.SyntaxTree, token.Span);

        public static SourceLocation? Of(Location? location) =>
            location is null || !location.IsInSource || location.SourceTree is null ? null : Of(location.SourceTree, location.SourceSpan);

        /// <summary>A symbol's first source location: the identifier of its declaration.</summary>
        public static SourceLocation? Of(ISymbol? symbol)
        {
            if (symbol is null) return null;
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource) return Of(location);
            }

            return null;
        }

        /// <summary>
        /// A declaration's place, made on first use and kept in <paramref name="placed"/> by the data that hold the declaration
        /// (a member, a type): such data are taken over only from unedited trees, or moved with their tree, so the place
        /// cannot move while they are used. Each later use still tells the footprint the reader pointed there.
        /// </summary>
        public static SourceLocation? OfDeclaration(Location? declaredAt, ref StrongBox<SourceLocation?>? placed)
        {
            var known = Volatile.Read(ref placed);
            if (known is null)
            {
                known = new StrongBox<SourceLocation?>(Of(declaredAt));
                Volatile.Write(ref placed, known);
            }
            else if (declaredAt is { IsInSource: true, SourceTree: { } tree })
            {
                ExtractionFootprint.Touch(tree, declaredAt.SourceSpan);
            }

            return known.Value;
        }

        /// <summary>The call as users read it in a chain: <c>HasMaxLength(50)</c>, from the method name to the closing parenthesis.</summary>
        public static SourceLocation? OfCall(InvocationExpressionSyntax invocation)
        {
            var start = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.SpanStart : invocation.SpanStart;
            return Of(invocation.SyntaxTree, TextSpan.FromBounds(start, invocation.Span.End));
        }

        public static SourceLocation? Of(SyntaxTree tree, TextSpan span)
        {
            ExtractionFootprint.Touch(tree, span);
            if (string.IsNullOrEmpty(tree.FilePath)) return null;
            var placed = Placed.GetValue(tree, _ => new Dictionary<TextSpan, SourceLocation>());
            lock (placed)
            {
                if (placed.TryGetValue(span, out var known)) return known;
            }

            var lines = tree.GetLineSpan(span);
            var location = new SourceLocation(
                tree.FilePath,
                lines.StartLinePosition.Line + 1,
                lines.StartLinePosition.Character + 1,
                span.Start,
                span.Length,
                lines.EndLinePosition.Line + 1,
                lines.EndLinePosition.Character + 1);
            lock (placed) placed[span] = location;
            return location;
        }

        /// <summary>
        /// The locations made for each tree, for as long as the tree lives. A model edit reads every unchanged file again and
        /// asks for the same spans of the same trees: made anew, their locations were a thirtieth of what a model edit
        /// allocated, and finding each span's line a few percent of its time. A tree an edit replaces takes its own with it.
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, SourceLocation>> Placed =
            new ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, SourceLocation>>();
    }
}
