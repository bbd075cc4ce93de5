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

        /// <param name="key">
        /// Which piece this is, equal in the next snapshot when it is the same piece: the method read, or the configuration
        /// class applied and the entity type it was applied to.
        /// </param>
        /// <param name="editedTrees">The trees of this compilation that the snapshot before did not have (edited files).</param>
        public FluentPiece(object key, HashSet<SyntaxTree> editedTrees)
        {
            Key = key;
            _editedTrees = editedTrees;
        }

        public object Key { get; }

        /// <summary>The piece read code in an edited tree, or bound a member declared in one.</summary>
        public bool ReadEditedCode { get; private set; }

        /// <summary>The piece read or bound code in <paramref name="tree"/>.</summary>
        public void Read(SyntaxTree? tree)
        {
            if (!ReadEditedCode && tree is not null && _editedTrees.Contains(tree)) ReadEditedCode = true;
        }

        /// <summary>The piece bound <paramref name="symbol"/>: a member declared in an edited tree may now bind differently.</summary>
        public void Bound(ISymbol? symbol)
        {
            if (ReadEditedCode || _editedTrees.Count == 0 || symbol is null or INamedTypeSymbol or INamespaceSymbol) return;
            foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences) Read(reference.SyntaxTree);
        }

        public override string ToString() => Key.ToString();
    }
}
