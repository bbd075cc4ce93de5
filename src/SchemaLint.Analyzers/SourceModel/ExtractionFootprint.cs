using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>
    /// What one extraction depended on beyond declarations: how far into each syntax tree it read code or pointed a location,
    /// the member and context names it asked the code scan about, and the type each member write it bound belongs to (by
    /// identity, never the symbol). A later snapshot that differs only beyond this footprint, by edits inside method
    /// bodies that say the same about those names, has the same schema (<see cref="Schema.SchemaCache"/> carries it over
    /// instead of extracting again).
    /// </summary>
    /// <remarks>
    /// Locations and method bodies are reached from static helpers all over the reader; rather than thread a recorder through
    /// each of them, the extraction that wants a footprint opens a recording scope on its thread (the reader runs on the
    /// thread that called it), and the helpers report to whatever scope is open. Outside a scope nothing is recorded.
    /// </remarks>
    internal sealed class ExtractionFootprint
    {
        [ThreadStatic]
        private static ExtractionFootprint? s_recording;

        // The tree the recording thread touched last and a reach already recorded for it: most touches follow one another
        // in one tree and do not extend its reach, and each took the footprint's lock and a lookup by tree (about a tenth of
        // placing a location, bench/ANALYSIS.md, run 28). Reaches only grow, so a reach once recorded stays a lower bound.
        // A new recording scope starts without it.
        [ThreadStatic]
        private static SyntaxTree? s_lastTouched;

        [ThreadStatic]
        private static int s_lastReach;

        /// <summary>What the extraction read of each type's declarations; the next snapshot takes over what its edits leave valid.</summary>
        public Declarations.TypeFactsStore TypeFacts { get; }

        private readonly object _gate = new object();

        /// <summary>
        /// Per tree the reader read code in or placed a location in, how far into it: the end of the furthest member it read or
        /// span it pointed at. Text after that point is neither read nor pointed into, and a change there moves nothing before it.
        /// </summary>
        private readonly Dictionary<SyntaxTree, int> _reach;
        /// <summary>
        /// Per question the code scan answered, the answer and the model properties it went into (IsAssignedByCode or
        /// IsUpdatedByCode, as the question asks): an edit that changes only answers changes only these. One record per
        /// question, sized from the snapshot before: a model asks about 24,000 questions at 1,000 entities, and the four
        /// growing tables this replaced were a sixth of what a model edit allocated.
        /// </summary>
        private readonly Dictionary<CodeQuestion, AnsweredQuestion> _answers;

        /// <summary>
        /// The questions of <see cref="_answers"/> by member name: an edit asks again about the few members it touches, and must
        /// not walk every question the model asked (about 100,000 at 5,000 entities) to find them. A patch finds the
        /// questions that fed a property here too, since a property's answers are asked by its name.
        /// </summary>
        private readonly Dictionary<string, List<CodeQuestion>> _questionsByMember = new Dictionary<string, List<CodeQuestion>>(StringComparer.Ordinal);
        private readonly HashSet<string> _contexts = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Per tree, its bound write targets with the identity of the type whose member each writes: an edit replaces one
        /// tree's, and the next snapshot takes over the tables of the trees an edit cannot have changed, without walking their
        /// writes.
        /// </summary>
        private readonly Dictionary<SyntaxTree, TreeWriteOwners> _writeOwners;

        /// <summary>
        /// Per entity type the code scan was asked about (by metadata name), the identities of the types whose members are its
        /// own. They follow from declarations alone, so a snapshot whose edits stay inside bodies can answer again without
        /// binding every entity type's base list on the new compilation (at 1,000 entities, most of what asking again cost).
        /// </summary>
        private readonly Dictionary<string, HashSet<string>> _ownTypes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        /// <summary>What the emitter made of each context (by name; null for a name two contexts share), for the next snapshot's.</summary>
        private readonly Dictionary<string, Conventions.EmittedModel?> _emitted = new Dictionary<string, Conventions.EmittedModel?>(StringComparer.Ordinal);

        /// <summary>
        /// The trees of this snapshot that the snapshot before did not have, when the two can be compared file by file (the
        /// same files, declarations changed only in members): what the emitter asks to find the drafts an edit can have
        /// changed. Null when they cannot, and then every draft is compared with the one before.
        /// </summary>
        public HashSet<SyntaxTree>? EditedTrees { get; set; }

        /// <summary>
        /// What the edit changed, when this snapshot compares file by file with the snapshot before (null with
        /// <see cref="EditedTrees"/>): a piece of model-building code that read none of it when it was last recorded cannot
        /// read edited code now (<see cref="Drafts.FluentPieces"/>).
        /// </summary>
        public Declarations.EditedCode? EditedCode { get; set; }

        /// <summary>
        /// Whether the extraction records the pieces of model-building code it reads, with the trees each read, for the next
        /// snapshot to tell before reading which pieces its edit reaches. Set for every extraction but a project's first: a
        /// build extracts once, and pays nothing for a record no snapshot would read.
        /// </summary>
        public bool RecordsPieces { get; set; }

        /// <summary>The snapshot before's <see cref="_emitted"/>, until this extraction has emitted its models.</summary>
        private Dictionary<string, Conventions.EmittedModel?>? _emittedBefore;

        /// <summary>
        /// Every tree's code scan merged, as this extraction's code scan made it (<see cref="MergedTreeScans"/>): the next
        /// snapshot's is made from it. Carried on with the footprint when an edit stays inside bodies; it names its own
        /// trees, so a later snapshot patches it for every file edited since.
        /// </summary>
        public MergedTreeScans? MergedScans { get; set; }

        /// <summary>
        /// The code scan's answers of the snapshot before that this extraction's model edit cannot have changed (null when it
        /// cannot tell, or there is no snapshot before); set by the seeding, and dropped as soon as the extraction ends
        /// (<see cref="Schema.SchemaCache"/>): it holds the snapshot before's footprint, which this one must not keep alive.
        /// </summary>
        public UnchangedAnswers? AnswersBefore { get; set; }

        /// <summary>The snapshot before's <see cref="MergedScans"/>, until this extraction's code scan takes it.</summary>
        private MergedTreeScans? _mergedScansBefore;

        private int _answersTakenOver;

        public ExtractionFootprint()
            : this(sizedAfter: null)
        {
        }

        /// <param name="sizedAfter">
        /// The footprint of the snapshot before, whose extraction asked about as many questions and whose write bindings
        /// the next one mostly takes over: the tables start at its sizes instead of growing to them. What it emitted is
        /// offered to this extraction's emitter (<see cref="EmittedBefore"/>).
        /// </param>
        public ExtractionFootprint(ExtractionFootprint? sizedAfter)
        {
            int questions = 0, trees = 0, reached = 0, types = 0;
            Dictionary<string, Conventions.EmittedModel?>? emittedBefore = null;
            if (sizedAfter is not null)
            {
                lock (sizedAfter._gate)
                {
                    questions = sizedAfter._answers.Count;
                    trees = sizedAfter._writeOwners.Count;
                    reached = sizedAfter._reach.Count;
                    emittedBefore = sizedAfter._emitted;
                }

                types = sizedAfter.TypeFacts.Count;
            }

            _emittedBefore = emittedBefore;
            _mergedScansBefore = sizedAfter?.MergedScans;
            _answers = new Dictionary<CodeQuestion, AnsweredQuestion>(questions);
            _writeOwners = new Dictionary<SyntaxTree, TreeWriteOwners>(trees);
            _reach = new Dictionary<SyntaxTree, int>(reached);
            TypeFacts = new Declarations.TypeFactsStore(types);
        }

        /// <summary>The footprint being recorded on this thread, or null.</summary>
        public static ExtractionFootprint? Recording => s_recording;

        /// <summary>Records what the calling thread's extraction reads into <paramref name="footprint"/> until disposed.</summary>
        public static IDisposable Record(ExtractionFootprint footprint) => new Scope(footprint);

        /// <summary>
        /// The reader read the code at <paramref name="span"/> of <paramref name="tree"/> (a member whose body it follows, a
        /// node it binds) or placed a location there.
        /// </summary>
        public static void Touch(SyntaxTree? tree, TextSpan span)
        {
            var recording = s_recording;
            if (recording is null || tree is null) return;
            if (ReferenceEquals(s_lastTouched, tree) && span.End <= s_lastReach) return;
            lock (recording._gate)
            {
                if (!recording._reach.TryGetValue(tree, out var reach) || reach < span.End) recording._reach[tree] = reach = span.End;
                s_lastTouched = tree;
                s_lastReach = reach;
            }
        }

        /// <summary>The reader read something of the whole tree (its directives, say): any change to it matters.</summary>
        public static void TouchWhole(SyntaxTree? tree) => Touch(tree, new TextSpan(0, int.MaxValue));

        /// <returns>The recorded answer, through which <see cref="Feed"/> adds a property it went into without looking the question up again.</returns>
        public AnsweredQuestion Answered(CodeQuestion question, Fact<bool> answer)
        {
            lock (_gate)
            {
                if (_answers.TryGetValue(question, out var answered))
                {
                    answered.Answer = answer;
                }
                else
                {
                    if (!_questionsByMember.TryGetValue(question.Member, out var questions)) _questionsByMember[question.Member] = questions = new List<CodeQuestion>();
                    questions.Add(question);
                    _answers[question] = answered = new AnsweredQuestion(answer);
                }

                return answered;
            }
        }

        /// <summary>How many answers this extraction took from the snapshot before instead of asking (a test seam).</summary>
        public int AnswersTakenOver => Volatile.Read(ref _answersTakenOver);

        public void TookOverAnswer() => Interlocked.Increment(ref _answersTakenOver);

        /// <summary>The answer recorded for <paramref name="question"/>; false when the extraction never asked it.</summary>
        public bool TryGetAnswer(CodeQuestion question, out Fact<bool> answer)
        {
            lock (_gate)
            {
                if (_answers.TryGetValue(question, out var answered))
                {
                    answer = answered.Answer;
                    return true;
                }
            }

            answer = default;
            return false;
        }

        /// <summary>Records that the answer <see cref="Answered"/> recorded went into <paramref name="into"/>.</summary>
        public void Feed(AnsweredQuestion answered, PropertyModel into)
        {
            lock (_gate) answered.Feed(into);
        }

        /// <summary>The model properties the answer to <paramref name="question"/> went into (empty when none was recorded).</summary>
        public IReadOnlyList<PropertyModel> PropertiesFedBy(CodeQuestion question)
        {
            lock (_gate) return _answers.TryGetValue(question, out var answered) ? answered.Fed() : Array.Empty<PropertyModel>();
        }

        /// <summary>
        /// Makes this the footprint of a model in which the keys of <paramref name="replaced"/> were replaced by their values
        /// (in place: see <see cref="ReplaceTree"/>). Callers get copies of the fed properties, so none sees them change.
        /// </summary>
        public void ReplaceProperties(IReadOnlyDictionary<PropertyModel, PropertyModel> replaced)
        {
            lock (_gate)
            {
                foreach (var replacement in replaced)
                {
                    if (!_questionsByMember.TryGetValue(replacement.Key.Name, out var questions)) continue;
                    foreach (var question in questions) _answers[question].Replace(replacement.Key, replacement.Value);
                }
            }
        }

        public void OwnTypesOf(string entityMetadataName, HashSet<string> ownTypes)
        {
            lock (_gate) _ownTypes[entityMetadataName] = ownTypes;
        }

        /// <summary>The own types recorded for an entity type; false when the extraction never asked about it by type.</summary>
        public bool TryGetOwnTypes(string entityMetadataName, out HashSet<string> ownTypes)
        {
            lock (_gate) return _ownTypes.TryGetValue(entityMetadataName, out ownTypes!);
        }

        public void AskedAboutContext(string name)
        {
            lock (_gate) _contexts.Add(name);
        }

        public void BoundWrite(SyntaxNode target, string? owner)
        {
            lock (_gate) WritableOwnersOf(target.SyntaxTree).Set(target, owner);
        }

        /// <summary>
        /// Takes over the snapshot before's bound writes of <paramref name="tree"/>, a tree the edit left alone in which
        /// nothing names a member the edit changed: each binds as before.
        /// </summary>
        public void TookOverWrites(SyntaxTree tree, TreeWriteOwners writes)
        {
            lock (_gate)
            {
                if (!_writeOwners.ContainsKey(tree))
                {
                    _writeOwners[tree] = writes.Shared();
                    return;
                }

                // Bound here already: what this snapshot bound stands, and the rest are added.
                var owners = WritableOwnersOf(tree);
                foreach (var write in writes.Owners)
                {
                    if (!owners.TryGet(write.Key, out _)) owners.Set(write.Key, write.Value);
                }
            }
        }

        /// <summary>The tree's table, this footprint's own to write to (under the gate).</summary>
        private TreeWriteOwners WritableOwnersOf(SyntaxTree tree)
        {
            if (!_writeOwners.TryGetValue(tree, out var owners)) _writeOwners[tree] = owners = new TreeWriteOwners();
            else if (owners.IsShared) _writeOwners[tree] = owners = owners.Copy();
            return owners;
        }

        /// <summary>The owner the extraction bound the write to; false when it never bound it.</summary>
        public bool TryGetWriteOwner(SyntaxNode target, out string? owner)
        {
            lock (_gate)
            {
                if (_writeOwners.TryGetValue(target.SyntaxTree, out var owners)) return owners.TryGet(target, out owner);
                owner = null;
                return false;
            }
        }

        /// <summary>
        /// Makes this the footprint of the snapshot after an edit of <paramref name="before"/> into <paramref name="after"/>
        /// past everything the extraction read or pointed at there: the same names and reach, the reach now in the new tree,
        /// and the write owners of the old tree replaced by those of the new one. In place, because copying the footprint
        /// made every keystroke cost in proportion to the model: the cache's entry for the snapshot before gives its
        /// footprint up first (<see cref="Schema.SchemaCache"/>), so no other snapshot reads it afterwards.
        /// </summary>
        /// <param name="firstChange">Where in <paramref name="before"/> the edit's first change lies (all of them inside bodies).</param>
        public void ReplaceTree(SyntaxTree before, SyntaxTree after, int firstChange, IReadOnlyDictionary<SyntaxNode, string?> afterOwners)
        {
            lock (_gate)
            {
                // The pieces recorded, for the next extraction to tell before reading which its edit reaches.
                foreach (var emitted in _emitted.Values) emitted?.ReplaceTree(before, after, firstChange);

                // The edit lies past the reach (the caller checked), so the text within it is the same in the new tree.
                if (_reach.TryGetValue(before, out var reach))
                {
                    _reach.Remove(before);
                    _reach[after] = reach;
                }

                _writeOwners.Remove(before);
            }

            foreach (var owner in afterOwners) BoundWrite(owner.Key, owner.Value);
        }

        /// <summary>The snapshot before's merge of the trees' code scans, once: holding it longer would keep its trees alive.</summary>
        public MergedTreeScans? TakeMergedScansBefore()
        {
            lock (_gate)
            {
                var before = _mergedScansBefore;
                _mergedScansBefore = null;
                return before;
            }
        }

        /// <summary>What the snapshot before's extraction emitted for the context, when it had one of that name.</summary>
        public Conventions.EmittedModel? EmittedBefore(string context)
        {
            lock (_gate) return _emittedBefore is not null && _emittedBefore.TryGetValue(context, out var emitted) ? emitted : null;
        }

        public void Emitted(string context, Conventions.EmittedModel emitted)
        {
            lock (_gate) _emitted[context] = _emitted.ContainsKey(context) ? null : emitted;
        }

        /// <summary>How many entity types the extraction's emitter kept from the snapshot before (a test seam).</summary>
        public int EntityTypesKept
        {
            get
            {
                lock (_gate) return _emitted.Values.Sum(emitted => emitted?.Kept ?? 0);
            }
        }

        /// <summary>How many pieces of model-building code the extraction read, when it recorded them (a test seam).</summary>
        public int PiecesRead
        {
            get
            {
                lock (_gate) return _emitted.Values.Sum(emitted => emitted?.Pieces?.Count ?? 0);
            }
        }

        /// <summary>How many pieces the extraction read with a record of the snapshot before to ask (a test seam).</summary>
        public int PiecesWithRecord
        {
            get
            {
                lock (_gate) return _emitted.Values.Sum(emitted => emitted?.PiecesWithRecord ?? 0);
            }
        }

        /// <summary>How many of the pieces read the snapshot before's record said the edit cannot reach (a test seam).</summary>
        public int PiecesPredictedUnreached
        {
            get
            {
                lock (_gate) return _emitted.Values.Sum(emitted => emitted?.PiecesPredictedUnreached ?? 0);
            }
        }

        /// <summary>
        /// Of the extraction's models, how many it made a rebuild plan for, how many of those it could compare with the
        /// snapshot before (nothing model-wide changed) and how many of those took one round; over the compared ones, how many
        /// entity types the plans keep as their records and how many they rebuild, and what a skipping reader would take
        /// from the record (a test seam).
        /// </summary>
        public RebuildPlans Plans
        {
            get
            {
                lock (_gate)
                {
                    var plans = new RebuildPlans();
                    foreach (var emitted in _emitted.Values)
                    {
                        if (emitted is not { Planned: true }) continue;
                        plans.Made++;
                        if (emitted.PlanRounds == 0) continue;
                        plans.Compared++;
                        if (emitted.PlanRounds == 1) plans.OneRound++;
                        plans.Kept += emitted.PlanKept;
                        plans.Rebuilt += emitted.PlanRebuilt;
                        plans.KeptAsRead += emitted.PlanKeptAsRead;
                        plans.PiecesTaken += emitted.PlanPiecesTaken;
                        if (emitted.PlanBuiltFromRecord) plans.BuiltFromRecord++;
                        plans.EntityTypesFromRecord += emitted.PlanTakenBeforeReading.EntityTypes;
                        plans.PiecesFromRecord += emitted.PlanTakenBeforeReading.Pieces;
                        if (emitted.PlanStayedWithinCandidates) plans.WithinCandidates++;
                    }

                    return plans;
                }
            }
        }

        /// <summary>How many drafts the extraction's emitter compared with the snapshot before's (a test seam).</summary>
        public int EntityTypesCompared
        {
            get
            {
                lock (_gate) return _emitted.Values.Sum(emitted => emitted?.Compared ?? 0);
            }
        }

        /// <summary>The extraction has emitted every model: the snapshot before's drafts need not be kept any longer.</summary>
        public void ForgetEmittedBefore()
        {
            lock (_gate) _emittedBefore = null;
        }

        /// <summary>How far into <paramref name="tree"/> the reader read or pointed (see <see cref="Touch"/>); -1 when not at all.</summary>
        public int ReachIn(SyntaxTree tree)
        {
            lock (_gate) return _reach.TryGetValue(tree, out var reach) ? reach : -1;
        }

        /// <summary>Whether the extraction asked the code scan about a member of that name.</summary>
        public bool AskedAbout(string member)
        {
            lock (_gate) return _questionsByMember.ContainsKey(member);
        }

        /// <summary>The questions the extraction asked the code scan about these members, with the answers it got.</summary>
        public IReadOnlyList<KeyValuePair<CodeQuestion, Fact<bool>>> AnswersAbout(IEnumerable<string> members)
        {
            var answers = new List<KeyValuePair<CodeQuestion, Fact<bool>>>();
            lock (_gate)
            {
                foreach (var member in members)
                {
                    if (!_questionsByMember.TryGetValue(member, out var questions)) continue;
                    foreach (var question in questions) answers.Add(new KeyValuePair<CodeQuestion, Fact<bool>>(question, _answers[question].Answer));
                }
            }

            return answers;
        }

        /// <summary>The write owners the extraction bound, by tree, to seed a later snapshot's code scan.</summary>
        public IReadOnlyList<KeyValuePair<SyntaxTree, TreeWriteOwners>> WriteOwners
        {
            get { lock (_gate) return new List<KeyValuePair<SyntaxTree, TreeWriteOwners>>(_writeOwners); }
        }

        public int WriteOwnerCount
        {
            get
            {
                lock (_gate)
                {
                    var count = 0;
                    foreach (var owners in _writeOwners.Values) count += owners.Count;
                    return count;
                }
            }
        }

        public IReadOnlyCollection<string> Contexts
        {
            get { lock (_gate) return new List<string>(_contexts); }
        }

        /// <summary>
        /// One question's answer and the properties it went into: nearly always one, so the first is kept apart. Read and
        /// written under the footprint's lock only; outside it, a handle for <see cref="Feed"/>.
        /// </summary>
        internal sealed class AnsweredQuestion
        {
            private PropertyModel? _first;
            private List<PropertyModel>? _more;

            public AnsweredQuestion(Fact<bool> answer)
            {
                Answer = answer;
            }

            public Fact<bool> Answer { get; set; }

            public void Feed(PropertyModel property)
            {
                if (_first is null) _first = property;
                else (_more ??= new List<PropertyModel>()).Add(property);
            }

            public IReadOnlyList<PropertyModel> Fed()
            {
                if (_first is null) return Array.Empty<PropertyModel>();
                var fed = new List<PropertyModel>(1 + (_more?.Count ?? 0)) { _first };
                if (_more is not null) fed.AddRange(_more);
                return fed;
            }

            public void Replace(PropertyModel before, PropertyModel after)
            {
                if (ReferenceEquals(_first, before)) _first = after;
                if (_more is null) return;
                for (var i = 0; i < _more.Count; i++)
                {
                    if (ReferenceEquals(_more[i], before)) _more[i] = after;
                }
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly ExtractionFootprint? _previous;
            private bool _disposed;

            public Scope(ExtractionFootprint footprint)
            {
                _previous = s_recording;
                s_recording = footprint;
                s_lastTouched = null;
            }

            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                s_recording = _previous;
                s_lastTouched = null;
            }
        }
    }

    /// <summary>What an extraction's rebuild plans say (<see cref="ExtractionFootprint.Plans"/>; a test seam).</summary>
    internal struct RebuildPlans
    {
        public int Made;
        public int Compared;
        public int OneRound;
        public int Kept;
        public int Rebuilt;

        /// <summary>Kept entity types checked against the record of what was read before the conventions.</summary>
        public int KeptAsRead;

        /// <summary>Pieces of model-building code a skipping reader would take from the record.</summary>
        public int PiecesTaken;

        /// <summary>Models built with the kept entity types' drafts and the taken pieces' relationships from the record.</summary>
        public int BuiltFromRecord;

        /// <summary>In those, the entity types and the pieces (with the relationships they state) taken from the record.</summary>
        public int EntityTypesFromRecord;

        public int PiecesFromRecord;

        /// <summary>Compared plans that rebuilt, of the entity types the record has, only those named before reading.</summary>
        public int WithinCandidates;
    }
}
