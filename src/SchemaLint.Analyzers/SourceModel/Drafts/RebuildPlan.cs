using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Conventions;
using SchemaLint.Analyzers.SourceModel.Declarations;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// Which entity types a model edit must build again, told from the snapshot before's record instead of by building
    /// every one: stage 3's plan for not reading what an edit left alone (bench/ANALYSIS.md, run 31). Made in the order a
    /// reader that skips would make it:
    /// <list type="number">
    /// <item>Before reading (<see cref="Seed"/>): the entity types whose record's inputs the edit can have changed, a
    /// declaration not taken over or a piece of model-building code the record does not say is unreached; with their
    /// neighbours in the record, what a build that skips would know to build before reading anything
    /// (<see cref="StaysWithinCandidates"/>).</item>
    /// <item>Once the pieces the edit reaches are read (<see cref="Reach"/>): the entity types they reach now, the ones new
    /// to the model and the ones gone from it.</item>
    /// <item>To rebuild: those, and every entity type one step from one of them in either snapshot (its base type, owner,
    /// principals, navigation targets, and the entity types naming it), since a draft is made from those too.</item>
    /// <item>Once rebuilt (<see cref="Settle"/>): a rebuilt entity type that differs from its record, or stands elsewhere
    /// among the drafts, may change its neighbours too (a key carried down a chain of identifying relationships), so those
    /// not rebuilt yet are the next round's, until a round changes none. When something model-wide changed (what
    /// <c>ConfigureConventions</c> states, a name given twice) everything is rebuilt.</item>
    /// </list>
    /// Nothing is skipped yet: the whole model is built, and when the test suites ask the plan is made beside it and each
    /// entity type it keeps is checked to have come out as its record, where it stood, and as the record of what reading
    /// and discovery made of it before the conventions (<see cref="EntityDraft.AsRead"/>); each piece of model-building
    /// code a skipping reader would take from the record, to have stated the relationships the record says
    /// (<see cref="CheckUnreachedPieces"/>); each kept one to have been made from the inputs its record says. The schema
    /// is then built again with the kept entity types' drafts and the taken pieces' relationships from the records, as a
    /// skipping build would start its conventions (<see cref="ToBuildAgain"/>), and that build's schema and records are the
    /// extraction's, so that records made from records are checked too (<see cref="CheckEveryPlan"/>). Many-to-many join
    /// entity types are the relationship conventions' and are not planned here.
    /// </summary>
    internal sealed class RebuildPlan
    {
        private readonly EmittedModel _before;
        private readonly HashSet<string> _seeds = new HashSet<string>(StringComparer.Ordinal);

        // The names of the entity types the settled plan rebuilds; null until settled, and when everything is rebuilt.
        private HashSet<string>? _rebuilt;

        // The entity types the plan names before anything is read (Seed): its first seeds and their neighbours in the record.
        private HashSet<string> _candidates = new HashSet<string>(StringComparer.Ordinal);

        // The keys of the pieces a skipping reader would take from the record; null until they are checked.
        private HashSet<object>? _taken;

        private RebuildPlan(EmittedModel before)
        {
            _before = before;
        }

        /// <summary>
        /// Set by the test suites: every extraction that can makes a plan, and an entity type the plan keeps that differs
        /// from its record, or stands elsewhere, fails the extraction, and the schema is built from the records
        /// (<see cref="ToBuildAgain"/>), so that every edit the suites make checks what a skipping reader would rely on.
        /// Until a reader skips by them, plans are made only then: an editor would pay for
        /// a plan nothing reads (about 0.4 MB and a few milliseconds of a 1,000-entity model edit, bench/ANALYSIS.md, run 31).
        /// </summary>
        internal static bool CheckEveryPlan { get; set; }

        /// <summary>How many entity types the plan rebuilds, once settled.</summary>
        public int Rebuilt { get; private set; }

        /// <summary>How many entity types the plan keeps as their records.</summary>
        public int Kept { get; private set; }

        /// <summary>Of those, how many came out of reading as the record of what was read says (checked when it was recorded).</summary>
        public int KeptAsRead { get; private set; }

        /// <summary>
        /// How many pieces of model-building code a skipping reader would take from the record rather than read
        /// (<see cref="CheckUnreachedPieces"/>).
        /// </summary>
        public int PiecesTaken { get; private set; }

        /// <summary>
        /// Of the model built from the record (<see cref="ToBuildAgain"/>), how many entity types it took from the record, and
        /// how many pieces (with the relationships they state), as a build that skips from what it knows before reading would.
        /// </summary>
        public (int EntityTypes, int Pieces) TakenBeforeReading { get; private set; }

        /// <summary>
        /// Whether the settled plan rebuilds, of the entity types the record has, only those it named before anything was
        /// read (<see cref="Seed"/>'s seeds and their neighbours in the record): a build that skips from there on needs no
        /// second start. Entity types new to the model have no record and are built whichever way.
        /// </summary>
        public bool StaysWithinCandidates { get; private set; }

        /// <summary>
        /// How many rounds of building the plan took: 1 when every change stopped inside the entity types it first chose to
        /// rebuild; 0 when the edit changed something model-wide and everything is rebuilt.
        /// </summary>
        public int Rounds { get; private set; }

        /// <summary>
        /// The first step, before any model-building code is read: null when the edit cannot be planned (no snapshot before
        /// to compare file by file, or one that recorded no pieces) or no plan is asked for (<see cref="CheckEveryPlan"/>).
        /// </summary>
        /// <param name="before">The snapshot before's emitted model of the context.</param>
        /// <param name="edited">What the edit changed, when this compilation compares with the snapshot before's file by file.</param>
        /// <param name="declarationHolds">Whether a declaration the record was made from is this snapshot's, taken over.</param>
        public static RebuildPlan? Seed(EmittedModel? before, EditedCode? edited, Func<object, bool> declarationHolds)
        {
            if (!CheckEveryPlan || before?.Pieces is not { } pieces || edited is null) return null;
            var plan = new RebuildPlan(before);

            // Asked once per piece: OnModelCreating reaches every entity type it applies a configuration to.
            var asked = new Dictionary<FluentPiece, bool>();
            Func<FluentPiece, bool> unreached = piece =>
            {
                if (!asked.TryGetValue(piece, out var answer)) asked.Add(piece, answer = pieces.Unreached(piece.Key, edited));
                return answer;
            };
            foreach (var name in before.Names)
            {
                if (!before.Find(name)!.Inputs.StillHold(declarationHolds, unreached)) plan._seeds.Add(name);
            }

            // What a skipping build would know to build before reading anything: those and their neighbours in the record.
            plan._candidates = new HashSet<string>(plan._seeds, StringComparer.Ordinal);
            var neighbours = new List<string>();
            foreach (var name in plan._seeds) AddNeighbours(before.Find(name)!.Draft, before.Find(name)!.NamedBy, neighbours);
            plan._candidates.UnionWith(neighbours);
            return plan;
        }

        /// <summary>
        /// The second step, once the pieces the edit reaches are read: the entity types they reached, those new to the model
        /// or made from a declaration their record was not (a set added), and those no longer in it. Asked once the emitter
        /// has named the owned types (an owned type used once is named after its CLR type), as the records are named.
        /// </summary>
        public void Reach(IReadOnlyList<EntityDraft> entities)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var draft in entities)
            {
                present.Add(draft.Name);
                if (draft.Inputs.ReachedByPieceNotPredictedUnreached || _before.Find(draft.Name) is not { } before || draft.Inputs.HasDeclarationsBeyond(before.Inputs))
                    _seeds.Add(draft.Name);
            }

            foreach (var name in _before.Names)
            {
                if (!present.Contains(name)) _seeds.Add(name);
            }
        }

        /// <summary>
        /// The last steps, as the entity types to rebuild are built (today, once everything is): the rounds it takes, and what
        /// it rebuilds and keeps.
        /// </summary>
        /// <param name="entities">The model's drafts, in order, each naming the drafts that name it (<see cref="EntityDraft.NamedBy"/>).</param>
        /// <param name="comparable">The emitter compared this model with the snapshot before's: nothing model-wide changed.</param>
        /// <param name="differs">
        /// Whether a draft differs from the record of its name, as the emitter's search found (a skipping build would compare
        /// the drafts it rebuilt); asked only when <paramref name="comparable"/>.
        /// </param>
        public void Settle(IReadOnlyList<EntityDraft> entities, bool comparable, Func<EntityDraft, bool> differs)
        {
            if (!comparable) return;
            var byName = new Dictionary<string, (EntityDraft Draft, int Position)>(entities.Count, StringComparer.Ordinal);
            for (var position = 0; position < entities.Count; position++)
            {
                // Names repeat only where the emitter does not compare (comparable is then false).
                byName[entities[position].Name] = (entities[position], position);
            }

            var rebuilt = new HashSet<string>(_seeds, StringComparer.Ordinal);
            var neighbours = new List<string>();
            foreach (var name in _seeds) AddNeighbours(name, byName, neighbours);
            rebuilt.UnionWith(neighbours);

            // A rebuilt entity type that differs may change its neighbours: those not rebuilt yet are the next round's.
            var differing = new Dictionary<string, bool>(StringComparer.Ordinal);
            var round = new List<string>(rebuilt);
            Rounds = 1;
            while (true)
            {
                neighbours.Clear();
                foreach (var name in round)
                {
                    if (!differing.TryGetValue(name, out var changed)) differing[name] = changed = Differs(name, byName, differs);
                    if (changed) AddNeighbours(name, byName, neighbours);
                }

                round.Clear();
                foreach (var neighbour in neighbours)
                {
                    if (rebuilt.Add(neighbour)) round.Add(neighbour);
                }

                if (round.Count == 0) break;
                Rounds++;
            }

            foreach (var name in rebuilt)
            {
                if (byName.ContainsKey(name)) Rebuilt++;
            }

            Kept = entities.Count - Rebuilt;
            _rebuilt = rebuilt;
            StaysWithinCandidates = true;
            foreach (var name in rebuilt)
            {
                if (_before.Find(name) is not null && !_candidates.Contains(name)) StaysWithinCandidates = false;
            }

            if (CheckEveryPlan) CheckKept(entities, rebuilt);
        }

        /// <summary>The draft of <paramref name="name"/> is not its record, stands elsewhere, or is gone.</summary>
        private bool Differs(string name, Dictionary<string, (EntityDraft Draft, int Position)> byName, Func<EntityDraft, bool> differs)
        {
            var before = _before.Find(name);
            if (before is null || !byName.TryGetValue(name, out var now)) return true;
            return before.Position != now.Position || differs(now.Draft);
        }

        /// <summary>The entity types one step from <paramref name="name"/> in either snapshot.</summary>
        private void AddNeighbours(string name, Dictionary<string, (EntityDraft Draft, int Position)> byName, List<string> neighbours)
        {
            if (_before.Find(name) is { } before) AddNeighbours(before.Draft, before.NamedBy, neighbours);
            if (byName.TryGetValue(name, out var now)) AddNeighbours(now.Draft, now.Draft.NamedBy, neighbours);
        }

        private static void AddNeighbours(EntityDraft draft, List<string>? namedBy, List<string> neighbours)
        {
            if (draft.BaseType is not null) neighbours.Add(draft.BaseType.Name);
            if (draft.Owner is not null) neighbours.Add(draft.Owner.Name);
            foreach (var foreignKey in draft.ForeignKeys) neighbours.Add(foreignKey.PrincipalEntityName);
            foreach (var navigation in draft.Navigations) neighbours.Add(navigation.Target.Name);
            if (namedBy is not null) neighbours.AddRange(namedBy);
        }

        /// <summary>
        /// Every piece of model-building code a skipping reader would not read again stated the very relationships it stated
        /// in the snapshot before, as read (<see cref="ModelDraft.RelationshipsAsRead"/>), so that they can be taken from the
        /// record. Such a piece is one the record says the edit cannot reach and all of whose entity types, in either
        /// snapshot, the plan keeps: what a piece states also depends on the declarations of the entity types it configures
        /// (<c>HasOne(i =&gt; i.Type)</c> relates to the member's type, whose renaming no code the piece read shows), and
        /// those are rebuilt, with the pieces reaching them, when they change.
        /// </summary>
        public void CheckUnreachedPieces(IReadOnlyList<EntityDraft> entities, FluentPieces pieces, IReadOnlyList<RelationshipDraft> stated)
        {
            if (_rebuilt is not { } rebuilt || _before.RelationshipsAsRead is not { } recorded) return;
            var rebuilds = new HashSet<object>();
            foreach (var draft in entities)
            {
                if (!rebuilt.Contains(draft.Name)) continue;
                foreach (var key in draft.Inputs.PieceKeys) rebuilds.Add(key);
            }

            foreach (var name in _before.Names)
            {
                if (!rebuilt.Contains(name)) continue;
                foreach (var key in _before.Find(name)!.Inputs.PieceKeys) rebuilds.Add(key);
            }

            var now = new Dictionary<object, List<RelationshipDraft>>();
            foreach (var relationship in stated)
            {
                if (relationship.Piece is not { } piece) continue;
                if (!now.TryGetValue(piece.Key, out var list)) now.Add(piece.Key, list = new List<RelationshipDraft>(1));
                list.Add(relationship);
            }

            var none = new List<RelationshipDraft>();
            _taken = new HashSet<object>();
            foreach (var piece in pieces.All)
            {
                if (!piece.PredictedUnreached || rebuilds.Contains(piece.Key)) continue;
                PiecesTaken++;
                _taken.Add(piece.Key);
                var statedNow = now.TryGetValue(piece.Key, out var list) ? list : none;
                var statedBefore = recorded.TryGetValue(piece.Key, out var before) ? before : none;
                if (statedNow.Count != statedBefore.Count)
                    throw new InvalidOperationException($"The piece {piece}, which a skipping reader would take from the record, stated {statedNow.Count} relationships against {statedBefore.Count}.");
                for (var i = 0; i < statedNow.Count; i++)
                {
                    if (!EmitInputs.Same(statedNow[i], statedBefore[i]))
                        throw new InvalidOperationException($"The piece {piece}, which a skipping reader would take from the record, stated a relationship of {statedNow[i].Source.Name} differently.");
                }
            }
        }

        /// <summary>
        /// The model a skipping build would run its conventions over, from what it knows before reading: each entity type of
        /// the record the plan did not name before reading (<see cref="StaysWithinCandidates"/>) as the record of what
        /// reading made of it (<see cref="EmittedModel.Emitted.ReadDraft"/>), every other one as read in this snapshot
        /// (<see cref="EntityDraft.AsRead"/>), in the order read, and the Fluent relationships of the pieces taken from the
        /// record (checked unreached, reaching in the record none of the entity types named before reading) as recorded,
        /// the others as read; every link to another draft made to the model's draft of that name. Null when such a build
        /// would start again (the settled plan rebuilt beyond what it named before reading), would take nothing from the
        /// record, or something it would take was not recorded. The test suites build the schema from it in place of the
        /// drafts read (<see cref="CheckEveryPlan"/>), so that every edit they make checks that the records and this
        /// snapshot's drafts make the model a fresh extraction makes; a skipping build would make only the drafts it reads.
        /// </summary>
        public ModelDraft? ToBuildAgain(ModelDraft read)
        {
            if (_rebuilt is null || !StaysWithinCandidates || _taken is not { } taken || read.RelationshipsAsRead is not { } statedNow) return null;
            var entities = read.Entities;
            var fromRecord = new HashSet<string>(StringComparer.Ordinal);
            foreach (var draft in entities)
            {
                if (!_candidates.Contains(draft.Name) && _before.Find(draft.Name) is not null) fromRecord.Add(draft.Name);
            }

            if (fromRecord.Count == 0) return null;
            var reachingCandidates = new HashSet<object>();
            foreach (var name in _candidates)
            {
                if (_before.Find(name) is not { } candidate) continue;
                foreach (var key in candidate.Inputs.PieceKeys) reachingCandidates.Add(key);
            }

            var made = new List<(EntityDraft Draft, INamedTypeSymbol Symbol)>(entities.Count);
            var byName = new Dictionary<string, EntityDraft>(entities.Count, StringComparer.Ordinal);
            foreach (var draft in entities)
            {
                var asRead = fromRecord.Contains(draft.Name) ? _before.Find(draft.Name)!.ReadDraft : draft.AsRead;
                if (asRead is null) return null;

                // Made from what this snapshot read for it: the plan checked a kept one's inputs to be its record's.
                var copy = asRead.ToBuildAgain(draft.Inputs);
                copy.Name = draft.Name;
                made.Add((copy, read.SymbolOf(draft)));
                byName.Add(draft.Name, copy);
            }

            EntityDraft Linked(EntityDraft linked) => byName.TryGetValue(linked.Name, out var draft)
                ? draft
                : throw new InvalidOperationException($"A draft taken to build again names {linked.Name}, which is not in the model.");
            foreach (var (draft, _) in made) draft.LinkTo(Linked);

            // A relationship may name a draft no longer in the model (the conventions then drop it): it keeps naming one outside.
            EntityDraft End(EntityDraft end) => byName.TryGetValue(end.Name, out var draft) ? draft : end;
            var relationships = new List<RelationshipDraft>(statedNow.Count);
            var takenSoFar = new Dictionary<object, int>();
            foreach (var relationship in statedNow)
            {
                if (relationship.Piece is { } piece && taken.Contains(piece.Key) && !reachingCandidates.Contains(piece.Key))
                {
                    takenSoFar.TryGetValue(piece.Key, out var index);
                    takenSoFar[piece.Key] = index + 1;
                    relationships.Add(_before.RelationshipsAsRead![piece.Key][index].ToBuildAgain(piece, End));
                }
                else
                {
                    relationships.Add(relationship.ToBuildAgain(relationship.Piece, End));
                }
            }

            var piecesTaken = 0;
            foreach (var key in taken)
            {
                if (!reachingCandidates.Contains(key)) piecesTaken++;
            }

            TakenBeforeReading = (fromRecord.Count, piecesTaken);
            return read.With(made, relationships);
        }

        private void CheckKept(IReadOnlyList<EntityDraft> entities, HashSet<string> rebuilt)
        {
            for (var position = 0; position < entities.Count; position++)
            {
                var draft = entities[position];
                if (rebuilt.Contains(draft.Name)) continue;
                var before = _before.Find(draft.Name);
                if (before is null || before.Position != position || !EmitInputs.Same(draft, before.Draft))
                    throw new InvalidOperationException($"The rebuild plan kept {draft.Name}, which differs from the snapshot before's record.");
                if (!draft.Inputs.SameAs(before.Inputs))
                    throw new InvalidOperationException($"The rebuild plan kept {draft.Name}, which was made from other declarations or pieces than its record says.");

                // What a skipping build would take from the record in place of reading it: conventions then run over it.
                if (before.ReadDraft is not { } read || draft.AsRead is not { } now) continue;
                if (!EmitInputs.Same(now, read))
                    throw new InvalidOperationException($"The rebuild plan kept {draft.Name}, which reading made differently from the snapshot before's record of what it read.");
                KeptAsRead++;
            }
        }
    }
}

