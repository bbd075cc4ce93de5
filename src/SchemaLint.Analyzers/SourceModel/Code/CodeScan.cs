using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// What the model needs from the compilation's hand-written code outside model building: which members code assigns
    /// (on creation, on update), and which providers contexts are registered with. Each tree's part is read once from its
    /// syntax (<see cref="TreeScan"/>, shared across snapshots), and their merge is made from the snapshot before's when a
    /// model edit changed a few files (<see cref="MergedTreeScans"/>); this compilation's part is only the binding.
    /// Assignments are kept by member name; asked about one entity type, the scan binds the assignments of that name (once,
    /// lazily) to the type whose member they write, so <c>order.CreatedAt = ...</c> says nothing about <c>Invoice.CreatedAt</c>.
    /// </summary>
    internal sealed class CodeScan
    {
        /// <summary>Every tree's scan merged, when this scan answers about any member (an extraction's); null for <see cref="ForMembers"/>.</summary>
        private readonly MergedTreeScans? _merged;

        // What the trees say of the names asked about so far, merged on first demand (ForMembers only).
        private readonly HashSet<string> _assigned = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _updated = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _mentioned = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<DatabaseProvider>> _registrations = new Dictionary<string, HashSet<DatabaseProvider>>(StringComparer.Ordinal);

        /// <summary>Per member name, each write in the compilation (its target null: written by a string, untyped); ForMembers only.</summary>
        private readonly Dictionary<string, List<TreeWrite>> _writes = new Dictionary<string, List<TreeWrite>>(StringComparer.Ordinal);

        /// <summary>
        /// The type each write's target binds to, by identity (null: does not bind), bound once on first demand or known from
        /// the snapshot before (the same node binds the same way while its tree's declarations and body are unchanged).
        /// </summary>
        private readonly Dictionary<SyntaxNode, string?> _owners = new Dictionary<SyntaxNode, string?>();

        /// <summary>Per member name, the writes walked so far (<see cref="Evaluate"/>): for every write, and for writes outside object creation.</summary>
        private readonly Dictionary<string, WalkedWrites> _walkedAll = new Dictionary<string, WalkedWrites>(StringComparer.Ordinal);
        private readonly Dictionary<string, WalkedWrites> _walkedUpdates = new Dictionary<string, WalkedWrites>(StringComparer.Ordinal);

        /// <summary>Per entity type asked about, the identities of the types whose members are its own: itself, its bases, its interfaces.</summary>
        private readonly Dictionary<ITypeSymbol, CodeOwner> _codeOwners = new Dictionary<ITypeSymbol, CodeOwner>(SymbolEqualityComparer.Default);
        private readonly HashSet<CodeOwner> _ownersRecorded = new HashSet<CodeOwner>();
        private readonly Dictionary<SyntaxTree, SemanticModel> _semanticModels = new Dictionary<SyntaxTree, SemanticModel>();
        private readonly object _bindGate = new object();
        private readonly Compilation _compilation;
        private readonly ExtractionFootprint? _footprint;

        /// <summary>
        /// The trees' scans, when this scan gathers each name's writes from them on first demand (<see cref="ForMembers"/>);
        /// null when it has every tree's scan merged.
        /// </summary>
        private readonly List<TreeScan>? _unmerged;
        private readonly HashSet<string> _gathered = new HashSet<string>(StringComparer.Ordinal);
        private bool _registrationsGathered;

        /// <param name="footprint">Where this extraction's questions, answers and bound writes are recorded; the write owners it
        /// already holds (carried from the snapshot before) are taken as bound, and the snapshot before's merge of the trees'
        /// scans, when it has one, is what this one's is made from.</param>
        public CodeScan(Compilation compilation, CancellationToken cancellationToken, ExtractionFootprint? footprint = null)
            : this(compilation, cancellationToken, footprint, mergeAll: true)
        {
        }

        private CodeScan(Compilation compilation, CancellationToken cancellationToken, ExtractionFootprint? footprint, bool mergeAll)
        {
            _compilation = compilation;
            _footprint = footprint;
            if (mergeAll)
            {
                var trees = compilation.SyntaxTrees.ToArray();
                _merged = footprint?.TakeMergedScansBefore()?.For(trees, cancellationToken) ?? MergedTreeScans.Of(trees, cancellationToken);
                if (footprint is not null) footprint.MergedScans = _merged;
                HasUntraceableWrites = _merged.HasUntraceableWrites;
                return;
            }

            _unmerged = new List<TreeScan>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scan = TreeScan.Of(tree, cancellationToken);
                if (scan.IsGenerated) continue;
                HasUntraceableWrites |= scan.HasUntraceableWrites;
                _unmerged.Add(scan);
            }
        }

        /// <summary>
        /// A scan for asking again about a few members (an edit's): it merges what the trees say about a name only when asked
        /// about it. Merging every tree's names up front, as an extraction needs, made each keystroke cost in proportion to the
        /// whole compilation.
        /// </summary>
        public static CodeScan ForMembers(Compilation compilation, CancellationToken cancellationToken, ExtractionFootprint footprint) =>
            new CodeScan(compilation, cancellationToken, footprint, mergeAll: false);

        /// <summary>Merges what every tree says about <paramref name="name"/>, in tree order, once (ForMembers only).</summary>
        private void Gather(string name)
        {
            lock (_bindGate)
            {
                if (!_gathered.Add(name)) return;
                foreach (var scan in _unmerged!)
                {
                    if (scan.Assigned.Contains(name)) _assigned.Add(name);
                    if (scan.Updated.Contains(name)) _updated.Add(name);
                    if (scan.Mentioned.Contains(name)) _mentioned.Add(name);
                    if (!scan.Writes.TryGetValue(name, out var writes)) continue;
                    if (!_writes.TryGetValue(name, out var all)) _writes[name] = all = new List<TreeWrite>();
                    all.AddRange(writes);
                }
            }
        }

        /// <summary>Code writes values in ways this scan cannot attribute to a member (SetValue, computed property names).</summary>
        public bool HasUntraceableWrites { get; }

        /// <summary>Whether code assigns a member of that name anywhere: unknown when only a string or reflection might.</summary>
        public Fact<bool> IsAssigned(string name, bool declaredInSource) => Answer(name, declaredInSource, updatesOnly: false);

        /// <summary>Whether code assigns a member of that name outside object creation (a setter call, a SaveChanges hook).</summary>
        public Fact<bool> IsUpdated(string name, bool declaredInSource) => Answer(name, declaredInSource, updatesOnly: true);

        /// <summary>
        /// Whether code assigns <paramref name="name"/> on <paramref name="entityType"/>: a write whose target binds to a member
        /// of that type, of a base class or of an interface it implements (<c>order.CreatedAt</c>, <c>CreatedAt = ...</c> in its
        /// constructor, an initializer, <c>entry.Entity.CreatedAt</c> on an <c>IAuditable</c>), or a write by name only
        /// (<c>entry.Property("CreatedAt").CurrentValue</c>), which may be any type's. A write to another type's member of the
        /// same name does not count. Unknown when a write cannot be bound, or as for <see cref="IsAssigned(string, bool)"/>.
        /// </summary>
        public Fact<bool> IsAssigned(ITypeSymbol entityType, string name, bool declaredInSource) => Answer(entityType, name, declaredInSource, updatesOnly: false);

        /// <summary>As <see cref="IsAssigned(ITypeSymbol, string, bool)"/>, for writes outside object creation.</summary>
        public Fact<bool> IsUpdated(ITypeSymbol entityType, string name, bool declaredInSource) => Answer(entityType, name, declaredInSource, updatesOnly: true);

        /// <summary>
        /// Sets what code says about writes of <paramref name="property"/> on <paramref name="entityType"/> (IsAssignedByCode,
        /// IsUpdatedByCode), and records in the footprint which property each answer went into: a later snapshot whose edits
        /// change nothing but these answers then gives the model new ones instead of extracting again.
        /// </summary>
        /// <param name="requiredMember">
        /// A C# <c>required</c> member, which every creation assigns: it is assigned by code without a question asked,
        /// whether or not this compilation holds the creations.
        /// </param>
        public void SetCodeFacts(PropertyModel property, CodeOwner entityType, bool declaredInSource, bool requiredMember = false)
        {
            // The same questions as the emitter asks of a model it may keep, so the two cannot come to differ.
            var facts = CodeFacts(property.Name, entityType, declaredInSource, requiredMember);
            property.IsAssignedByCode = facts.Assigned;
            property.IsUpdatedByCode = facts.Updated;
            Fed(property, facts);
        }

        /// <summary>
        /// The answers <see cref="SetCodeFacts"/> would set for a property of that name, the questions recorded in the
        /// footprint but fed into no property: the emitter asks them to decide whether it can keep a snapshot's model.
        /// </summary>
        public AskedCodeFacts CodeFacts(string name, CodeOwner entityType, bool declaredInSource, bool requiredMember)
        {
            ExtractionFootprint.AnsweredQuestion? assignedRecord = null;
            var assigned = requiredMember ? true : Answer(entityType, name, declaredInSource, updatesOnly: false, out assignedRecord);
            var updated = Answer(entityType, name, declaredInSource, updatesOnly: true, out var updatedRecord);
            return new AskedCodeFacts(assigned, updated, assignedRecord, updatedRecord);
        }

        /// <summary>Records that the answers of <see cref="CodeFacts"/> went into <paramref name="property"/>, as <see cref="SetCodeFacts"/> records them.</summary>
        public void Fed(PropertyModel property, AskedCodeFacts facts)
        {
            if (_footprint is null) return;
            if (facts.AssignedRecord is not null) _footprint.Feed(facts.AssignedRecord, property);
            if (facts.UpdatedRecord is not null) _footprint.Feed(facts.UpdatedRecord, property);
        }

        /// <summary>The one provider a context is registered with (<c>AddDbContext&lt;T&gt;(o =&gt; o.UseNpgsql(...))</c>), or Unknown.</summary>
        public IReadOnlyCollection<DatabaseProvider> RegisteredProviders(string contextName)
        {
            _footprint?.AskedAboutContext(contextName);
            if (_merged is not null)
                return _merged.Registrations.TryGetValue(contextName, out var registered) ? registered : (IReadOnlyCollection<DatabaseProvider>)Array.Empty<DatabaseProvider>();

            if (_unmerged is not null)
            {
                lock (_bindGate)
                {
                    if (!_registrationsGathered)
                    {
                        foreach (var scan in _unmerged) MergedTreeScans.AddRegistrations(_registrations, scan);
                        _registrationsGathered = true;
                    }
                }
            }

            return _registrations.TryGetValue(contextName, out var providers) ? providers : (IReadOnlyCollection<DatabaseProvider>)Array.Empty<DatabaseProvider>();
        }

        public static DatabaseProvider? ProviderOf(string methodName) => methodName switch
        {
            "UseNpgsql" => DatabaseProvider.PostgreSql,
            "UseSqlServer" or "UseAzureSql" or "UseAzureSynapse" => DatabaseProvider.SqlServer,
            "UseSqlite" => DatabaseProvider.Sqlite,
            "UseMySql" or "UseMySQL" or "UseMariaDB" => DatabaseProvider.MySql,
            _ => null,
        };

        /// <summary>Provider calls (<c>UseNpgsql</c>, ...) anywhere under the node.</summary>
        public static IEnumerable<DatabaseProvider> ProvidersIn(SyntaxNode node)
        {
            foreach (var invocation in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                var provider = ProviderOf(MethodName(invocation) ?? string.Empty);
                if (provider is not null) yield return provider.Value;
            }
        }

        public static string? MethodName(InvocationExpressionSyntax invocation) => TreeScan.MethodName(invocation);

        /// <summary>
        /// Asks a question a previous extraction asked (<see cref="CodeQuestion"/>) of this compilation, whose declarations must
        /// be those that extraction saw (its edits stayed inside bodies): the types the entity type owns are taken from the
        /// footprint rather than bound again. Null when the extraction recorded no such types and the entity type cannot be
        /// found here by name.
        /// </summary>
        public Fact<bool>? ReanswerWithSameDeclarations(CodeQuestion question)
        {
            if (question.EntityMetadataName is null) return Answer(question.Member, question.DeclaredInSource, question.UpdatesOnly);
            if (_footprint is not null && _footprint.TryGetOwnTypes(question.EntityMetadataName, out var own))
            {
                var answer = Evaluate(own, question.Member, question.DeclaredInSource, question.UpdatesOnly);
                _footprint.Answered(question, answer);
                return answer;
            }

            var entityType = _compilation.GetTypeByMetadataName(question.EntityMetadataName);
            return entityType is null ? null : Answer(entityType, question.Member, question.DeclaredInSource, question.UpdatesOnly);
        }

        /// <summary>A question about a member of any type: whether any code assigns (or updates) a member of that name.</summary>
        private Fact<bool> Answer(string name, bool declaredInSource, bool updatesOnly)
        {
            var written = updatesOnly ? IsUpdatedAnywhere(name) : IsAssignedAnywhere(name);
            var answer = written ? true : HasUntraceableWrites || IsMentioned(name) || !declaredInSource ? Fact<bool>.Unknown : false;
            _footprint?.Answered(new CodeQuestion(null, name, declaredInSource, updatesOnly), answer);
            return answer;
        }

        private bool IsAssignedAnywhere(string name)
        {
            if (_merged is not null) return _merged.IsAssigned(name);
            Gather(name);
            return _assigned.Contains(name);
        }

        private bool IsUpdatedAnywhere(string name)
        {
            if (_merged is not null) return _merged.IsUpdated(name);
            Gather(name);
            return _updated.Contains(name);
        }

        /// <summary>Code names the member in a string or <c>nameof</c>, which may feed a write this scan cannot follow.</summary>
        private bool IsMentioned(string name)
        {
            if (_merged is not null) return _merged.IsMentioned(name);
            Gather(name);
            return _mentioned.Contains(name);
        }

        /// <summary>Every write of the name in the compilation; null when none writes it.</summary>
        private IReadOnlyList<TreeWrite>? WritesOf(string name)
        {
            if (_merged is not null) return _merged.WritesOf(name);
            Gather(name);
            return _writes.TryGetValue(name, out var writes) ? writes : null;
        }

        private Fact<bool> Answer(ITypeSymbol entityType, string name, bool declaredInSource, bool updatesOnly) =>
            Answer(OwnerOf(entityType), name, declaredInSource, updatesOnly, out _);

        /// <param name="recorded">The footprint's record of the answer; null without a footprint.</param>
        private Fact<bool> Answer(CodeOwner entityType, string name, bool declaredInSource, bool updatesOnly, out ExtractionFootprint.AnsweredQuestion? recorded)
        {
            var own = OwnTypes(entityType);
            if (_footprint is null)
            {
                recorded = null;
                return Evaluate(own, name, declaredInSource, updatesOnly);
            }

            var question = new CodeQuestion(entityType.MetadataName, name, declaredInSource, updatesOnly);
            if (entityType.MetadataName is null || _footprint.AnswersBefore is not { } before || !before.TryGet(question, out var answer))
            {
                answer = Evaluate(own, name, declaredInSource, updatesOnly);
            }
            else
            {
                _footprint.TookOverAnswer();
                if (UnchangedAnswers.CheckEveryAnswerTakenOver && !Evaluate(own, name, declaredInSource, updatesOnly).Equals(answer))
                    throw new InvalidOperationException($"The answer about {entityType.MetadataName}.{name} (updates only: {updatesOnly}) was taken over from the snapshot before, but the code now answers otherwise.");
            }

            recorded = _footprint.Answered(question, answer);
            return answer;
        }

        /// <summary>
        /// Whether a write of <paramref name="name"/> lands on the entity type. The writes of a name are walked once, in order,
        /// for all the entity types asked about: each question extends the shared walked prefix only until it finds its
        /// evidence (a write by name only, or one on a type of its own), so every write is bound at most once and no earlier
        /// than a question needs it, and asking about every entity type stays linear in the number of writes.
        /// </summary>
        private Fact<bool> Evaluate(HashSet<string> own, string name, bool declaredInSource, bool updatesOnly)
        {
            var unbound = false;
            if (WritesOf(name) is { } writes)
            {
                lock (_bindGate)
                {
                    var walked = Walked(name, updatesOnly);
                    while (true)
                    {
                        if (walked.ByNameOnly || Overlap(walked.Owners, own)) return true;
                        if (walked.Next == writes.Count) break;
                        var write = writes[walked.Next++];
                        if (updatesOnly && write.CreationOnly) continue;
                        if (write.Target is null) walked.ByNameOnly = true;
                        else if (Owner(write.Target) is { } owner) walked.Owners.Add(owner);
                        else walked.Unbound = true;
                    }

                    unbound = walked.Unbound;
                }
            }

            if (unbound || HasUntraceableWrites || IsMentioned(name) || !declaredInSource) return Fact<bool>.Unknown;
            return false;
        }

        /// <summary>
        /// Whether the sets share an item, walking the smaller as a HashSet: Overlaps enumerates its argument through the
        /// interface, an allocation per question (both sets compare ordinally).
        /// </summary>
        private static bool Overlap(HashSet<string> a, HashSet<string> b)
        {
            var (smaller, larger) = a.Count <= b.Count ? (a, b) : (b, a);
            foreach (var item in smaller)
            {
                if (larger.Contains(item)) return true;
            }

            return false;
        }

        private WalkedWrites Walked(string name, bool updatesOnly)
        {
            var walked = updatesOnly ? _walkedUpdates : _walkedAll;
            if (!walked.TryGetValue(name, out var state)) walked[name] = state = new WalkedWrites();
            return state;
        }

        /// <summary>What the writes of one name walked so far say: the types they land on, and whether one is by name only or unbound.</summary>
        private sealed class WalkedWrites
        {
            public int Next;
            public readonly HashSet<string> Owners = new HashSet<string>(StringComparer.Ordinal);
            public bool ByNameOnly;
            public bool Unbound;
        }

        private CodeOwner OwnerOf(ITypeSymbol entityType)
        {
            lock (_bindGate)
            {
                if (!_codeOwners.TryGetValue(entityType, out var owner)) _codeOwners[entityType] = owner = CodeOwner.Of(entityType);
                return owner;
            }
        }

        /// <summary>The types whose members are the entity type's own, recorded in the footprint the first time they are asked about.</summary>
        private HashSet<string> OwnTypes(CodeOwner entityType)
        {
            lock (_bindGate)
            {
                if (_ownersRecorded.Add(entityType) && _footprint is not null && entityType.MetadataName is { } metadataName) _footprint.OwnTypesOf(metadataName, entityType.OwnTypes);
                return entityType.OwnTypes;
            }
        }

        /// <summary>The identity of the type whose member a write assigns, bound once; null when the compiler cannot bind it.</summary>
        private string? Owner(SyntaxNode target)
        {
            lock (_bindGate)
            {
                if (_owners.TryGetValue(target, out var known)) return known;

                // Bound by the snapshot before and carried over (the same node binds the same way), or by this extraction.
                if (_footprint is not null && _footprint.TryGetWriteOwner(target, out known))
                {
                    _owners[target] = known;
                    return known;
                }

                if (!_semanticModels.TryGetValue(target.SyntaxTree, out var model)) _semanticModels[target.SyntaxTree] = model = _compilation.GetSemanticModel(target.SyntaxTree);
                var owner = BindOwner(target, model);
                _owners[target] = owner;
                _footprint?.BoundWrite(target, owner);
                return owner;
            }
        }

        /// <summary>The identity of the type whose member the write target names, bound with <paramref name="model"/>; null when it binds to none.</summary>
        public static string? BindOwner(SyntaxNode target, SemanticModel model) => OwnerOf(target, model) is { } bound ? TypeIdentity.Of(bound) : null;

        /// <summary>The type whose member the write target names, as the compiler binds it (null when it does not bind to a property, field or record parameter).</summary>
        private static INamedTypeSymbol? OwnerOf(SyntaxNode target, SemanticModel model)
        {
            ISymbol? symbol = target switch
            {
                PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property),
                ParameterSyntax parameter => model.GetDeclaredSymbol(parameter),
                _ => model.GetSymbolInfo(target).Symbol ?? SingleCandidate(model.GetSymbolInfo(target)),
            };
            return symbol switch
            {
                IParameterSymbol parameter => parameter.ContainingSymbol?.ContainingType,
                IPropertySymbol or IFieldSymbol => symbol.ContainingType,
                _ => null,
            };
        }

        private static ISymbol? SingleCandidate(SymbolInfo info) => info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null;
    }
}
