using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// What every tree's scan (<see cref="TreeScan"/>) of one list of trees says, merged by member name: the writes of each
    /// name, how many trees assign, update or mention it, the providers each context is registered with, and how many trees
    /// write in ways no name tells. An extraction asks about nearly every member name, so it needs the whole merge; a model
    /// edit changes one or two files, so the next snapshot's merge is made from this one by taking the edited trees' scans
    /// out and putting their new scans in (<see cref="For"/>), rather than merging every tree again (at 5,000 entity types
    /// the merge was about 18 ms of every model edit). Immutable once made, so the snapshot before keeps a valid one whatever
    /// becomes of the next extraction.
    /// </summary>
    /// <remarks>
    /// A name's writes are in tree order when merged from scratch; after edits the new trees' writes come last. The code scan
    /// answers from all the writes of a name, found in whatever order (<see cref="CodeScan"/>), so the order changes only
    /// which writes it binds before it finds its evidence, never an answer.
    /// </remarks>
    internal sealed class MergedTreeScans
    {
        private static int s_lastStamp;

        // Held, not only compared: while a tree lives its scan is the one cached for it, so the write objects merged from it
        // are the very ones a later merge takes out (by reference) when that file is edited.
        private readonly SyntaxTree[] _trees;
        private readonly Dictionary<string, NameScans> _names;
        private readonly List<TreeScan> _registering;
        private readonly int _untraceableTrees;

        private MergedTreeScans(SyntaxTree[] trees, Dictionary<string, NameScans> names, List<TreeScan> registering, int untraceableTrees)
        {
            _trees = trees;
            _names = names;
            _registering = registering;
            _untraceableTrees = untraceableTrees;
            Registrations = MergeRegistrations(registering);
        }

        /// <summary>Some tree writes values in ways the scan cannot attribute to a member (SetValue, computed property names).</summary>
        public bool HasUntraceableWrites => _untraceableTrees > 0;

        /// <summary>Per context name (as registrations spell it), the providers it is registered with.</summary>
        public IReadOnlyDictionary<string, HashSet<DatabaseProvider>> Registrations { get; }

        /// <summary>How many trees this merge took from the one before it instead of merging them again (a test seam).</summary>
        public int TreesTakenOver { get; private set; }

        public bool IsAssigned(string name) => _names.TryGetValue(name, out var scans) && scans.AssignedIn > 0;

        public bool IsUpdated(string name) => _names.TryGetValue(name, out var scans) && scans.UpdatedIn > 0;

        public bool IsMentioned(string name) => _names.TryGetValue(name, out var scans) && scans.MentionedIn > 0;

        /// <summary>Every write of the name in the trees; null when none writes it.</summary>
        public IReadOnlyList<TreeWrite>? WritesOf(string name) => _names.TryGetValue(name, out var scans) && scans.Writes.Count > 0 ? scans.Writes : null;

        /// <summary>The merge of every tree of <paramref name="trees"/>.</summary>
        public static MergedTreeScans Of(SyntaxTree[] trees, CancellationToken cancellationToken)
        {
            var stamp = Interlocked.Increment(ref s_lastStamp);
            var names = new Dictionary<string, NameScans>(StringComparer.Ordinal);
            var registering = new List<TreeScan>();
            var untraceable = 0;
            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scan = TreeScan.Of(tree, cancellationToken);
                if (scan.IsGenerated) continue;
                Add(names, stamp, scan, +1);
                if (scan.Registrations.Count > 0) registering.Add(scan);
                if (scan.HasUntraceableWrites) untraceable++;
            }

            return new MergedTreeScans(trees, names, registering, untraceable);
        }

        /// <summary>
        /// The merge of <paramref name="trees"/>, made from this one when they are this merge's files in the same order with
        /// some of them edited: the edited trees' old scans are taken out and their new ones put in. Null when the files
        /// differ (added, removed, moved, renamed) or more than half of them were edited; the caller then merges from scratch.
        /// </summary>
        public MergedTreeScans? For(SyntaxTree[] trees, CancellationToken cancellationToken)
        {
            if (trees.Length != _trees.Length) return null;
            List<int>? edited = null;
            for (var i = 0; i < trees.Length; i++)
            {
                if (ReferenceEquals(trees[i], _trees[i])) continue;
                if (!string.Equals(trees[i].FilePath, _trees[i].FilePath, StringComparison.Ordinal)) return null;
                (edited ??= new List<int>()).Add(i);

                // With more than half the files edited, merging them all again costs no more than patching.
                if (edited.Count * 2 > trees.Length) return null;
            }

            // The same files (another compilation of them): the same merge, every tree taken over.
            if (edited is null) return new MergedTreeScans(trees, _names, _registering, _untraceableTrees) { TreesTakenOver = trees.Length };

            var stamp = Interlocked.Increment(ref s_lastStamp);
            var names = new Dictionary<string, NameScans>(_names, StringComparer.Ordinal);
            var registering = new List<TreeScan>(_registering);
            var untraceable = _untraceableTrees;
            foreach (var i in edited)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = TreeScan.Of(_trees[i], cancellationToken);
                var after = TreeScan.Of(trees[i], cancellationToken);
                if (!before.IsGenerated)
                {
                    Add(names, stamp, before, -1);
                    registering.Remove(before);
                    if (before.HasUntraceableWrites) untraceable--;
                }

                if (!after.IsGenerated)
                {
                    Add(names, stamp, after, +1);
                    if (after.Registrations.Count > 0) registering.Add(after);
                    if (after.HasUntraceableWrites) untraceable++;
                }
            }

            return new MergedTreeScans(trees, names, registering, untraceable) { TreesTakenOver = trees.Length - edited.Count };
        }

        /// <summary>Puts one tree's scan into the merge (<paramref name="sign"/> +1) or takes it out (−1).</summary>
        private static void Add(Dictionary<string, NameScans> names, int stamp, TreeScan scan, int sign)
        {
            foreach (var name in scan.Assigned) Entry(names, stamp, name).AssignedIn += sign;
            foreach (var name in scan.Updated) Entry(names, stamp, name).UpdatedIn += sign;
            foreach (var name in scan.Mentioned) Entry(names, stamp, name).MentionedIn += sign;
            foreach (var writes in scan.Writes)
            {
                var entry = Entry(names, stamp, writes.Key);
                if (sign > 0) entry.Writes.AddRange(writes.Value);
                else entry.Writes.RemoveAll(write => writes.Value.Contains(write));
            }

            if (sign > 0) return;

            // A name no tree says anything of any more leaves the merge, so that renames do not grow it from edit to edit.
            foreach (var name in scan.Assigned) RemoveIfEmpty(names, name);
            foreach (var name in scan.Updated) RemoveIfEmpty(names, name);
            foreach (var name in scan.Mentioned) RemoveIfEmpty(names, name);
            foreach (var name in scan.Writes.Keys) RemoveIfEmpty(names, name);
        }

        /// <summary>
        /// The name's entry, made by this merge (<paramref name="stamp"/> tells which merge made an entry): one an earlier merge
        /// made is shared with it, and copied first, since that merge still reads it.
        /// </summary>
        private static NameScans Entry(Dictionary<string, NameScans> names, int stamp, string name)
        {
            if (names.TryGetValue(name, out var entry) && entry.Stamp == stamp) return entry;
            var made = entry is null ? new NameScans(stamp) : entry.CopyFor(stamp);
            names[name] = made;
            return made;
        }

        private static void RemoveIfEmpty(Dictionary<string, NameScans> names, string name)
        {
            if (names.TryGetValue(name, out var entry) && entry.IsEmpty) names.Remove(name);
        }

        private static Dictionary<string, HashSet<DatabaseProvider>> MergeRegistrations(List<TreeScan> registering)
        {
            var merged = new Dictionary<string, HashSet<DatabaseProvider>>(StringComparer.Ordinal);
            foreach (var scan in registering) AddRegistrations(merged, scan);
            return merged;
        }

        /// <summary>Adds the providers one tree registers each context with to <paramref name="merged"/>.</summary>
        public static void AddRegistrations(Dictionary<string, HashSet<DatabaseProvider>> merged, TreeScan scan)
        {
            foreach (var registration in scan.Registrations)
            {
                if (!merged.TryGetValue(registration.Key, out var providers)) merged[registration.Key] = providers = new HashSet<DatabaseProvider>();
                providers.UnionWith(registration.Value);
            }
        }

        /// <summary>What the trees say of one member name.</summary>
        private sealed class NameScans
        {
            public NameScans(int stamp)
                : this(stamp, new List<TreeWrite>())
            {
            }

            private NameScans(int stamp, List<TreeWrite> writes)
            {
                Stamp = stamp;
                Writes = writes;
            }

            public int Stamp { get; }

            public List<TreeWrite> Writes { get; }

            public int AssignedIn;
            public int UpdatedIn;
            public int MentionedIn;

            public bool IsEmpty => AssignedIn == 0 && UpdatedIn == 0 && MentionedIn == 0 && Writes.Count == 0;

            public NameScans CopyFor(int stamp) =>
                new NameScans(stamp, new List<TreeWrite>(Writes)) { AssignedIn = AssignedIn, UpdatedIn = UpdatedIn, MentionedIn = MentionedIn };
        }
    }
}
