using System;
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
        /// The move from <paramref name="before"/> to <paramref name="after"/>, when the caller has established that the edit
        /// changed no declaration; null when the changed text holds a directive (<c>#nullable</c>, <c>#if</c>), which can
        /// change how declarations after it bind without changing their text.
        /// </summary>
        public static MovedTree? Of(SyntaxTree before, SyntaxTree after)
        {
            var oldText = before.GetText();
            var newText = after.GetText();
            var changes = newText.GetChangeRanges(oldText);
            if (changes.Count == 1 && changes[0].Span.Length == oldText.Length && changes[0].NewLength == newText.Length) changes = new[] { Between(oldText, newText) };
            var shift = 0;
            foreach (var change in changes)
            {
                if (HasDirectiveMark(oldText, change.Span) || HasDirectiveMark(newText, new TextSpan(change.Span.Start + shift, change.NewLength))) return null;
                shift += change.NewLength - change.Span.Length;
            }

            return new MovedTree(after, changes);
        }

        /// <summary>
        /// The same place in the tree after the edit; false when the edit touched it (a change inside it or adjoining it,
        /// which may have changed the token it names).
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

        /// <summary>
        /// The one range the texts differ in, found by their common start and end: a host that hands over a document's whole new
        /// text (a language client syncing full documents) leaves the change untracked, and every place would seem touched.
        /// </summary>
        private static TextChangeRange Between(SourceText before, SourceText after)
        {
            var shorter = Math.Min(before.Length, after.Length);
            var start = 0;
            while (start < shorter && before[start] == after[start]) start++;
            var end = 0;
            while (end < shorter - start && before[before.Length - 1 - end] == after[after.Length - 1 - end]) end++;
            return new TextChangeRange(TextSpan.FromBounds(start, before.Length - end), after.Length - end - start);
        }

        private static bool HasDirectiveMark(SourceText text, TextSpan span)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                if (text[i] == '#') return true;
            }

            return false;
        }
    }
}
