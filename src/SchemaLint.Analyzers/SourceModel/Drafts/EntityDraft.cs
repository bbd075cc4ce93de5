using System;
using System.Collections.Generic;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>One entity type as discovery and configuration describe it; conventions turn it into an EntityTypeModel.</summary>
    internal sealed class EntityDraft
    {
        public EntityDraft(string name, ClrType type)
        {
            Name = name;
            Type = type;
        }

        /// <summary>EF Core's entity type name: the CLR full name, or "Owner.Navigation#Type" for an owned type used more than once.</summary>
        public string Name { get; set; }

        public ClrType Type { get; }

        public string? DbSetName { get; set; }

        public EntityDraft? Owner { get; set; }

        public string? OwnershipNavigation { get; set; }

        /// <summary>The owner's member the ownership navigation is; null when it is a backing field named by string.</summary>
        public ClrMember? OwnershipMember { get; set; }

        public bool OwnershipIsCollection { get; set; }

        public SourceLocation? OwnershipLocation { get; set; }

        /// <summary><c>WithOwner().HasForeignKey("OrderId")</c>: the ownership's foreign key, named instead of by convention.</summary>
        public List<string>? OwnershipForeignKeyNames { get; set; }

        public bool IsOwned => Owner is not null;

        public EntityDraft? BaseType { get; set; }

        public Configured<TableMappingKind>? Mapping { get; set; }
        public string? TableName { get; set; }

        /// <summary>ToTable was called with a name computed at run time: the entity has a table of its own, its name unknown.</summary>
        public bool TableNameComputed { get; set; }
        public string? Schema { get; set; }

        public Configured<bool>? Keyless { get; set; }

        public Configured<List<string>>? PrimaryKey { get; set; }

        public List<Configured<List<string>>> AlternateKeys { get; private set; } = new List<Configured<List<string>>>();

        public List<IndexDraft> Indexes { get; private set; } = new List<IndexDraft>();

        public List<CheckConstraintModel> CheckConstraints { get; private set; } = new List<CheckConstraintModel>();

        // Made on first use: few entity types have either, and a model edit makes every draft again.
        private HashSet<string>? _ignored;
        private HashSet<string>? _scalarMembers;

        /// <summary>Members Fluent code ignores (<c>Ignore(e => e.Member)</c>).</summary>
        public IReadOnlyCollection<string> Ignored => (IReadOnlyCollection<string>?)_ignored ?? Array.Empty<string>();

        /// <summary>Members Fluent code maps as properties although their type is a class (a strongly typed id with a converter).</summary>
        public IReadOnlyCollection<string> ScalarMembers => (IReadOnlyCollection<string>?)_scalarMembers ?? Array.Empty<string>();

        public void Ignore(string member) => (_ignored ??= new HashSet<string>(StringComparer.Ordinal)).Add(member);

        public bool IsIgnored(string member) => _ignored?.Contains(member) == true;

        public void MapAsScalar(string member) => (_scalarMembers ??= new HashSet<string>(StringComparer.Ordinal)).Add(member);

        public bool IsMappedAsScalar(string member) => _scalarMembers?.Contains(member) == true;

        public bool IgnoresSameMembersAs(EntityDraft other) => SameSet(_ignored, other._ignored);

        public bool MapsSameScalarsAs(EntityDraft other) => SameSet(_scalarMembers, other._scalarMembers);

        /// <summary>Walked as a HashSet: SetEquals enumerates its argument through the interface, an allocation per set compared.</summary>
        private static bool SameSet(HashSet<string>? a, HashSet<string>? b)
        {
            if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
            if (a is null || b is null) return true;
            foreach (var item in a)
            {
                if (!b.Contains(item)) return false;
            }

            return true;
        }

        /// <summary>Configuration by property name, shadow properties included; merged with CLR members at build time.</summary>
        public Dictionary<string, PropertyDraft> Properties => _properties;

        private Dictionary<string, PropertyDraft> _properties = new Dictionary<string, PropertyDraft>(StringComparer.Ordinal);

        public Configured<InheritanceStrategy>? Strategy { get; set; }

        /// <summary>Fact collections this reader cannot vouch for (configuration it could not follow).</summary>
        public ModelCompleteness Unknown { get; set; }

        /// <summary>Code this reader could not follow configured the entity: every fact about it is unknown.</summary>
        public bool IsOpaque { get; set; }

        public SourceLocation? Location { get; set; }

        /// <summary>Mapped properties declared on this entity type (CLR members up to the base entity type, then shadows), in order.</summary>
        public List<PropertyDraft> Declared { get; private set; } = new List<PropertyDraft>();

        /// <summary>Navigations declared on this entity type (not those of its base entity type).</summary>
        public List<NavigationDraft> Navigations { get; private set; } = new List<NavigationDraft>();

        /// <summary>Members carrying [Key], in declaration order.</summary>
        public List<string> KeyAttributes { get; private set; } = new List<string>();

        public SourceLocation? KeyAttributeLocation { get; set; }

        public List<string>? ResolvedPrimaryKey { get; set; }

        public SourceLocation? PrimaryKeyLocation { get; set; }

        public Fact<bool> ResolvedKeyless { get; set; }

        public List<ForeignKeyModel> ForeignKeys { get; private set; } = new List<ForeignKeyModel>();

        public bool AttributeConfigurationApplied { get; set; }

        /// <summary>Whether nullable annotations are on where the CLR type is declared.</summary>
        public Fact<bool> NullableReferenceTypes { get; set; }

        /// <summary>The entity type as the code scan asks about writes of its members.</summary>
        public CodeOwner? CodeOwner { get; set; }

        public bool IsJoinEntity { get; set; }

        /// <summary>What the draft was made from besides the drafts it relates to, for a model edit to tell whether it can differ.</summary>
        public DraftInputs Inputs { get; private set; } = new DraftInputs();

        /// <summary>
        /// The names of the entity types whose settled drafts name this one (as their base type, owner, principal or
        /// navigation target), recorded as the emitter reads them: when this draft differs in a later snapshot, those may
        /// differ with it. Names, not drafts, so that the record of a draft keeps no other draft alive.
        /// </summary>
        public List<string>? NamedBy { get; private set; }

        public void AddNamedBy(string name) => (NamedBy ??= new List<string>(2)).Add(name);

        public PropertyDraft Property(string name)
        {
            if (!Properties.TryGetValue(name, out var property)) Properties[name] = property = new PropertyDraft(name);
            return property;
        }

        // Whether what reading made of this draft is shared: with AsRead, or with the record of a draft as read this one was
        // copied from (ToBuildAgain). The conventions then add to copies of the lists, made on their first addition, and write
        // into copies of the property drafts, made on their first write and declared in place of the originals; what reading
        // made stays as it was, for the next model edit to build from. The property table is left as read: after discovery
        // only the conventions look a property up by name, and they find the copies first. A draft nothing shares (an
        // editor's, which keeps no record of what was read) is written in place.
        private bool _readStateShared;
        private SharedCollections _copied;
        private PropertyDraft? _ownProperty;
        private List<PropertyDraft>? _moreOwnProperties;

        [Flags]
        private enum SharedCollections
        {
            None = 0,
            Declared = 1,
            AlternateKeys = 2,
            Indexes = 4,
            ForeignKeys = 8,
        }

        private void ShareReadState()
        {
            _readStateShared = true;
            _copied = SharedCollections.None;
            _ownProperty = null;
            _moreOwnProperties = null;
        }

        /// <summary>Whether the conventions must copy <paramref name="collection"/> before they add to it (and marks it copied).</summary>
        private bool MustCopy(SharedCollections collection)
        {
            if (!_readStateShared || (_copied & collection) != 0) return false;
            _copied |= collection;
            return true;
        }

        /// <summary>A foreign key the conventions settled, added without writing into what reading made.</summary>
        public void AddForeignKey(ForeignKeyModel foreignKey)
        {
            if (MustCopy(SharedCollections.ForeignKeys)) ForeignKeys = new List<ForeignKeyModel>(ForeignKeys.Count + 1) { foreignKey };
            else ForeignKeys.Add(foreignKey);
        }

        /// <summary>A key the conventions found a relationship to need, added without writing into what reading made.</summary>
        public void AddAlternateKey(Configured<List<string>> key)
        {
            if (MustCopy(SharedCollections.AlternateKeys)) AlternateKeys = new List<Configured<List<string>>>(AlternateKeys);
            AlternateKeys.Add(key);
        }

        /// <summary>An index the conventions add, without writing into what reading made.</summary>
        public void AddIndex(IndexDraft index)
        {
            if (MustCopy(SharedCollections.Indexes)) Indexes = new List<IndexDraft>(Indexes);
            Indexes.Add(index);
        }

        private void OwnDeclared()
        {
            if (MustCopy(SharedCollections.Declared)) Declared = new List<PropertyDraft>(Declared);
        }

        /// <summary>Declares a property the conventions made (a shadow foreign key or key), at <paramref name="position"/> or last.</summary>
        public void Declare(PropertyDraft property, int? position = null)
        {
            OwnDeclared();
            if (position is { } at) Declared.Insert(at, property);
            else Declared.Add(property);
        }

        /// <summary>The property of that name for the conventions to write into, made when it is new (a shadow property).</summary>
        public PropertyDraft WritableProperty(string name)
        {
            if (OwnPropertyNamed(name) is { } owned) return owned;
            if (_properties.TryGetValue(name, out var existing)) return OwnProperty(existing);
            var property = new PropertyDraft(name);
            if (_readStateShared) AddOwnProperty(property);
            else _properties[name] = property;
            return property;
        }

        /// <summary>
        /// <paramref name="property"/>, declared on this entity type or a base entity type, as the conventions may write into
        /// it: the very draft, or a copy declared in its place where what reading made is shared. Callers use what this returns.
        /// </summary>
        public PropertyDraft Writable(PropertyDraft property)
        {
            // An editor's drafts share nothing: asked for every key and foreign-key part, the search below is then skipped.
            var shared = false;
            for (var current = this; current is not null && !shared; current = current.BaseType) shared = current._readStateShared;
            if (!shared) return property;
            for (var current = this; current is not null; current = current.BaseType)
            {
                if (current.Declared.Contains(property) || current.IsOwnProperty(property)
                    || current._properties.TryGetValue(property.Name, out var held) && ReferenceEquals(held, property))
                    return current.OwnProperty(property);
            }

            throw new InvalidOperationException($"{property.Name} is not a property of {Name} or of its base types.");
        }

        private PropertyDraft OwnProperty(PropertyDraft property)
        {
            if (!_readStateShared || IsOwnProperty(property)) return property;
            var copy = property.Copy();
            var at = Declared.IndexOf(property);
            if (at >= 0)
            {
                OwnDeclared();
                Declared[at] = copy;
            }

            AddOwnProperty(copy);
            return copy;
        }

        private void AddOwnProperty(PropertyDraft property)
        {
            if (_ownProperty is null) _ownProperty = property;
            else (_moreOwnProperties ??= new List<PropertyDraft>(2)).Add(property);
        }

        private bool IsOwnProperty(PropertyDraft property) =>
            ReferenceEquals(_ownProperty, property) || _moreOwnProperties?.Contains(property) == true;

        private PropertyDraft? OwnPropertyNamed(string name)
        {
            if (_ownProperty is null) return null;
            if (_ownProperty.Name == name) return _ownProperty;
            if (_moreOwnProperties is null) return null;
            foreach (var property in _moreOwnProperties)
            {
                if (property.Name == name) return property;
            }

            return null;
        }

        /// <summary>
        /// Makes room for <paramref name="members"/> more properties before discovery adds them one by one: grown from empty,
        /// the property table and <see cref="Declared"/> allocated about twice what they end up holding, for every entity
        /// type on every model edit. The properties configured so far keep their order.
        /// </summary>
        public void ReserveMembers(int members)
        {
            var needed = _properties.Count + members;
            if (needed <= 3) return;
            var sized = new Dictionary<string, PropertyDraft>(needed, StringComparer.Ordinal);
            foreach (var pair in _properties) sized.Add(pair.Key, pair.Value);
            _properties = sized;
            if (Declared.Capacity < Declared.Count + members) Declared.Capacity = Declared.Count + members;
        }

        public void MakeOpaque()
        {
            IsOpaque = true;
            Unknown = ModelCompleteness.All;
        }

        /// <summary>
        /// This draft as the next snapshot's emitter compares it (<see cref="Conventions.EmittedModel"/>): every fact, and the
        /// very lists, sets and property drafts that hold them, but the drafts it names (its owner, its base type, its
        /// navigations' ends) replaced by <paramref name="standIn"/>s, which carry their names. The emitter compares those
        /// drafts by name only. Kept as it is, a draft would keep its whole build alive through them: every draft of the
        /// model, for as long as any of them is kept.
        /// </summary>
        public EntityDraft Recorded(Func<EntityDraft, EntityDraft> standIn)
        {
            // A copy of every field, so that a fact added to drafts is recorded without a line here; what it holds is shared,
            // which is safe because nothing writes a draft once the emitter has read it.
            var record = (EntityDraft)MemberwiseClone();

            // What the draft was made from is kept beside the record (EmittedModel.Emitted.Inputs), for the next snapshot
            // only; a kept record outlives it, and through it would keep the declarations and the trees its pieces read of
            // the snapshot it was made in, for as long as the entity type stays kept.
            record.Inputs = DraftInputs.Dropped;
            record.AsRead = null;
            record._readStateCheck = null;
            record.Owner = Owner is null ? null : standIn(Owner);
            record.BaseType = BaseType is null ? null : standIn(BaseType);
            record.Navigations = NavigationsFor(record, standIn);
            return record;
        }

        /// <summary>
        /// This draft's navigations made anew for <paramref name="copy"/> of it: a link to this draft is made to the copy, and
        /// every other link to what <paramref name="other"/> gives for it (the very draft when null).
        /// </summary>
        private List<NavigationDraft> NavigationsFor(EntityDraft copy, Func<EntityDraft, EntityDraft>? other)
        {
            var navigations = new List<NavigationDraft>(Navigations.Count);
            foreach (var navigation in Navigations)
            {
                var declaring = navigation.Declaring == this ? copy : other?.Invoke(navigation.Declaring) ?? navigation.Declaring;
                var target = navigation.Target == this ? copy : other?.Invoke(navigation.Target) ?? navigation.Target;
                navigations.Add(new NavigationDraft(declaring, navigation.Member, target, navigation.IsCollection) { IsClaimed = navigation.IsClaimed });
            }

            return navigations;
        }

        /// <summary>
        /// A copy of every field but what only this draft's build holds: what it was made from, the drafts naming it, its copy
        /// as read and the suites' copy to check that against.
        /// </summary>
        private EntityDraft Detached()
        {
            var copy = (EntityDraft)MemberwiseClone();
            copy.Inputs = DraftInputs.Dropped;
            copy.NamedBy = null;
            copy.AsRead = null;
            copy._readStateCheck = null;
            return copy;
        }

        /// <summary>
        /// The draft as reading and discovery left it, copied before the conventions wrote into it (resolved keys, foreign
        /// keys and their shadow properties, claimed navigations, indexes by convention): what a model edit that keeps this
        /// entity type would take from the record instead of reading it again. Taken only while plans are checked
        /// (<see cref="RebuildPlan.CheckEveryPlan"/>); its links are to this extraction's drafts until it is recorded.
        /// </summary>
        public EntityDraft? AsRead { get; private set; }

        /// <summary>
        /// Keeps the draft as read (<see cref="AsRead"/>), once discovery is done and before any convention runs: what it holds
        /// is shared from then on, the conventions writing into copies of what they change; its navigations, which they
        /// claim, are copied for the draft as read.
        /// </summary>
        public void KeepAsRead()
        {
            var asRead = Detached();
            asRead.Navigations = NavigationsFor(asRead, other: null);
            AsRead = asRead;
            _readStateCheck = ReadStateChecked ? CopyAsRead() : null;
            ShareReadState();
        }

        /// <summary>
        /// Set by the test suites: each draft whose read state is shared also keeps a copy of it, and
        /// <see cref="CheckReadStateKept"/> fails the extraction when the conventions wrote into what they share.
        /// </summary>
        internal static bool ReadStateChecked { get; set; }

        // A copy of what reading made, taken where that is shared while ReadStateChecked.
        private EntityDraft? _readStateCheck;

        /// <summary>What reading made of this draft is as it was before the conventions ran (asked once they have).</summary>
        public void CheckReadStateKept()
        {
            if (_readStateCheck is null || AsRead is null) return;

            // The one write allowed: the emitter's name for an owned type, which the record of what was read takes.
            _readStateCheck.Name = AsRead.Name;
            if (!Conventions.EmitInputs.Same(AsRead, _readStateCheck))
                throw new InvalidOperationException($"The conventions wrote into what reading made of {Name}, which the record of what was read shares.");
        }

        /// <summary>
        /// A draft for the conventions to build again from this copy of a draft as read (the record of one,
        /// <see cref="Conventions.EmittedModel.Emitted.ReadDraft"/>, or an <see cref="AsRead"/>), made from
        /// <paramref name="inputs"/>: it shares what this one holds, the conventions writing into copies of what they change,
        /// and its links are still to the drafts this one names until <see cref="LinkTo"/> makes them the model's. This
        /// draft, which the conventions leave as it is, is the new draft's <see cref="AsRead"/>: a kept entity type's record
        /// of what was read serves every edit that keeps it.
        /// </summary>
        public EntityDraft ToBuildAgain(DraftInputs inputs)
        {
            var copy = (EntityDraft)MemberwiseClone();
            copy.Inputs = inputs;
            copy.NamedBy = null;
            copy.AsRead = this;
            copy._readStateCheck = ReadStateChecked ? CopyAsRead() : null;

            // LinkTo makes each navigation anew: the conventions claim navigations, writing into them.
            copy.Navigations = new List<NavigationDraft>(Navigations);
            copy.ShareReadState();
            return copy;
        }

        /// <summary>
        /// Replaces each draft this one names (its owner, its base type, its navigations' ends, itself among them) by the
        /// draft <paramref name="relink"/> gives for it, so that records and drafts read in this snapshot link into one model.
        /// </summary>
        public void LinkTo(Func<EntityDraft, EntityDraft> relink)
        {
            Owner = Owner is null ? null : relink(Owner);
            BaseType = BaseType is null ? null : relink(BaseType);
            for (var i = 0; i < Navigations.Count; i++)
            {
                var navigation = Navigations[i];
                Navigations[i] = new NavigationDraft(relink(navigation.Declaring), navigation.Member, relink(navigation.Target), navigation.IsCollection) { IsClaimed = navigation.IsClaimed };
            }
        }

        /// <summary>
        /// A copy of what reading made of this draft that nothing shares (the lists and property drafts the conventions
        /// write are its own; links to other drafts are kept, a link to this one made to the copy), for the suites to check
        /// the shared read state against once the conventions ran (<see cref="ReadStateChecked"/>).
        /// </summary>
        private EntityDraft CopyAsRead()
        {
            var copy = Detached();

            // Conventions write into property drafts (key and foreign-key parts, requiredness by relationship) and add some
            // (shadow foreign keys): each is copied once, and Declared names the copies the table holds.
            var copies = new Dictionary<PropertyDraft, PropertyDraft>(_properties.Count);
            PropertyDraft CopyOf(PropertyDraft property)
            {
                if (!copies.TryGetValue(property, out var copied)) copies.Add(property, copied = property.Copy());
                return copied;
            }

            copy._properties = new Dictionary<string, PropertyDraft>(_properties.Count, StringComparer.Ordinal);
            foreach (var pair in _properties) copy._properties.Add(pair.Key, CopyOf(pair.Value));
            copy.Declared = new List<PropertyDraft>(Declared.Count);
            foreach (var property in Declared) copy.Declared.Add(CopyOf(property));
            copy.Navigations = NavigationsFor(copy, other: null);

            // The conventions add to these lists, never change what they hold.
            copy.AlternateKeys = new List<Configured<List<string>>>(AlternateKeys);
            copy.Indexes = new List<IndexDraft>(Indexes);
            copy.CheckConstraints = new List<CheckConstraintModel>(CheckConstraints);
            copy.KeyAttributes = new List<string>(KeyAttributes);
            copy.ForeignKeys = new List<ForeignKeyModel>(ForeignKeys);
            return copy;
        }

        /// <summary>
        /// The draft as read (<see cref="AsRead"/>) as the next snapshot compares it, under the name the emitter gave this
        /// draft, its links replaced by <paramref name="standIn"/>s as in <see cref="Recorded"/>; null when none was taken.
        /// </summary>
        public EntityDraft? RecordedAsRead(Func<EntityDraft, EntityDraft> standIn)
        {
            if (AsRead is null) return null;
            AsRead.Name = Name;
            return AsRead.Recorded(standIn);
        }

        public override string ToString() => Name;
    }
}
