using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// Tells an edit made inside method bodies from one that reaches a declaration. Declarations (types, members, their
    /// signatures, attributes and initializers) are all another file's binding can see of this one; what a body contains
    /// changes only the body's own binding. So when the text outside every body is the same before and after, the edit
    /// cannot change how any other tree binds.
    /// </summary>
    internal static class BodyEdits
    {
        /// <summary>
        /// True when <paramref name="after"/> differs from <paramref name="before"/> only inside the bodies of methods,
        /// constructors, operators and accessors, and no changed body holds a preprocessor directive (a <c>#nullable</c> or
        /// <c>#if</c> inside a body reaches the declarations after it). Gives the spans of the changed bodies in each tree.
        /// </summary>
        public static bool TryFindChangedBodies(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken, out List<TextSpan> changedBefore, out List<TextSpan> changedAfter)
        {
            changedBefore = new List<TextSpan>();
            changedAfter = new List<TextSpan>();
            var oldBodies = Bodies(before.GetRoot(cancellationToken));
            var newBodies = Bodies(after.GetRoot(cancellationToken));
            if (oldBodies.Count != newBodies.Count) return false;

            var oldText = before.GetText(cancellationToken);
            var newText = after.GetText(cancellationToken);
            var oldChunk = new char[1024];
            var newChunk = new char[1024];
            int oldFrom = 0, newFrom = 0;
            for (var i = 0; i <= oldBodies.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var oldUntil = i < oldBodies.Count ? oldBodies[i].Span.Start : oldText.Length;
                var newUntil = i < newBodies.Count ? newBodies[i].Span.Start : newText.Length;
                if (!SameText(oldText, TextSpan.FromBounds(oldFrom, oldUntil), newText, TextSpan.FromBounds(newFrom, newUntil), oldChunk, newChunk)) return false;
                if (i == oldBodies.Count) break;

                var oldBody = oldBodies[i];
                var newBody = newBodies[i];
                if (!SameText(oldText, oldBody.Span, newText, newBody.Span, oldChunk, newChunk))
                {
                    if (oldBody.ContainsDirectives || newBody.ContainsDirectives) return false;
                    changedBefore.Add(oldBody.Span);
                    changedAfter.Add(newBody.Span);
                }

                oldFrom = oldBody.Span.End;
                newFrom = newBody.Span.End;
            }

            return true;
        }

        /// <summary>The outermost bodies under a node in document order (local functions and lambdas lie inside them).</summary>
        public static List<SyntaxNode> BodiesIn(SyntaxNode node) => Bodies(node);

        /// <summary>The outermost bodies of the tree in document order (local functions and lambdas lie inside them).</summary>
        private static List<SyntaxNode> Bodies(SyntaxNode root)
        {
            var bodies = new List<SyntaxNode>();
            AddBodies(root, bodies);
            return bodies;
        }

        /// <summary>
        /// Walks only what can hold a member: a compilation unit, namespaces, types, properties, indexers and events and their
        /// accessor lists. Bodies are those of members (<see cref="BodyOf"/>), so the rest of a declaration (types,
        /// attributes, parameters, initializers) cannot hold one; walking it too made this a walk of every node of a file,
        /// a millisecond and more for a context declaring a thousand <c>DbSet</c>s, on every edit to it.
        /// </summary>
        private static void AddBodies(SyntaxNode node, List<SyntaxNode> bodies)
        {
            var body = BodyOf(node);
            if (body is not null)
            {
                bodies.Add(body);
                return;
            }

            if (node is not (CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or BasePropertyDeclarationSyntax or AccessorListSyntax)) return;
            foreach (var child in node.ChildNodes()) AddBodies(child, bodies);
        }

        /// <summary>
        /// A member's body, when the node is a member with one. A member's declaration part (its signature, attributes,
        /// parameter defaults) stays outside the body and so is compared as text; an expression-bodied property's arrow is
        /// its getter's body.
        /// </summary>
        private static SyntaxNode? BodyOf(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
            PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
            IndexerDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
            _ => null,
        };

        /// <summary>
        /// Compares in chunks copied out of the texts: after an edit the new text is a composition of the old one's pieces,
        /// whose indexer searches the pieces for every character, and a context declaring a thousand <c>DbSet</c>s is compared
        /// whole on every edit to it.
        /// </summary>
        private static bool SameText(SourceText left, TextSpan leftSpan, SourceText right, TextSpan rightSpan, char[] leftChunk, char[] rightChunk)
        {
            if (leftSpan.Length != rightSpan.Length) return false;
            for (var done = 0; done < leftSpan.Length; done += leftChunk.Length)
            {
                var count = System.Math.Min(leftChunk.Length, leftSpan.Length - done);
                left.CopyTo(leftSpan.Start + done, leftChunk, 0, count);
                right.CopyTo(rightSpan.Start + done, rightChunk, 0, count);
                for (var i = 0; i < count; i++)
                {
                    if (leftChunk[i] != rightChunk[i]) return false;
                }
            }

            return true;
        }
    }
}
