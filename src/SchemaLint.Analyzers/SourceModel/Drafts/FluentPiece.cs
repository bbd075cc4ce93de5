using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// One piece of model-building code read as a whole (<c>OnModelCreating</c>, <c>ConfigureConventions</c>, or one
    /// configuration class applied to one entity type), as a model edit asks whether it can read differently now: it can
    /// when it read code in a tree the edit changed, or bound a member declared in one. What it did to the drafts it reached
    /// is otherwise what it did in the snapshot before (<see cref="DraftInputs"/>).
    /// </summary>
    /// <remarks>
    /// Types it binds are not followed: a model edit that changes what a type name binds to (a type header, a using, a type
    /// added or removed) is extracted without any snapshot before to compare with, so here a type can only bind as before.
    /// </remarks>
    internal sealed class FluentPiece
    {
        private readonly HashSet<SyntaxTree> _editedTrees;
        private readonly bool _recordTrees;

        // The trees read or bound in, distinct: a handful per piece (its class's file, the entity type's, a constants file).
        private SyntaxTree? _tree0;
        private List<SyntaxTree>? _moreTrees;

        /// <param name="key">
        /// Which piece this is, equal in the next snapshot when it is the same piece: the method read, or the configuration
        /// class applied and the entity type it was applied to.
        /// </param>
        /// <param name="editedTrees">The trees of this compilation that the snapshot before did not have (edited files).</param>
        /// <param name="recordTrees">
        /// Whether to record the trees the piece reads, for the next snapshot to tell before reading whether an edit reaches
        /// it (<see cref="ReadOutside"/>).
        /// </param>
        public FluentPiece(object key, HashSet<SyntaxTree> editedTrees, bool recordTrees = false)
        {
            Key = key;
            _editedTrees = editedTrees;
            _recordTrees = recordTrees;
        }

        public object Key { get; }

        /// <summary>The piece read code in an edited tree, or bound a member declared in one.</summary>
        public bool ReadEditedCode { get; private set; }

        /// <summary>
        /// Whether the snapshot before's record of this piece said, before it was read, that the edit cannot reach it: the
        /// same piece read only trees this snapshot still has. Such a piece reads no edited code (the test suites check it
        /// on every edit they make, <see cref="Fluent.FluentReader.CheckEveryPrediction"/>).
        /// </summary>
        public bool PredictedUnreached { get; set; }

        /// <summary>The piece read or bound code in <paramref name="tree"/>.</summary>
        public void Read(SyntaxTree? tree)
        {
            if (tree is null) return;
            if (!ReadEditedCode && _editedTrees.Contains(tree)) ReadEditedCode = true;
            if (_recordTrees) Record(tree);
        }

        /// <summary>The piece bound <paramref name="symbol"/>: a member declared in an edited tree may now bind differently.</summary>
        public void Bound(ISymbol? symbol)
        {
            if (symbol is null or INamedTypeSymbol or INamespaceSymbol) return;
            if (!_recordTrees && (ReadEditedCode || _editedTrees.Count == 0)) return;
            foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences) Read(reference.SyntaxTree);
        }

        /// <summary>
        /// Whether the piece, as this snapshot read it, read code in or bound a member declared in a tree that is not one of
        /// <paramref name="trees"/> (a later snapshot's): one an edit since has replaced.
        /// </summary>
        public bool ReadOutside(HashSet<SyntaxTree> trees)
        {
            if (_tree0 is null) return false;
            if (!trees.Contains(_tree0)) return true;
            if (_moreTrees is null) return false;
            foreach (var tree in _moreTrees)
            {
                if (!trees.Contains(tree)) return true;
            }

            return false;
        }

        /// <summary>Whether the piece recorded the trees it read.</summary>
        public bool RecordedTrees => _recordTrees;

        /// <summary>Adds what <paramref name="other"/>, the same piece read again in the same snapshot, read.</summary>
        public void Merge(FluentPiece other)
        {
            if (other._tree0 is not null) Record(other._tree0);
            if (other._moreTrees is not null)
            {
                foreach (var tree in other._moreTrees) Record(tree);
            }

            if (other.ReadEditedCode) ReadEditedCode = true;
        }

        private void Record(SyntaxTree tree)
        {
            // Reads follow one another in one tree: the last recorded is the one asked again nearly always.
            if (ReferenceEquals(_tree0, tree)) return;
            if (_tree0 is null)
            {
                _tree0 = tree;
                return;
            }

            if (_moreTrees is null)
            {
                _moreTrees = new List<SyntaxTree>(2) { tree };
                return;
            }

            if (ReferenceEquals(_moreTrees[_moreTrees.Count - 1], tree) || _moreTrees.Contains(tree)) return;
            _moreTrees.Add(tree);
        }

        public override string ToString() => Key.ToString();
    }
}
