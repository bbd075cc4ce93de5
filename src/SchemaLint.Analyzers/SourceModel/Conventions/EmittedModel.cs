using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Conventions
{
    /// <summary>
    /// What the emitter made of one context's drafts in one snapshot: each entity type's model beside a record of the draft
    /// it came from, and the model-wide settings the emitter read. The next snapshot's emitter keeps an entity type's model
    /// when the drafts it reads and the code scan's answers about it are the same (<see cref="SchemaEmitter"/>). Drafts hold
    /// data only (no symbol, no compilation), so a snapshot may keep the record of the one before it.
    /// </summary>
    /// <remarks>
    /// A kept entity type keeps its record from before, and a record names other drafts by stand-ins
    /// (<see cref="EntityDraft.Recorded"/>): so the drafts a model edit makes for the entity types it left alone die with the
    /// edit, instead of living until the next and being copied by the collections in between (bench/ANALYSIS.md, run 19).
    /// </remarks>
    internal sealed class EmittedModel
    {
        private readonly Dictionary<string, Emitted> _byName;
        private readonly Dictionary<string, (JoinEntity Join, EntityTypeModel Entity)> _joins = new Dictionary<string, (JoinEntity, EntityTypeModel)>(StringComparer.Ordinal);

        public EmittedModel(ModelDraft draft)
        {
            _byName = new Dictionary<string, Emitted>(draft.Entities.Count, StringComparer.Ordinal);
            Settings = new ModelSettings(draft);
            Inputs = new ModelInputs(draft);
        }

        public ModelSettings Settings { get; }

        /// <summary>The model-wide facts a draft can depend on besides its own inputs: one differing means every draft is compared.</summary>
        public ModelInputs Inputs { get; }

        /// <summary>How many drafts the emitter compared with the snapshot before's (a test seam).</summary>
        public int Compared { get; set; }

        /// <summary>The names of every entity type this model emitted (join entity types aside).</summary>
        public IEnumerable<string> Names => _byName.Keys;

        /// <summary>How many entity types (join entity types aside) the emitter made a model of.</summary>
        public int Count => _byName.Count;

        /// <summary>How many entity types the emitter kept from the snapshot before rather than emitted (a test seam).</summary>
        public int Kept { get; private set; }

        /// <summary>
        /// The pieces of model-building code the extraction read for this context, with the trees each read, when it
        /// recorded them (every extraction but a project's first): the next snapshot's reader tells from them which pieces
        /// its edit can reach.
        /// </summary>
        public FluentPieces? Pieces { get; set; }

        /// <summary>How many of those pieces the snapshot before's record said the edit cannot reach (a test seam).</summary>
        public int PiecesPredictedUnreached { get; set; }

        /// <summary>How many pieces were read with a record of the snapshot before to ask (a test seam).</summary>
        public int PiecesWithRecord { get; set; }

        /// <summary>The extraction made a rebuild plan from the snapshot before's record (<see cref="RebuildPlan"/>; a test seam).</summary>
        public bool Planned { get; set; }

        /// <summary>The plan's rounds of building (<see cref="RebuildPlan.Rounds"/>; a test seam).</summary>
        public int PlanRounds { get; set; }

        /// <summary>How many entity types the plan keeps as their records, and how many it rebuilds (a test seam).</summary>
        public int PlanKept { get; set; }

        public int PlanRebuilt { get; set; }

        /// <summary>Of the kept, how many were checked against the record of what was read (<see cref="RebuildPlan.KeptAsRead"/>; a test seam).</summary>
        public int PlanKeptAsRead { get; set; }

        /// <summary>How many pieces a skipping reader would take from the record (<see cref="RebuildPlan.PiecesTaken"/>; a test seam).</summary>
        public int PlanPiecesTaken { get; set; }

        /// <summary>The model was built from the plan's drafts, the kept ones taken from the record (<see cref="RebuildPlan.ToBuildAgain"/>).</summary>
        public bool PlanBuiltFromRecord { get; set; }

        /// <summary>What that build took from the record (<see cref="RebuildPlan.TakenBeforeReading"/>; a test seam).</summary>
        public (int EntityTypes, int Pieces) PlanTakenBeforeReading { get; set; }

        /// <summary>The settled plan rebuilt only what it named before reading (<see cref="RebuildPlan.StaysWithinCandidates"/>; a test seam).</summary>
        public bool PlanStayedWithinCandidates { get; set; }

        /// <param name="kept">The snapshot before's entity type, when its model is kept: its record of the draft is kept with it.</param>
        /// <param name="position">Where the draft stands among the model's drafts.</param>
        public void Add(EntityDraft draft, int position, EntityTypeModel entity, bool hasDerivedTypes, Emitted? kept)
        {
            if (kept is not null) Kept++;

            // Names are unique: the model the emitter adds the entity type to refuses a second of one name. A kept entity
            // type keeps the record of its draft, and takes this snapshot's inputs and names, which the next snapshot reads.
            _byName.Add(draft.Name, new Emitted(kept?.Draft ?? draft.Recorded(StandIn), entity, hasDerivedTypes, draft.Inputs, draft.NamedBy, position)
            {
                ReadDraft = draft.RecordedAsRead(StandIn),
            });
        }

        /// <summary>A draft with the name and type of <paramref name="draft"/> and nothing else, one per name.</summary>
        private EntityDraft StandIn(EntityDraft draft)
        {
            _standIns ??= new Dictionary<string, EntityDraft>(StringComparer.Ordinal);
            if (!_standIns.TryGetValue(draft.Name, out var standIn)) _standIns.Add(draft.Name, standIn = new EntityDraft(draft.Name, draft.Type));
            return standIn;
        }

        private Dictionary<string, EntityDraft>? _standIns;

        /// <summary>
        /// The Fluent relationships each piece of model-building code stated, by the piece's key, as read before the
        /// conventions settled them (<see cref="ModelDraft.RelationshipsAsRead"/>); null unless plans are checked.
        /// </summary>
        public Dictionary<object, List<RelationshipDraft>>? RelationshipsAsRead { get; private set; }

        /// <summary>
        /// Takes the record of the pieces over to the tree an edit carried over without an extraction made
        /// (<see cref="FluentPieces.ReplaceTree"/>), the relationships they stated with them.
        /// </summary>
        public void ReplaceTree(SyntaxTree before, SyntaxTree after, int firstChange)
        {
            if (Pieces?.ReplaceTree(before, after, firstChange) is not { } rekeyed || RelationshipsAsRead is not { } stated) return;
            foreach (var (was, now) in rekeyed)
            {
                if (!stated.TryGetValue(was, out var relationships)) continue;
                stated.Remove(was);
                stated[now] = relationships;
            }
        }

        /// <summary>Records the relationships as read, once the emitter has named the drafts their ends are.</summary>
        public void RecordRelationshipsAsRead(IReadOnlyList<RelationshipDraft> relationships)
        {
            RelationshipsAsRead = new Dictionary<object, List<RelationshipDraft>>();
            foreach (var relationship in relationships)
            {
                if (relationship.Piece is not { } piece) continue;
                if (!RelationshipsAsRead.TryGetValue(piece.Key, out var stated)) RelationshipsAsRead.Add(piece.Key, stated = new List<RelationshipDraft>(1));
                stated.Add(relationship.Recorded(StandIn));
            }
        }

        /// <summary>The entity type of that name.</summary>
        public Emitted? Find(string name) => _byName.TryGetValue(name, out var emitted) ? emitted : null;

        /// <param name="kept">The model is the snapshot before's, kept.</param>
        public void AddJoin(JoinEntity join, EntityTypeModel entity, bool kept)
        {
            if (kept) Kept++;

            // Join entity types are named after both sides; a name found twice is skipped by the emitter before it gets here.
            _joins[join.Name] = (join, entity);
        }

        /// <summary>The many-to-many join entity type of that name, with what it was emitted from.</summary>
        public (JoinEntity Join, EntityTypeModel Entity)? FindJoin(string name) => _joins.TryGetValue(name, out var join) ? join : null;

        internal sealed class Emitted
        {
            public Emitted(EntityDraft draft, EntityTypeModel entity, bool hasDerivedTypes, DraftInputs inputs, List<string>? namedBy, int position)
            {
                Draft = draft;
                Entity = entity;
                HasDerivedTypes = hasDerivedTypes;
                Inputs = inputs;
                NamedBy = namedBy;
                Position = position;
            }

            /// <summary>
            /// The entity types whose drafts named this one in the snapshot that last emitted or kept it (a kept record's own
            /// list is the older snapshot's).
            /// </summary>
            public List<string>? NamedBy { get; }

            /// <summary>What the draft was made from in the snapshot that last emitted or kept it.</summary>
            public DraftInputs Inputs { get; }

            /// <summary>Where the draft stood among the model's drafts.</summary>
            public int Position { get; }

            /// <summary>The draft the model was emitted from, as recorded (<see cref="EntityDraft.Recorded"/>).</summary>
            public EntityDraft Draft { get; }
            public EntityTypeModel Entity { get; }

            /// <summary>Some entity type of the model derived from it (the emitter then maps it as a hierarchy's root).</summary>
            public bool HasDerivedTypes { get; }

            /// <summary>
            /// The draft as reading and discovery left it in the snapshot that emitted or kept it, before conventions
            /// (<see cref="EntityDraft.AsRead"/>), recorded as <see cref="Draft"/> is; null unless plans are checked.
            /// </summary>
            public EntityDraft? ReadDraft { get; set; }
        }

        /// <summary>
        /// The model-wide facts discovery and the conventions read beyond each draft's own inputs (<see cref="DraftInputs"/>):
        /// types ignored or owned wherever they are reached, the provider, compiled model-building code and what it was handed,
        /// the conventions removed. One differing can change drafts no edited code reached, so then every draft is compared.
        /// </summary>
        internal sealed class ModelInputs
        {
            public ModelInputs(ModelDraft draft)
            {
                IsEntitySetComplete = draft.IsEntitySetComplete;
                Provider = draft.Provider;
                HasCompiledConfiguration = draft.HasCompiledConfiguration;
                IgnoredTypes = Identities(draft.IgnoredTypes);
                OwnedTypes = Identities(draft.OwnedTypes);
                RemovedConventions = new List<string>(draft.RemovedConventions);
                RemovedConventions.Sort(StringComparer.Ordinal);
                ScopedModelBuilders = draft.ScopedModelBuilders;
                CompiledReach = new List<string>(draft.CompiledReach.Count);
                foreach (var type in draft.CompiledReach) CompiledReach.Add(type.ToDisplayString());
                CompiledReach.Sort(StringComparer.Ordinal);
            }

            public bool IsEntitySetComplete { get; }
            public DatabaseProvider Provider { get; }
            public bool HasCompiledConfiguration { get; }
            public List<string> IgnoredTypes { get; }
            public List<string> OwnedTypes { get; }
            public List<string> RemovedConventions { get; }
            public IReadOnlyList<string> ScopedModelBuilders { get; }
            public List<string> CompiledReach { get; }

            public bool SameAs(ModelInputs other) =>
                IsEntitySetComplete == other.IsEntitySetComplete
                && Provider == other.Provider
                && HasCompiledConfiguration == other.HasCompiledConfiguration
                && SameNames(IgnoredTypes, other.IgnoredTypes)
                && SameNames(OwnedTypes, other.OwnedTypes)
                && SameNames(RemovedConventions, other.RemovedConventions)
                && SameNames(ScopedModelBuilders, other.ScopedModelBuilders)
                && SameNames(CompiledReach, other.CompiledReach);

            private static List<string> Identities(HashSet<ClrType> types)
            {
                var identities = new List<string>(types.Count);
                foreach (var type in types) identities.Add(type.Identity);
                identities.Sort(StringComparer.Ordinal);
                return identities;
            }

            private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b)
            {
                if (a.Count != b.Count) return false;
                for (var i = 0; i < a.Count; i++)
                {
                    if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
                }

                return true;
            }
        }

        /// <summary>The model-wide facts the emitter reads for every entity type: one differing means none is kept.</summary>
        internal sealed class ModelSettings
        {
            public ModelSettings(ModelDraft draft)
            {
                IsOpaque = draft.IsOpaque;
                ConventionsOpaque = draft.ConventionsOpaque;
                StringMaxLength = draft.StringMaxLength;
                DecimalPrecision = draft.DecimalPrecision;
                TableNamesFromDbSets = !draft.RemovedConventions.Contains(SchemaEmitter.TableNameFromDbSetConvention);
            }

            public bool IsOpaque { get; }
            public bool ConventionsOpaque { get; }
            public Configured<int?>? StringMaxLength { get; }
            public Configured<(int? Precision, int? Scale)>? DecimalPrecision { get; }
            public bool TableNamesFromDbSets { get; }

            public bool SameAs(ModelSettings other) =>
                IsOpaque == other.IsOpaque
                && ConventionsOpaque == other.ConventionsOpaque
                && EmitInputs.Same(StringMaxLength, other.StringMaxLength)
                && EmitInputs.Same(DecimalPrecision, other.DecimalPrecision)
                && TableNamesFromDbSets == other.TableNamesFromDbSets;
        }
    }
}
