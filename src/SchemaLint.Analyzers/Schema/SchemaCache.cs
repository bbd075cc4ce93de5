using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Analyzers.SourceModel.Declarations;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// The analyzed schema shared by the compilation instances of one solution snapshot. The IDE's CompilationWithAnalyzers
    /// gives every single-document request its own compilation instance (and so its own compilation-start action), but those
    /// instances share their syntax trees, references and options; without this cache every open document would extract the
    /// whole model again.
    /// </summary>
    /// <remarks>
    /// Analyzers normally keep no static state (RS1008). This cache is the accepted exception: it is keyed weakly by the
    /// compilation's first two syntax trees, so it lives no longer than they do, holds one entry per slot (a new snapshot
    /// replaces the old one, so memory stays bounded), validates the entry against the complete tree list, references and options by
    /// reference, and its entries hold no compilation or symbol: trees, the compilation-independent schema, and the
    /// extraction's footprint (nodes of those trees, names, and type identities as strings). The next snapshot uses the entry
    /// of the one before it: to keep its schema after an edit inside bodies the model never read, or, after a model edit,
    /// to keep the code scan's bindings the edit cannot have changed.
    /// </remarks>
    internal static class SchemaCache
    {
        private static readonly ConditionalWeakTable<SyntaxTree, Slot> Slots = new ConditionalWeakTable<SyntaxTree, Slot>();

        /// <summary>A snapshot that changed more files than this since the last one is extracted again rather than compared file by file.</summary>
        private const int MaxCarriedEdits = 8;

        /// <summary>
        /// Members the compiler uses without their name being written (foreach, await, deconstruction, collection
        /// initializers, query syntax, using, indexers): a change to one may change bindings that never name it.
        /// </summary>
        private static readonly HashSet<string> PatternMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current", "GetAwaiter", "GetResult", "IsCompleted", "OnCompleted",
            "Deconstruct", "Add", "Dispose", "DisposeAsync", "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy",
            "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast", "this[]", "Item", "Length", "Count", "Slice", "GetPinnableReference",
        };

        /// <summary>
        /// The cached schema of this snapshot, or the one <paramref name="build"/> makes, which then replaces the slot's entry;
        /// <paramref name="build"/> is given the slot's schema before (null when there is none), of which it may keep findings.
        /// An edit that stays inside method bodies the extraction never read, and says the same about what it asked the code
        /// scan, keeps the schema: the previous snapshot's is carried over (see <see cref="Entry.TryCarryOver"/>).
        /// An edit that changes nothing but answers about what code writes keeps the rest of that schema: <paramref name="reanalyze"/>
        /// gives it the entity types whose properties have new answers, and finds its findings again.
        /// Concurrent requests for one key wait for one build; a cancelled build throws and leaves the slot as it was.
        /// </summary>
        public static AnalyzedSchema GetOrBuild(Compilation compilation, AnalyzerConfigOptionsProvider options, Func<AnalyzedSchema?, AnalyzedSchema> build,
            Func<AnalyzedSchema, IReadOnlyDictionary<EntityTypeModel, EntityTypeModel>, AnalyzedSchema> reanalyze, CancellationToken cancellationToken = default)
        {
            var slot = SlotOf(compilation);
            if (slot is null) return build(null);
            var entry = Volatile.Read(ref slot.Entry);
            if (entry is not null && entry.Matches(compilation, options)) return entry.Schema;
            lock (slot.Gate)
            {
                entry = slot.Entry;
                if (entry is not null && entry.Matches(compilation, options)) return entry.Schema;
                var carried = entry?.TryCarryOver(compilation, options, reanalyze, cancellationToken);
                if (carried is not null)
                {
                    slot.CarriedOver++;
                    if (carried.HasNewCodeFacts) slot.Patched++;
                    Volatile.Write(ref slot.Entry, carried);
                    return carried.Schema;
                }

                var footprint = entry?.NextFootprint() ?? new ExtractionFootprint();
                footprint.RecordsPieces = entry is not null;
                entry?.SeedUnchanged(compilation, options, footprint, cancellationToken);
                slot.LastSeededWrites = footprint.WriteOwnerCount;
                AnalyzedSchema schema;
                using (ExtractionFootprint.Record(footprint)) schema = build(entry?.Schema);
                footprint.AnswersBefore = null;
                footprint.EditedCode = null;
                slot.LastTypesRead = footprint.TypeFacts.Count - footprint.TypeFacts.TakenOver;
                slot.LastCodeScansTakenOver = footprint.MergedScans?.TreesTakenOver ?? 0;
                slot.LastAnswersTakenOver = footprint.AnswersTakenOver;
                slot.LastEntityTypesKept = footprint.EntityTypesKept;
                slot.LastEntityTypesCompared = footprint.EntityTypesCompared;
                slot.LastPiecesRead = footprint.PiecesRead;
                slot.LastPiecesPredictedUnreached = footprint.PiecesPredictedUnreached;
                slot.LastPiecesWithRecord = footprint.PiecesWithRecord;
                slot.LastPlans = footprint.Plans;
                slot.Builds++;
                Volatile.Write(ref slot.Entry, new Entry(compilation, options, schema, footprint));
                return schema;
            }
        }

        /// <summary>
        /// The project's slot. A snapshot finds it through its first tree, or, after an edit to that very file (whose tree is
        /// then new), through its second, and registers it under both: keyed by the first tree alone, every edit to a
        /// project's first file started afresh and extracted the whole model again.
        /// </summary>
        private static Slot? SlotOf(Compilation compilation)
        {
            SyntaxTree? first = null, second = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (first is null) first = tree;
                else
                {
                    second = tree;
                    break;
                }
            }

            if (first is null) return null;
            if (Slots.TryGetValue(first, out var slot)) return slot;
            Slot? found = null;
            if (second is not null) Slots.TryGetValue(second, out found);
            slot = Slots.GetValue(first, _ => found ?? new Slot());
            if (second is not null) Slots.GetValue(second, _ => slot);
            return slot;
        }

        /// <summary>How many times a schema was built for compilations whose first tree is <paramref name="firstTree"/> (a test seam).</summary>
        internal static int BuildsFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.Builds);

        /// <summary>How many snapshots with that first tree took the previous snapshot's schema instead of a build (a test seam).</summary>
        internal static int CarryOversFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.CarriedOver);

        /// <summary>How many of those carry-overs gave the schema new answers about what code writes (a test seam).</summary>
        internal static int PatchesFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.Patched);

        /// <summary>How many bound writes the last build for that first tree took from the snapshot before (a test seam).</summary>
        internal static int SeededWritesFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastSeededWrites);

        /// <summary>How many types' declarations the last build for that first tree read, rather than took from the snapshot before (a test seam).</summary>
        internal static int TypesReadFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastTypesRead);

        /// <summary>How many trees' code scans the last build for that first tree took merged from the snapshot before's (a test seam).</summary>
        internal static int CodeScansTakenOverFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastCodeScansTakenOver);

        /// <summary>How many code-scan answers the last build for that first tree took from the snapshot before instead of asking (a test seam).</summary>
        internal static int AnswersTakenOverFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastAnswersTakenOver);

        /// <summary>How many entity types the last build for that first tree kept from the snapshot before rather than emitted (a test seam).</summary>
        internal static int EntityTypesKeptFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastEntityTypesKept);

        /// <summary>How many entity types' drafts the last build for that first tree compared with the snapshot before's (a test seam).</summary>
        internal static int EntityTypesComparedFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastEntityTypesCompared);

        /// <summary>How many pieces of model-building code the last build for that first tree read and recorded (a test seam).</summary>
        internal static int PiecesReadFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastPiecesRead);

        /// <summary>How many of them the snapshot before's record said, before reading, that the edit cannot reach (a test seam).</summary>
        internal static int PiecesPredictedUnreachedFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastPiecesPredictedUnreached);

        /// <summary>How many pieces the last build for that first tree read with a record of the snapshot before to ask (a test seam).</summary>
        internal static int PiecesWithRecordFor(SyntaxTree firstTree) => Counter(firstTree, slot => slot.LastPiecesWithRecord);

        /// <summary>
        /// The last build's rebuild plans for that first tree (<see cref="ExtractionFootprint.Plans"/>; a test seam).
        /// </summary>
        internal static RebuildPlans PlansFor(SyntaxTree firstTree)
        {
            if (!Slots.TryGetValue(firstTree, out var slot)) return default;
            lock (slot.Gate) return slot.LastPlans;
        }

        /// <summary>One of a slot's counters, read under its lock; 0 when no slot has that first tree.</summary>
        private static int Counter(SyntaxTree firstTree, Func<Slot, int> read)
        {
            if (!Slots.TryGetValue(firstTree, out var slot)) return 0;
            lock (slot.Gate) return read(slot);
        }

        private sealed class Slot
        {
            public readonly object Gate = new object();
            public Entry? Entry;
            public int Builds;
            public int CarriedOver;
            public int Patched;
            public int LastSeededWrites;
            public int LastTypesRead;
            public int LastCodeScansTakenOver;
            public int LastAnswersTakenOver;
            public int LastEntityTypesKept;
            public int LastEntityTypesCompared;
            public int LastPiecesRead;
            public int LastPiecesPredictedUnreached;
            public int LastPiecesWithRecord;
            public RebuildPlans LastPlans;
        }

        /// <summary>What the schema was built from: a compilation with the same trees, references and options builds the same schema.</summary>
        private sealed class Entry
        {
            private readonly SyntaxTree[] _trees;
            private readonly MetadataReference[] _references;
            private readonly CompilationOptions _compilationOptions;
            private readonly string? _assemblyName;
            private readonly AnalyzerConfigOptionsProvider _options;

            /// <summary>
            /// What the extraction depended on; null once given up to an entry carried over from this one (a carry-over changes
            /// the footprint in place rather than copy it, so this entry cannot be carried over again, nor seed a build).
            /// </summary>
            private ExtractionFootprint? _footprint;

            // The answers of TryFindChangedBodies for one request, by the tree after the edit: filled by the carry-over and
            // read by the seeding that follows it under the same lock. Emptied once the seeding has read them, and at the start
            // of every request, so that they hold no more than one request's edited trees.
            private readonly Dictionary<SyntaxTree, (bool Found, List<TextSpan> Before, List<TextSpan> After)> _changedBodies =
                new Dictionary<SyntaxTree, (bool Found, List<TextSpan> Before, List<TextSpan> After)>();

            public Entry(Compilation compilation, AnalyzerConfigOptionsProvider options, AnalyzedSchema schema, ExtractionFootprint footprint)
            {
                _trees = compilation.SyntaxTrees.ToArray();
                _references = compilation.References.ToArray();
                _compilationOptions = compilation.Options;
                _assemblyName = compilation.AssemblyName;
                _options = options;
                _footprint = footprint;
                Schema = schema;
            }

            public AnalyzedSchema Schema { get; }

            /// <summary>An empty footprint for the next snapshot's extraction, its tables sized after this one's.</summary>
            public ExtractionFootprint NextFootprint() => new ExtractionFootprint(sizedAfter: _footprint);

            /// <summary>Carried over from the snapshot before with new answers about what code writes (<see cref="CodeFactsPatch"/>).</summary>
            public bool HasNewCodeFacts { get; private set; }

            public bool Matches(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
                SameInputsBesideTrees(compilation, options) && SameItems(_trees, compilation.SyntaxTrees);

            /// <summary>
            /// This entry's schema, for a snapshot whose only differences are edits inside method bodies the extraction never
            /// read, each past everything it read or pointed at in its tree; null when anything else changed (then the caller
            /// extracts again). Findings in an edited tree move to the new tree, at the same places.
            /// Other trees bind as before, because a body is invisible to every other tree's binding; the reader saw none
            /// of the changed text; so the extraction would return what it returned, locations included, except for the
            /// answers it got from the code scan about the members the edits write or name. Those are asked again; where
            /// they differ, the properties they went into get the new answers (<see cref="CodeFactsPatch"/>) and the
            /// findings are found again.
            /// </summary>
            public Entry? TryCarryOver(Compilation compilation, AnalyzerConfigOptionsProvider options,
                Func<AnalyzedSchema, IReadOnlyDictionary<EntityTypeModel, EntityTypeModel>, AnalyzedSchema> reanalyze, CancellationToken cancellationToken)
            {
                _changedBodies.Clear();
                var footprint = _footprint;
                if (footprint is null || Schema.ReadFailure is not null || !SameInputsBesideTrees(compilation, options)) return null;
                var trees = compilation.SyntaxTrees.ToArray();
                if (trees.Length != _trees.Length) return null;

                var changed = 0;
                var askAgain = new HashSet<string>(StringComparer.Ordinal);
                var retargeted = new Dictionary<SyntaxTree, SyntaxTree>();
                var edits = new List<(SyntaxTree Before, SyntaxTree After, EditedTree Edit)>();
                var moves = new Dictionary<SyntaxTree, MovedTree>();
                for (var i = 0; i < trees.Length; i++)
                {
                    var before = _trees[i];
                    var after = trees[i];
                    if (ReferenceEquals(before, after)) continue;
                    if (++changed > MaxCarriedEdits || !string.Equals(before.FilePath, after.FilePath, StringComparison.Ordinal)) return null;
                    if (!TryFindChangedBodies(before, after, cancellationToken, out var changedBefore, out var changedAfter)) return null;
                    var edit = EditedTree.Compare(before, after, changedBefore, changedAfter, footprint, cancellationToken);
                    if (edit is null) return null;

                    // In a tree the reader read or pointed into, only edits past all of that keep what it read, and where.
                    var reach = footprint.ReachIn(before);
                    if (reach > edit.FirstChange) return null;
                    if (reach >= 0) retargeted[before] = after;
                    askAgain.UnionWith(edit.MembersToAskAgain);
                    edits.Add((before, after, edit));
                    moves.Add(before, MovedTree.Of(after, changedBefore, changedAfter));
                }

                // Only once every edited file can be carried over: a file that cannot, after one that could, used to leave
                // the footprint describing a snapshot that was never built, and the extraction that followed compared with
                // nothing (no declarations taken over, no piece asked its record).
                foreach (var (before, after, edit) in edits)
                {
                    // From here on the footprint describes the new snapshot, whatever becomes of this carry-over.
                    _footprint = null;
                    footprint.ReplaceTree(before, after, edit.FirstChange, edit.Owners);
                }

                footprint.TypeFacts.MoveTrees(moves);


                var schema = retargeted.Count == 0 ? Schema : Schema.WithTreesReplaced(retargeted);
                if (askAgain.Count == 0) return new Entry(compilation, options, schema, footprint);
                var changedAnswers = ChangedAnswers(compilation, footprint, askAgain, cancellationToken);
                if (changedAnswers is null) return null;
                if (changedAnswers.Count == 0) return new Entry(compilation, options, schema, footprint);

                var patch = CodeFactsPatch.Plan(Schema.Models, footprint, changedAnswers);
                if (patch is null) return null;
                var patched = reanalyze(Schema, patch.Entities);
                if (patched.ReadFailure is not null) return null;
                footprint.ReplaceProperties(patch.Properties);
                return new Entry(compilation, options, patched, footprint) { HasNewCodeFacts = true };
            }

            /// <summary>
            /// Asks the new compilation's code scan again what the extraction asked about the members an edit wrote or named,
            /// and gives the questions whose answers differ now (null when one cannot be asked again); the footprint records
            /// the new answers. Writes the extraction bound are not bound again, nor are the entity types' base lists (the
            /// edits left every declaration as it was), so this binds little more than the edited bodies.
            /// </summary>
            private static List<KeyValuePair<CodeQuestion, Fact<bool>>>? ChangedAnswers(Compilation compilation, ExtractionFootprint footprint, HashSet<string> members, CancellationToken cancellationToken)
            {
                var scan = CodeScan.ForMembers(compilation, cancellationToken, footprint);
                var changed = new List<KeyValuePair<CodeQuestion, Fact<bool>>>();
                foreach (var answer in footprint.AnswersAbout(members))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (scan.ReanswerWithSameDeclarations(answer.Key) is not { } now) return null;
                    if (!now.Equals(answer.Value)) changed.Add(new KeyValuePair<CodeQuestion, Fact<bool>>(answer.Key, now));
                }

                return changed;
            }

            /// <summary>
            /// Gives <paramref name="footprint"/> what this entry's extraction read that the edit since cannot have changed, so
            /// the new extraction reads only the rest: the write owners its code scan bound, and the declarations of the types
            /// discovery read (<see cref="SourceModel.Declarations.TypeFacts"/>). An owner is kept when its write lies in an
            /// unedited tree and the member around it names none of the members whose declarations the edit changed; a type's
            /// facts when all its declarations lie in unedited trees and name none of those members. Any edit whose reach
            /// cannot be told by name (a type header, a using, an operator, a pattern member) keeps none.
            /// </summary>
            public void SeedUnchanged(Compilation compilation, AnalyzerConfigOptionsProvider options, ExtractionFootprint footprint, CancellationToken cancellationToken)
            {
                if (_footprint is null || !SameInputsBesideTrees(compilation, options)) return;
                var trees = compilation.SyntaxTrees.ToArray();
                if (trees.Length != _trees.Length) return;

                var edited = new HashSet<SyntaxTree>();
                var editedPairs = new List<(SyntaxTree Before, SyntaxTree After)>();
                var changedMembers = new HashSet<string>(StringComparer.Ordinal);
                var moves = new Dictionary<SyntaxTree, MovedTree>();
                var current = new HashSet<SyntaxTree>(trees);
                var editedCode = new EditedCode(current, changedMembers, cancellationToken);
                for (var i = 0; i < trees.Length; i++)
                {
                    if (ReferenceEquals(_trees[i], trees[i])) continue;
                    if (!string.Equals(_trees[i].FilePath, trees[i].FilePath, StringComparison.Ordinal)) return;
                    var delta = DeclarationDelta.Between(_trees[i], trees[i], cancellationToken);
                    if (delta.ChangedMembers is null || delta.ChangedMembers.Overlaps(PatternMembers)) return;
                    edited.Add(_trees[i]);
                    editedPairs.Add((_trees[i], trees[i]));
                    changedMembers.UnionWith(delta.ChangedMembers);
                    editedCode.Add(_trees[i], trees[i], trees[i].GetText(cancellationToken).GetChangeRanges(_trees[i].GetText(cancellationToken)), declarationsChanged: delta.ChangedMembers.Count > 0);

                    // Only bodies changed, none to a directive: the declarations bind as before, in places the edit may have moved.
                    if (delta.ChangedMembers.Count == 0 && TryFindChangedBodies(_trees[i], trees[i], cancellationToken, out var bodiesBefore, out var bodiesAfter))
                        moves.Add(_trees[i], MovedTree.Of(trees[i], bodiesBefore, bodiesAfter));
                }

                _changedBodies.Clear();
                footprint.TypeFacts.TakeUnchangedFrom(_footprint.TypeFacts, current, changedMembers, moves);
                footprint.EditedTrees = EditedTrees(trees);
                footprint.EditedCode = editedCode;

                var names = new Dictionary<SyntaxNode, bool>();

                // The names of the writes bound again below (null once one cannot be told): their answers are asked again too.
                HashSet<string>? reboundNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var writes in _footprint.WriteOwners)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var tree = writes.Key;
                    if (edited.Contains(tree)) continue;
                    if (!TreeScan.Of(tree, cancellationToken).NamesAny(tree, changedMembers, cancellationToken))
                    {
                        footprint.TookOverWrites(tree, writes.Value);
                        continue;
                    }

                    foreach (var owner in writes.Value.Owners)
                    {
                        var write = owner.Key;
                        var around = write.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m.Parent is BaseTypeDeclarationSyntax or CompilationUnitSyntax or BaseNamespaceDeclarationSyntax) ?? write;
                        if (!names.TryGetValue(around, out var namesChanged))
                            names[around] = namesChanged = around.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && changedMembers.Contains(t.ValueText));
                        if (!namesChanged) footprint.BoundWrite(write, owner.Value);
                        else if (reboundNames is not null && UnchangedAnswers.NameOfTarget(write) is { } rebound) reboundNames.Add(rebound);
                        else reboundNames = null;
                    }
                }

                footprint.AnswersBefore = UnchangedAnswers.After(_footprint, editedPairs, reboundNames, compilation, footprint, cancellationToken);
            }

            /// <summary>The trees of <paramref name="trees"/> (this entry's files, in order) that differ from this entry's.</summary>
            private HashSet<SyntaxTree> EditedTrees(SyntaxTree[] trees)
            {
                var edited = new HashSet<SyntaxTree>();
                for (var i = 0; i < trees.Length; i++)
                {
                    if (!ReferenceEquals(_trees[i], trees[i])) edited.Add(trees[i]);
                }

                return edited;
            }

            /// <summary>
            /// <see cref="BodyEdits.TryFindChangedBodies"/>, asked once per edited tree and request: a carry-over that fails
            /// asks it of the trees that the seeding of the build after it asks again, and for a context declaring a thousand
            /// <c>DbSet</c>s each answer walks the file.
            /// </summary>
            private bool TryFindChangedBodies(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken, out List<TextSpan> changedBefore, out List<TextSpan> changedAfter)
            {
                if (!_changedBodies.TryGetValue(after, out var found))
                    _changedBodies[after] = found = (BodyEdits.TryFindChangedBodies(before, after, cancellationToken, out var bodiesBefore, out var bodiesAfter), bodiesBefore, bodiesAfter);
                changedBefore = found.Before;
                changedAfter = found.After;
                return found.Found;
            }

            private bool SameInputsBesideTrees(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
                ReferenceEquals(_options, options)
                && ReferenceEquals(_compilationOptions, compilation.Options)
                && string.Equals(_assemblyName, compilation.AssemblyName, StringComparison.Ordinal)
                && SameItems(_references, compilation.References);

            private static bool SameItems<T>(T[] expected, IEnumerable<T> actual)
                where T : class
            {
                var index = 0;
                foreach (var item in actual)
                {
                    if (index == expected.Length || !ReferenceEquals(expected[index], item)) return false;
                    index++;
                }

                return index == expected.Length;
            }
        }
    }
}
