using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// The write targets of one tree the code scan bound, each with the identity of the type whose member it writes (null:
    /// it binds to none). A model edit takes an unedited tree's table over whole when nothing in the tree names a member the
    /// edit changed: copying every bound write into the next footprint one by one was over a third of what seeding a model
    /// edit cost (bench/ANALYSIS.md, run 28). A table taken over is shared by both footprints, so whichever writes to it next
    /// writes to a copy of its own.
    /// </summary>
    internal sealed class TreeWriteOwners
    {
        private readonly Dictionary<SyntaxNode, string?> _owners;

        public TreeWriteOwners()
        {
            _owners = new Dictionary<SyntaxNode, string?>();
        }

        private TreeWriteOwners(Dictionary<SyntaxNode, string?> owners)
        {
            _owners = new Dictionary<SyntaxNode, string?>(owners);
        }

        /// <summary>Another footprint holds this table too: it is not written to any more.</summary>
        public bool IsShared { get; private set; }

        public int Count => _owners.Count;

        public IEnumerable<KeyValuePair<SyntaxNode, string?>> Owners => _owners;

        /// <summary>This table, to be held by another footprint as well.</summary>
        public TreeWriteOwners Shared()
        {
            IsShared = true;
            return this;
        }

        /// <summary>A table of the same owners that only its new holder writes to.</summary>
        public TreeWriteOwners Copy() => new TreeWriteOwners(_owners);

        public bool TryGet(SyntaxNode target, out string? owner) => _owners.TryGetValue(target, out owner);

        /// <summary>Records the owner of <paramref name="target"/>; the caller copies a shared table first.</summary>
        public void Set(SyntaxNode target, string? owner) => _owners[target] = owner;
    }
}
