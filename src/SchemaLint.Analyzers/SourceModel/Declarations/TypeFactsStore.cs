using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Discovery;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>
    /// The <see cref="TypeFacts"/> one extraction read, by type. The next snapshot's extraction starts from those its edits
    /// cannot have changed (<see cref="TakeUnchangedFrom"/>); the store holds trees and data, never a symbol.
    /// </summary>
    internal sealed class TypeFactsStore
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, TypeFacts> _facts;

        // The sets of the contexts the snapshot before read and this one reads again, by key, until read (SetsBefore).
        private Dictionary<string, IReadOnlyList<DbSetFacts>>? _setsBefore;
        private int _takenOver;
        private ScopeFacts? _scope;

        public TypeFactsStore()
            : this(expectedTypes: 0)
        {
        }

        /// <param name="expectedTypes">
        /// How many types the store will likely hold (the snapshot before's count, nearly all of which a model edit takes
        /// over): made that size rather than grown to it, which rehashed every identity several times over per model edit.
        /// </param>
        public TypeFactsStore(int expectedTypes)
        {
            _facts = new Dictionary<string, TypeFacts>(expectedTypes, StringComparer.Ordinal);
        }

        public int Count
        {
            get
            {
                lock (_gate) return _facts.Count;
            }
        }

        /// <summary>How many facts <see cref="TakeUnchangedFrom"/> took over from the snapshot before.</summary>
        public int TakenOver
        {
            get
            {
                lock (_gate) return _takenOver;
            }
        }

        /// <summary>The contexts and configuration classes the compilation declares, once an extraction found them.</summary>
        public ScopeFacts? Scope
        {
            get
            {
                lock (_gate) return _scope;
            }

            set
            {
                lock (_gate) _scope = value;
            }
        }

        public bool TryGet(string key, out TypeFacts facts)
        {
            lock (_gate) return _facts.TryGetValue(key, out facts!);
        }

        public void Add(TypeFacts facts)
        {
            lock (_gate) _facts[facts.Key] = facts;
        }

        /// <summary>
        /// Takes over the facts of <paramref name="previous"/> that still hold: every tree they were read from is one of
        /// <paramref name="trees"/> (the same object, so unedited) or was edited only inside bodies (<paramref name="moves"/>,
        /// by the tree before; the facts are then moved to the tree after), and none of the names they read is a member an
        /// edit changed (<paramref name="changedMembers"/>). Type headers, usings and added or removed types are not in
        /// question here: an edit that changes one of those changes what any name binds to, and its snapshot takes nothing over.
        /// </summary>
        public void TakeUnchangedFrom(TypeFactsStore previous, HashSet<SyntaxTree> trees, HashSet<string> changedMembers, IReadOnlyDictionary<SyntaxTree, MovedTree> moves)
        {
            List<TypeFacts> candidates;
            ScopeFacts? scope;
            lock (previous._gate)
            {
                candidates = new List<TypeFacts>(previous._facts.Values);
                scope = previous._scope;
            }

            lock (_gate)
            {
                if (scope is not null && !scope.Names.Overlaps(changedMembers)) _scope = scope;
                foreach (var facts in candidates)
                {
                    var taken = Unchanged(facts, trees, changedMembers, moves);
                    if (taken is null)
                    {
                        if (facts.DbSets.Count > 0) (_setsBefore ??= new Dictionary<string, IReadOnlyList<DbSetFacts>>(StringComparer.Ordinal))[facts.Key] = facts.DbSets;
                        continue;
                    }

                    _facts[taken.Key] = taken;
                    _takenOver++;
                }
            }
        }

        /// <summary>
        /// The sets the snapshot before read of the context of <paramref name="key"/>, when this snapshot reads its
        /// declarations again; given once, as nothing else asks for them.
        /// </summary>
        public IReadOnlyList<DbSetFacts>? SetsBefore(string key)
        {
            lock (_gate)
            {
                if (_setsBefore is null || !_setsBefore.TryGetValue(key, out var sets)) return null;
                _setsBefore.Remove(key);
                return sets;
            }
        }

        /// <summary>
        /// Moves the facts read from trees an edit changed inside bodies only to the trees after it (<paramref name="moves"/>,
        /// by the tree before), and forgets those whose places the edit touched. Called when the edit is carried over
        /// without an extraction: else the next extraction, which compares with the trees the carry-over left, finds these
        /// facts read from trees it does not have and reads them again (in Kavita, a statement typed into the context's
        /// <c>OnSaveChanges</c> and carried over made the next model edit read the context again, and so rebuild every entity
        /// type its sets expose: bench/ANALYSIS.md, run 32).
        /// </summary>
        public void MoveTrees(IReadOnlyDictionary<SyntaxTree, MovedTree> moves)
        {
            lock (_gate)
            {
                List<TypeFacts>? read = null;
                foreach (var facts in _facts.Values)
                {
                    foreach (var tree in facts.Trees)
                    {
                        if (!moves.ContainsKey(tree)) continue;
                        (read ??= new List<TypeFacts>()).Add(facts);
                        break;
                    }
                }

                if (read is null) return;
                foreach (var facts in read)
                {
                    if (facts.MovedTo(moves) is { } moved) _facts[facts.Key] = moved;
                    else _facts.Remove(facts.Key);
                }
            }
        }

        /// <summary>The facts as they hold after the edits (moved when a tree of theirs was edited inside bodies only); null when they may not.</summary>
        private static TypeFacts? Unchanged(TypeFacts facts, HashSet<SyntaxTree> trees, HashSet<string> changedMembers, IReadOnlyDictionary<SyntaxTree, MovedTree> moves)
        {
            var moved = false;
            foreach (var tree in facts.Trees)
            {
                if (trees.Contains(tree)) continue;
                if (!moves.ContainsKey(tree)) return null;
                moved = true;
            }

            if (facts.NamesRead.Overlaps(changedMembers)) return null;
            return moved ? facts.MovedTo(moves) : facts;
        }
    }
}
