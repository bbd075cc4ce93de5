using System;
using System.Collections.Generic;
using SchemaLint.Analyzers.SourceModel.Declarations;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// What one entity type's draft was made from, besides the drafts it relates to: the declarations read for it (its CLR
    /// type's and its bases', as the very <see cref="TypeFacts"/> objects: a snapshot takes over the facts an edit cannot
    /// have changed, and reads the others again as new objects; and each context's set exposing it, which facts moved by an
    /// edit inside the context's bodies keep, and a context read again keeps while it and the sets before it are as they were) and the pieces of model-building code that reached it. Two snapshots' drafts of one entity type made from the same inputs differ
    /// only where a draft they relate to differs, which is how a model edit finds the few drafts it changed without
    /// comparing every one (<see cref="Conventions.SchemaEmitter"/>).
    /// </summary>
    /// <remarks>
    /// Every draft of every model edit has one, and nearly all hold one or two facts and at most one piece: those are kept
    /// in fields, and a list is made only past them.
    /// </remarks>
    internal sealed class DraftInputs
    {
        /// <summary>The inputs of every record (<see cref="EntityDraft.Recorded"/>): none, and never added to, as no record is written.</summary>
        public static DraftInputs Dropped { get; } = new DraftInputs();

        // TypeFacts, or a context's set: compared as objects.
        private object? _facts0;
        private object? _facts1;
        private List<object>? _moreFacts;
        private FluentPiece? _piece0;
        private List<FluentPiece>? _morePieces;

        private int FactCount => _facts0 is null ? 0 : _facts1 is null ? 1 : 2 + (_moreFacts?.Count ?? 0);

        private int PieceCount => _piece0 is null ? 0 : 1 + (_morePieces?.Count ?? 0);

        public void Add(TypeFacts facts) => AddDeclarations(facts);

        /// <summary>
        /// A context's set exposes the draft: its name and place among the sets are the context's to say. The set, not the
        /// context's facts, so that an edit inside the context's bodies (typing in <c>OnModelCreating</c>), which moves its
        /// facts to the new tree but keeps its sets, leaves the drafts it exposes alone; and not the list of sets, so that a
        /// set added after it, which the snapshot reads the context again for, leaves it alone too (<see cref="TypeFactsReader"/>).
        /// </summary>
        public void Add(DbSetFacts set) => AddDeclarations(set);

        private void AddDeclarations(object facts)
        {
            if (ReferenceEquals(_facts0, facts) || ReferenceEquals(_facts1, facts) || _moreFacts?.Contains(facts) == true) return;
            if (_facts0 is null) _facts0 = facts;
            else if (_facts1 is null) _facts1 = facts;
            else (_moreFacts ??= new List<object>(2)).Add(facts);
        }

        public void Add(FluentPiece piece)
        {
            // A piece reaches its drafts many times over; recorded once per run of reaching, in the order reached.
            if (_piece0 is null) _piece0 = piece;
            else if (!ReferenceEquals(_morePieces is { Count: > 0 } more ? more[more.Count - 1] : _piece0, piece)) (_morePieces ??= new List<FluentPiece>(2)).Add(piece);
        }

        /// <summary>A piece that reached the draft read code an edit changed: the draft may differ though nothing else did.</summary>
        public bool ReachedByEditedCode
        {
            get
            {
                if (_piece0 is null) return false;
                if (_piece0.ReadEditedCode) return true;
                if (_morePieces is null) return false;
                foreach (var piece in _morePieces)
                {
                    if (piece.ReadEditedCode) return true;
                }

                return false;
            }
        }

        /// <summary>
        /// Whether a model edit leaves these inputs as they were, as told before reading: every declaration still holds
        /// (<paramref name="declarationHolds"/>: taken over as the same object) and the record says the edit reaches none of
        /// the pieces (<paramref name="pieceUnreached"/>).
        /// </summary>
        public bool StillHold(Func<object, bool> declarationHolds, Func<FluentPiece, bool> pieceUnreached)
        {
            for (var i = 0; i < FactCount; i++)
            {
                if (!declarationHolds(Facts(i))) return false;
            }

            for (var i = 0; i < PieceCount; i++)
            {
                if (!pieceUnreached(Piece(i))) return false;
            }

            return true;
        }

        /// <summary>A piece that reached the draft was read without the record saying beforehand that the edit cannot reach it.</summary>
        public bool ReachedByPieceNotPredictedUnreached
        {
            get
            {
                for (var i = 0; i < PieceCount; i++)
                {
                    if (!Piece(i).PredictedUnreached) return true;
                }

                return false;
            }
        }

        /// <summary>
        /// A declaration the draft was made from that <paramref name="before"/>'s draft was not: a set added to the context
        /// exposes an entity type reached only through navigations until then, and every input the record has still holds.
        /// </summary>
        public bool HasDeclarationsBeyond(DraftInputs before)
        {
            for (var i = 0; i < FactCount; i++)
            {
                var facts = Facts(i);
                var known = false;
                for (var j = 0; j < before.FactCount && !known; j++) known = ReferenceEquals(facts, before.Facts(j));
                if (!known) return true;
            }

            return false;
        }

        /// <summary>The same declarations (the same objects) and the same pieces, in the same order, as <paramref name="before"/>.</summary>
        public bool SameAs(DraftInputs before)
        {
            var facts = FactCount;
            var pieces = PieceCount;
            if (facts != before.FactCount || pieces != before.PieceCount) return false;
            for (var i = 0; i < facts; i++)
            {
                if (!ReferenceEquals(Facts(i), before.Facts(i))) return false;
            }

            for (var i = 0; i < pieces; i++)
            {
                if (!Equals(Piece(i).Key, before.Piece(i).Key)) return false;
            }

            return true;
        }

        /// <summary>The keys of the pieces that reached the draft, in the order they reached it.</summary>
        public IEnumerable<object> PieceKeys
        {
            get
            {
                for (var i = 0; i < PieceCount; i++) yield return Piece(i).Key;
            }
        }

        private object Facts(int index) => index == 0 ? _facts0! : index == 1 ? _facts1! : _moreFacts![index - 2];

        private FluentPiece Piece(int index) => index == 0 ? _piece0! : _morePieces![index - 1];
    }
}
