using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>
    /// A tree an edit changed only inside method and accessor bodies, with no directive in the changed text: every
    /// declaration in it binds as before, only its place in the file may have moved. Facts read from the tree before can then
    /// be moved to the tree after (<see cref="TypeFacts.MovedTo"/>) instead of read again from the new compilation's
    /// symbols, which for a context declaring a thousand <c>DbSet</c>s is most of an edit to its <c>OnModelCreating</c>.
    /// </summary>
    internal sealed class MovedTree
    {
        private readonly IReadOnlyList<TextChangeRange> _changes;

        private MovedTree(SyntaxTree after, IReadOnlyList<TextChangeRange> changes)
        {
            After = after;
            _changes = changes;
        }

        public SyntaxTree After { get; }

        /// <summary>
        /// The move of an edit that changed only the bodies at <paramref name="changedBefore"/> in the tree before, whose texts
        /// after are at <paramref name="changedAfter"/> in <paramref name="after"/>, as <c>BodyEdits</c> finds them; the
        /// caller has established that no changed body holds a directive (<c>#nullable</c>, <c>#if</c>), which can change how
        /// declarations after it bind without changing their text.
        /// </summary>
        public static MovedTree Of(SyntaxTree after, IReadOnlyList<TextSpan> changedBefore, IReadOnlyList<TextSpan> changedAfter)
        {
            var changes = new TextChangeRange[changedBefore.Count];
            for (var i = 0; i < changes.Length; i++) changes[i] = new TextChangeRange(changedBefore[i], changedAfter[i].Length);
            return new MovedTree(after, changes);
        }

        /// <summary>
        /// The same place in the tree after the edit; false when it lies in or against a changed body. Declarations lie
        /// outside bodies, whose text the edit left as it was, so that refusal only guards against a place recorded where the
        /// reader should not have looked.
        /// </summary>
        public bool TryMove(Location location, out Location moved)
        {
            moved = location;
            var span = location.SourceSpan;
            var shift = 0;
            foreach (var change in _changes)
            {
                if (change.Span.End < span.Start)
                {
                    shift += change.NewLength - change.Span.Length;
                    continue;
                }

                if (change.Span.Start <= span.End) return false;
                break;
            }

            moved = Location.Create(After, new TextSpan(span.Start + shift, span.Length));
            return true;
        }

        /// <summary>
        /// A place as the trees after an edit hold it: the same when its tree was not edited (or it is not in source), moved
        /// when its tree is one of <paramref name="moves"/>; false when the edit touched it.
        /// </summary>
        public static bool TryMove(Location? location, IReadOnlyDictionary<SyntaxTree, MovedTree> moves, out Location? moved)
        {
            moved = location;
            if (location is not { IsInSource: true, SourceTree: { } tree } || !moves.TryGetValue(tree, out var move)) return true;
            if (!move.TryMove(location, out var placed)) return false;
            moved = placed;
            return true;
        }
    }
}
