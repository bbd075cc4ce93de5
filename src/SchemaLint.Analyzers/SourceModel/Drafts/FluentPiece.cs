using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel.Declarations;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// One piece of model-building code read as a whole (<c>OnModelCreating</c>, <c>ConfigureConventions</c>, or one
    /// configuration class applied to one entity type), as a model edit asks whether it can read differently now: it can
    /// when it read code the edit changed (the text at a place it read, or the declarations of a file whose declarations
    /// it read), bound a member whose declaration the edit changed, names a member the edit changed, or asked whether a
    /// member of a changed name is declared (<see cref="EditedCode"/>).
    /// What it did to the drafts it reached is otherwise what it did in the snapshot before (<see cref="DraftInputs"/>).
    /// </summary>
    /// <remarks>
    /// Types it binds are not followed: a model edit that changes what a type name binds to (a type header, a using, a type
    /// added or removed) is extracted without any snapshot before to compare with, so here a type can only bind as before.
    /// </remarks>
    internal sealed class FluentPiece
    {
        // What the edit changed, while the piece is read: dropped once read, as the piece is kept for the next snapshot.
        private EditedCode _edited;
        private readonly bool _recordReads;

        // The trees read or bound in, distinct: a handful per piece (its class's file, the entity type's, a constants file),
        // each with the places read in it.
        private TreeReads? _tree0;
        private List<TreeReads>? _moreTrees;

        // The member names it asked whether they are declared.
        private List<string>? _lookedUp;

        /// <param name="key">
        /// Which piece this is, equal in the next snapshot when it is the same piece: the method read, or the configuration
        /// class applied and the entity type it was applied to.
        /// </param>
        /// <param name="edited">What the edit since the snapshot before changed (<see cref="EditedCode.None"/> when there is none to compare with).</param>
        /// <param name="recordReads">
        /// Whether to record the places the piece reads, for the next snapshot to tell before reading whether an edit reaches
        /// it (<see cref="ReachedBy"/>).
        /// </param>
        public FluentPiece(object key, EditedCode edited, bool recordReads = false)
        {
            Key = key;
            _edited = edited;
            _recordReads = recordReads;
        }

        /// <remarks>Moved with the piece's tree when an edit carried over without an extraction keeps what it read (<see cref="FluentPieces.ReplaceTree"/>).</remarks>
        public object Key { get; internal set; }

        /// <summary>
        /// The piece read code the edit changed, bound a member whose declaration it changed, or names a member it changed
        /// (once <see cref="Finish"/> has asked).
        /// </summary>
        public bool ReadEditedCode { get; private set; }

        /// <summary>
        /// Whether the snapshot before's record of this piece said, before it was read, that the edit cannot reach it: the
        /// same piece read only code the edit left as it was. Such a piece reads no edited code (the test suites check it
        /// on every edit they make, <see cref="Fluent.FluentReader.CheckEveryPrediction"/>).
        /// </summary>
        public bool PredictedUnreached { get; set; }

        /// <summary>The piece read the declarations of <paramref name="tree"/>, none of its bodies.</summary>
        public void Read(SyntaxTree? tree) => Read(tree, null);

        /// <summary>
        /// The piece asked whether a member named <paramref name="name"/> is declared (a context's override of
        /// <c>OnModelCreating</c>): only an edit changing a member of that name, adding or removing the override, can change
        /// the answer. Before, the piece read the declarations of the context's files, and any member added to the context (a
        /// set, a property) reached <c>OnModelCreating</c> and every entity type it configures.
        /// </summary>
        public void LookedUp(string name)
        {
            if (!ReadEditedCode && _edited.ChangedMembers.Contains(name)) ReadEditedCode = true;
            if (_recordReads) (_lookedUp ??= new List<string>(1)).Add(name);
        }

        /// <summary>The piece read or bound code at <paramref name="span"/> of <paramref name="tree"/>.</summary>
        public void Read(SyntaxTree? tree, TextSpan? span)
        {
            if (tree is null) return;
            if (!ReadEditedCode && _edited.Any && _edited.Changed(tree, span)) ReadEditedCode = true;
            if (_recordReads || _edited.ChangedMembers.Count > 0) Record(tree, span);
        }

        /// <summary>The piece bound <paramref name="symbol"/>: a member whose declaration an edit changed may now bind differently.</summary>
        public void Bound(ISymbol? symbol)
        {
            if (symbol is null or INamedTypeSymbol or INamespaceSymbol) return;
            if (!_recordReads && (ReadEditedCode || !_edited.Any)) return;
            foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences) Read(reference.SyntaxTree, reference.Span);
        }

        /// <summary>
        /// Once the piece is read: it read edited code too when code it read names a member whose declaration the edit
        /// changed, since the name may bind to another member now.
        /// </summary>
        public void Finish()
        {
            var edited = _edited;
            _edited = EditedCode.None;
            if (ReadEditedCode || edited.ChangedMembers.Count == 0) return;
            foreach (var reads in Reads())
            {
                if (reads.NamesAny(edited))
                {
                    ReadEditedCode = true;
                    return;
                }
            }
        }

        /// <summary>
        /// Whether an edit since the snapshot that read this piece (the edit <paramref name="edited"/> tells, in a later
        /// snapshot) can make it read differently: it read code in a tree the edit replaced, where the edit changed the
        /// text, or in a tree gone without the edit telling what changed, or it names a member the edit changed.
        /// </summary>
        public bool ReachedBy(EditedCode edited)
        {
            if (_lookedUp is not null)
            {
                foreach (var name in _lookedUp)
                {
                    if (edited.ChangedMembers.Contains(name)) return true;
                }
            }

            foreach (var reads in Reads())
            {
                if (reads.ReachedBy(edited)) return true;
            }

            return false;
        }

        /// <summary>
        /// Takes the record over to <paramref name="after"/>, which an edit carried over without an extraction made from
        /// <paramref name="before"/> by changing text inside bodies from <paramref name="firstChange"/> on: when that lies past
        /// every place the piece read there, the piece reads the same text in the same places of the tree after. Otherwise the
        /// record keeps the tree before, which the next extraction finds gone without its edit telling what changed, and so
        /// reaches the piece.
        /// </summary>
        public void ReplaceTree(SyntaxTree before, SyntaxTree after, int firstChange)
        {
            // Every piece is asked on every keystroke carried over, so without the iterator Reads() would allocate.
            if (_tree0 is null) return;
            _tree0.Replace(before, after, firstChange);
            if (_moreTrees is null) return;
            foreach (var reads in _moreTrees) reads.Replace(before, after, firstChange);
        }

        /// <summary>Whether the piece recorded what it read.</summary>
        public bool RecordedReads => _recordReads;

        /// <summary>Adds what <paramref name="other"/>, the same piece read again in the same snapshot, read.</summary>
        public void Merge(FluentPiece other)
        {
            if (other._lookedUp is not null) (_lookedUp ??= new List<string>(other._lookedUp.Count)).AddRange(other._lookedUp);
            foreach (var reads in other.Reads())
            {
                if (reads.Declarations) Record(reads.Tree, null);
                foreach (var span in reads.Spans) Record(reads.Tree, span);
            }

            if (other.ReadEditedCode) ReadEditedCode = true;
        }

        private IEnumerable<TreeReads> Reads()
        {
            if (_tree0 is null) yield break;
            yield return _tree0;
            if (_moreTrees is null) yield break;
            foreach (var reads in _moreTrees) yield return reads;
        }

        private void Record(SyntaxTree tree, TextSpan? span)
        {
            // Reads follow one another in one tree: the last recorded is the one asked again nearly always.
            if (_tree0 is null)
            {
                _tree0 = new TreeReads(tree);
                _tree0.Add(span);
                return;
            }

            if (ReferenceEquals(_tree0.Tree, tree))
            {
                _tree0.Add(span);
                return;
            }

            _moreTrees ??= new List<TreeReads>(2);
            for (var i = _moreTrees.Count - 1; i >= 0; i--)
            {
                if (!ReferenceEquals(_moreTrees[i].Tree, tree)) continue;
                _moreTrees[i].Add(span);
                return;
            }

            var reads = new TreeReads(tree);
            reads.Add(span);
            _moreTrees.Add(reads);
        }

        public override string ToString() => Key.ToString();

        /// <summary>What a piece read in one tree: its declarations, and the places it read, merged where they overlap.</summary>
        private sealed class TreeReads
        {
            // Past this many separate places, a new one widens the last: a piece reads a body or two and a few declarations per tree.
            private const int MaxSpans = 8;

            public TreeReads(SyntaxTree tree)
            {
                Tree = tree;
            }

            public SyntaxTree Tree { get; set; }

            public bool Declarations { get; private set; }

            public List<TextSpan> Spans { get; } = new List<TextSpan>(1);

            public void Add(TextSpan? read)
            {
                if (read is not { } span)
                {
                    Declarations = true;
                    return;
                }

                for (var i = Spans.Count - 1; i >= 0; i--)
                {
                    var known = Spans[i];
                    if (known.Contains(span)) return;
                    if (known.Start <= span.End && span.Start <= known.End)
                    {
                        Spans[i] = TextSpan.FromBounds(System.Math.Min(known.Start, span.Start), System.Math.Max(known.End, span.End));
                        return;
                    }
                }

                if (Spans.Count < MaxSpans)
                {
                    Spans.Add(span);
                    return;
                }

                var last = Spans[Spans.Count - 1];
                Spans[Spans.Count - 1] = TextSpan.FromBounds(System.Math.Min(last.Start, span.Start), System.Math.Max(last.End, span.End));
            }

            /// <summary>
            /// Moves to <paramref name="after"/> when this is <paramref name="before"/> and every place read ends by
            /// <paramref name="firstChange"/> (declarations aside, which edits inside bodies do not change).
            /// </summary>
            public void Replace(SyntaxTree before, SyntaxTree after, int firstChange)
            {
                if (!ReferenceEquals(Tree, before)) return;
                foreach (var span in Spans)
                {
                    if (span.End > firstChange) return;
                }

                Tree = after;
            }

            public bool ReachedBy(EditedCode edited)
            {
                if (Declarations && edited.Reaches(Tree, null)) return true;
                foreach (var span in Spans)
                {
                    if (edited.Reaches(Tree, span) || edited.NamesChangedMember(Tree, span)) return true;
                }

                return false;
            }

            public bool NamesAny(EditedCode edited)
            {
                foreach (var span in Spans)
                {
                    if (edited.NamesChangedMember(Tree, span)) return true;
                }

                return false;
            }
        }
    }
}
