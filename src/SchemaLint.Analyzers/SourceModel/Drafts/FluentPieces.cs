using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Declarations;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// The pieces of model-building code one extraction read for one context, by key, each with the trees it read: the next
    /// snapshot asks it, before reading a piece, whether its edit can reach it (<see cref="FluentPiece.ReachedBy"/>).
    /// </summary>
    /// <remarks>
    /// It holds trees and keys, never symbols: a piece's key names a configuration class by its tree and position. The trees
    /// edits replace stay alive through it until a later extraction records its own.
    /// </remarks>
    internal sealed class FluentPieces
    {
        private readonly Dictionary<object, FluentPiece> _byKey;

        public FluentPieces(int expected = 0)
        {
            _byKey = new Dictionary<object, FluentPiece>(expected);
        }

        public int Count => _byKey.Count;

        /// <summary>Every piece read, one per key.</summary>
        public IEnumerable<FluentPiece> All => _byKey.Values;

        public void Add(FluentPiece piece)
        {
            // The same configuration class applied twice to one entity type reads the same code twice: one record of both.
            if (_byKey.TryGetValue(piece.Key, out var first)) first.Merge(piece);
            else _byKey.Add(piece.Key, piece);
        }

        /// <summary>
        /// Takes the record over to the tree an edit carried over without an extraction made (<see cref="FluentPiece.ReplaceTree"/>):
        /// a configuration class declared in the tree before the first change keeps its piece's key, now in the tree after.
        /// </summary>
        /// <returns>The keys given anew, each with the one it replaces; null when none was.</returns>
        public List<(object Before, object After)>? ReplaceTree(SyntaxTree before, SyntaxTree after, int firstChange)
        {
            List<(object Before, object After)>? rekeyed = null;
            foreach (var pair in _byKey)
            {
                pair.Value.ReplaceTree(before, after, firstChange);
                if (pair.Key is ValueTuple<SyntaxTree, int, string> key && ReferenceEquals(key.Item1, before) && key.Item2 < firstChange)
                    (rekeyed ??= new List<(object, object)>()).Add((pair.Key, (after, key.Item2, key.Item3)));
            }

            if (rekeyed is null) return null;
            foreach (var (was, now) in rekeyed)
            {
                var piece = _byKey[was];
                _byKey.Remove(was);
                piece.Key = now;
                _byKey[now] = piece;
            }

            return rekeyed;
        }

        /// <summary>
        /// Whether this snapshot's record says that the edits since cannot reach the piece of <paramref name="key"/> in a
        /// later snapshot, whose edit <paramref name="edited"/> tells: the piece was read here, what it read recorded, and
        /// none of it is code the edit changed (<see cref="FluentPiece.ReachedBy"/>). A tree the later snapshot lacks and
        /// its edit did not replace (an edit carried over in between replaces trees without a record being made) reaches
        /// the pieces that read it. A piece read for the first time, or whose reads were not recorded, may be reached.
        /// </summary>
        public bool Unreached(object key, EditedCode edited) =>
            _byKey.TryGetValue(key, out var piece) && piece.RecordedReads && !piece.ReachedBy(edited);
    }
}
