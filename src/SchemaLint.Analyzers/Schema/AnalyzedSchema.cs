using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>A finding placed in a syntax tree, ready to be reported by the action that analyzes the code around it.</summary>
    internal sealed class PlacedFinding
    {
        private IReadOnlyList<string?> _contexts;

        /// <param name="contexts">The context that found it, alone: shared by every finding of that context until a second one finds it too.</param>
        public PlacedFinding(Finding finding, SyntaxTree tree, TextSpan span, IReadOnlyList<string?> contexts)
        {
            Finding = finding;
            Tree = tree;
            Span = span;
            _contexts = contexts;
        }

        private PlacedFinding(PlacedFinding placed, SyntaxTree tree)
        {
            Finding = placed.Finding;
            Tree = tree;
            Span = placed.Span;
            _contexts = placed._contexts;
        }

        /// <summary>The same finding at the same span of another tree (the same file after an edit further down).</summary>
        public PlacedFinding In(SyntaxTree tree) => new PlacedFinding(this, tree);

        public Finding Finding { get; }

        /// <summary>Every context that found it (shown once): the baseline must hold it for each of them to silence it.</summary>
        public IReadOnlyList<string?> Contexts => _contexts;

        public SyntaxTree Tree { get; }
        public TextSpan Span { get; }

        /// <summary>Another context found it too (while the schema is being placed, before anything reads it).</summary>
        public void FoundBy(string? context) => _contexts = new List<string?>(_contexts) { context };
    }

    /// <summary>
    /// What the engine found in a compilation's models: the findings to report (after the contexts' filtering), and each
    /// model's findings by rule, which a later snapshot that changes only some facts starts from.
    /// </summary>
    internal sealed class ModelFindings
    {
        public ModelFindings(IReadOnlyList<(SchemaModel Model, Finding Finding)> reported, IReadOnlyDictionary<SchemaModel, RuleFindings> byModel)
        {
            Reported = reported;
            ByModel = byModel;
        }

        public static ModelFindings None { get; } = new ModelFindings(Array.Empty<(SchemaModel, Finding)>(), new Dictionary<SchemaModel, RuleFindings>());

        public IReadOnlyList<(SchemaModel Model, Finding Finding)> Reported { get; }

        public IReadOnlyDictionary<SchemaModel, RuleFindings> ByModel { get; }
    }

    /// <summary>
    /// The source schema of a compilation and the engine's findings on it, indexed by the file they point into. It holds no
    /// compilation or symbol (types are known by metadata name, findings by syntax tree), so the compilation instances of one
    /// snapshot, which share their trees, can share it (<see cref="SchemaCache"/>).
    /// </summary>
    internal sealed class AnalyzedSchema
    {
        private static readonly IReadOnlyList<PlacedFinding> None = Array.Empty<PlacedFinding>();
        private static readonly IReadOnlyList<(SchemaModel Model, EntityTypeModel Entity)> NoEntities = Array.Empty<(SchemaModel, EntityTypeModel)>();

        private readonly Dictionary<SyntaxTree, List<PlacedFinding>> _byTree = new Dictionary<SyntaxTree, List<PlacedFinding>>();
        private readonly Dictionary<string, List<(SchemaModel Model, EntityTypeModel Entity)>> _byTypeName;
        private readonly IReadOnlyDictionary<SchemaModel, RuleFindings> _ruleFindings;

        // The compilation's trees by path, as placing this schema's findings found them: the next snapshot's placing starts
        // from them. Null for a schema nothing was placed for.
        private TreePlacer? _placer;

        /// <param name="before">The snapshot before's schema, whose trees by path this one's placing starts from.</param>
        public AnalyzedSchema(Compilation compilation, SourceSchema schema, ModelFindings findings, AnalyzedSchema? before = null)
            : this(compilation, schema.Models, ByTypeName(schema), findings, before?._placer)
        {
        }

        /// <summary>The mapped types by identity; two symbols with one identity (a type declared twice) keep the last, as before.</summary>
        private static Dictionary<string, List<(SchemaModel Model, EntityTypeModel Entity)>> ByTypeName(SourceSchema schema)
        {
            var byTypeName = new Dictionary<string, List<(SchemaModel Model, EntityTypeModel Entity)>>(StringComparer.Ordinal);
            foreach (var type in schema.MappedTypes) byTypeName[schema.IdentityOf(type)] = schema.EntitiesFor(type).ToList();
            return byTypeName;
        }

        private AnalyzedSchema(IReadOnlyList<SchemaModel> models, Dictionary<string, List<(SchemaModel Model, EntityTypeModel Entity)>> byTypeName,
            IReadOnlyDictionary<SchemaModel, RuleFindings> ruleFindings)
        {
            Models = models;
            _byTypeName = byTypeName;
            _ruleFindings = ruleFindings;
        }

        private AnalyzedSchema(Compilation compilation, IReadOnlyList<SchemaModel> models, Dictionary<string, List<(SchemaModel Model, EntityTypeModel Entity)>> byTypeName,
            ModelFindings findings, TreePlacer? placerBefore)
            : this(models, byTypeName, findings.ByModel)
        {
            var trees = _placer = new TreePlacer(compilation, placerBefore);
            var seen = new Dictionary<PlacementKey, PlacedFinding>(findings.Reported.Count, PlacementKey.Comparer);
            var alone = new Dictionary<SchemaModel, IReadOnlyList<string?>>();
            foreach (var (model, finding) in findings.Reported)
            {
                if (!trees.TryPlace(finding.Location, out var tree, out var span)) continue;

                // Two contexts that map the same entity find the same thing once each; the user needs to hear it once.
                var key = new PlacementKey(finding, tree, span);
                if (seen.TryGetValue(key, out var placed))
                {
                    placed.FoundBy(model.ContextName);
                    continue;
                }

                if (!alone.TryGetValue(model, out var contexts)) alone[model] = contexts = new[] { model.ContextName };
                placed = new PlacedFinding(finding, tree, span, contexts);
                seen.Add(key, placed);
                if (!_byTree.TryGetValue(tree, out var list)) _byTree[tree] = list = new List<PlacedFinding>();
                list.Add(placed);
            }
        }

        public IReadOnlyList<SchemaModel> Models { get; }

        /// <summary>Why the source reader failed on this compilation (then there are no models and no findings), or null.</summary>
        public string? ReadFailure { get; private set; }

        public static AnalyzedSchema Unreadable(Compilation compilation, string reason) =>
            new AnalyzedSchema(compilation, SourceSchema.Empty, ModelFindings.None) { ReadFailure = reason };

        /// <summary>The engine's findings on one of <see cref="Models"/>, by rule (null for a model this schema does not hold).</summary>
        public RuleFindings? RuleFindingsOf(SchemaModel model) => _ruleFindings.TryGetValue(model, out var findings) ? findings : null;

        /// <summary>The engine's findings on the one model of that context (null when no model, or several, are of it).</summary>
        public RuleFindings? RuleFindingsOfContext(string? contextName)
        {
            SchemaModel? found = null;
            foreach (var model in Models)
            {
                if (!string.Equals(model.ContextName, contextName, StringComparison.Ordinal)) continue;
                if (found is not null) return null;
                found = model;
            }

            return found is null ? null : RuleFindingsOf(found);
        }

        /// <summary>
        /// This schema with the keys of <paramref name="replaced"/> replaced by their values (entity types of the same names),
        /// for <paramref name="compilation"/>; <paramref name="findingsOf"/> finds the findings of the models that result, each
        /// given with the model it replaces (the same model when none of its entity types changed).
        /// </summary>
        public AnalyzedSchema WithEntitiesReplaced(Compilation compilation, IReadOnlyDictionary<EntityTypeModel, EntityTypeModel> replaced,
            Func<IReadOnlyList<(SchemaModel Before, SchemaModel After)>, ModelFindings> findingsOf)
        {
            var models = new Dictionary<SchemaModel, SchemaModel>();
            foreach (var model in Models) models[model] = model.Entities.Any(replaced.ContainsKey) ? model.WithEntitiesReplaced(replaced) : model;
            var byTypeName = new Dictionary<string, List<(SchemaModel Model, EntityTypeModel Entity)>>(_byTypeName.Count, StringComparer.Ordinal);
            foreach (var mapped in _byTypeName)
                byTypeName[mapped.Key] = mapped.Value.ConvertAll(e => (models[e.Model], replaced.TryGetValue(e.Entity, out var entity) ? entity : e.Entity));
            var newModels = Models.Select(m => models[m]).ToList();
            return new AnalyzedSchema(compilation, newModels, byTypeName, findingsOf(Models.Select(m => (m, models[m])).ToList()), _placer);
        }

        /// <summary>
        /// This schema, its findings in the keys of <paramref name="replaced"/> moved to the values at the same spans: for trees
        /// edited only past everything the extraction read or pointed at, whose text up to there is unchanged.
        /// </summary>
        public AnalyzedSchema WithTreesReplaced(IReadOnlyDictionary<SyntaxTree, SyntaxTree> replaced)
        {
            var copy = new AnalyzedSchema(Models, _byTypeName, _ruleFindings) { ReadFailure = ReadFailure, _placer = _placer };
            foreach (var placed in _byTree)
            {
                if (!replaced.TryGetValue(placed.Key, out var tree))
                {
                    copy._byTree[placed.Key] = placed.Value;
                    continue;
                }

                copy._byTree[tree] = placed.Value.ConvertAll(finding => finding.In(tree));
            }

            return copy;
        }

        public IReadOnlyList<PlacedFinding> FindingsIn(SyntaxTree tree) => _byTree.TryGetValue(tree, out var list) ? list : None;

        /// <summary>Every context's entity type for the CLR type (an owned type can appear once per owning navigation).</summary>
        public IReadOnlyList<(SchemaModel Model, EntityTypeModel Entity)> EntitiesFor(INamedTypeSymbol type) =>
            _byTypeName.TryGetValue(TypeIdentity.Of(type), out var entities) ? entities : NoEntities;

        /// <summary>
        /// Entity types (in any context) whose CLR type derives from <paramref name="baseType"/>, e.g. users of a mapped base
        /// class's property. <paramref name="typeNamed"/> finds an entity's type in the asking compilation.
        /// </summary>
        public IEnumerable<(SchemaModel Model, EntityTypeModel Entity)> EntitiesDerivedFrom(INamedTypeSymbol baseType, Func<string, INamedTypeSymbol?> typeNamed)
        {
            foreach (var model in Models)
            {
                foreach (var entity in model.Entities)
                {
                    var type = typeNamed(entity.Name);
                    if (type is null || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseType.OriginalDefinition)) continue;
                    for (var current = type.BaseType; current is not null; current = current.BaseType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
                        {
                            yield return (model, entity);
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Where one finding is reported: its rule, tree, span and message. Hashed without the message, which is long and
        /// rarely shared by two findings of one rule at one span.
        /// </summary>
        private readonly struct PlacementKey
        {
            public static readonly IEqualityComparer<PlacementKey> Comparer = new KeyComparer();

            public PlacementKey(Finding finding, SyntaxTree tree, TextSpan span)
            {
                Finding = finding;
                Tree = tree;
                Span = span;
            }

            public Finding Finding { get; }
            public SyntaxTree Tree { get; }
            public TextSpan Span { get; }

            private sealed class KeyComparer : IEqualityComparer<PlacementKey>
            {
                public bool Equals(PlacementKey x, PlacementKey y) =>
                    x.Tree == y.Tree && x.Span == y.Span && string.Equals(x.Finding.RuleId, y.Finding.RuleId, StringComparison.Ordinal)
                    && string.Equals(x.Finding.Message, y.Finding.Message, StringComparison.Ordinal);

                public int GetHashCode(PlacementKey key) =>
                    ((System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Tree) * 31 + key.Span.GetHashCode()) * 31)
                    + StringComparer.Ordinal.GetHashCode(key.Finding.RuleId);
            }
        }

        /// <summary>Finds the tree of a finding's file; findings come ordered by entity type and file, so most share the last one's.</summary>
        private sealed class TreePlacer
        {
            // The compilation's trees in order, and each path's tree (null for a path two trees share). Holds trees, which
            // hold no compilation, as the findings do.
            private readonly SyntaxTree[] _order;
            private readonly Dictionary<string, SyntaxTree?> _trees;
            private string? _lastPath;
            private SyntaxTree? _lastTree;

            /// <param name="before">
            /// The placer of the snapshot before: its trees by path are taken over, and only the trees at places where the
            /// compilation's differ are looked at again. Hashing every file's path after every model edit was about a fifth
            /// of placing the findings (bench/ANALYSIS.md, run 28).
            /// </param>
            public TreePlacer(Compilation compilation, TreePlacer? before)
            {
                _order = compilation.SyntaxTrees.ToArray();
                _trees = before is not null && before._order.Length == _order.Length ? TakenOver(before) ?? ByPath() : ByPath();
            }

            private Dictionary<string, SyntaxTree?> ByPath()
            {
                var trees = new Dictionary<string, SyntaxTree?>(_order.Length, StringComparer.Ordinal);
                foreach (var tree in _order)
                {
                    if (string.IsNullOrEmpty(tree.FilePath)) continue;

                    // Two trees with one path cannot be told apart by a location that names only the path.
                    trees[tree.FilePath] = trees.ContainsKey(tree.FilePath) ? null : tree;
                }

                return trees;
            }

            /// <summary>The snapshot before's trees by path, each tree edited since in its place; null when a file's path changed.</summary>
            private Dictionary<string, SyntaxTree?>? TakenOver(TreePlacer before)
            {
                Dictionary<string, SyntaxTree?>? trees = null;
                for (var i = 0; i < _order.Length; i++)
                {
                    var was = before._order[i];
                    var now = _order[i];
                    if (ReferenceEquals(was, now)) continue;
                    if (!string.Equals(was.FilePath, now.FilePath, StringComparison.Ordinal)) return null;
                    if (string.IsNullOrEmpty(now.FilePath)) continue;
                    trees ??= new Dictionary<string, SyntaxTree?>(before._trees, StringComparer.Ordinal);

                    // A path two trees share stays shared: the edit changed a tree's text, not its path.
                    if (trees[now.FilePath] is not null) trees[now.FilePath] = now;
                }

                return trees ?? before._trees;
            }

            public bool TryPlace(SourceLocation? location, out SyntaxTree tree, out TextSpan span)
            {
                tree = null!;
                span = default;
                if (location is null) return false;
                if (!string.Equals(location.FilePath, _lastPath, StringComparison.Ordinal))
                {
                    _lastTree = _trees.TryGetValue(location.FilePath, out var byPath) ? byPath : null;
                    _lastPath = location.FilePath;
                }

                if (_lastTree is null) return false;
                tree = _lastTree;
                var text = tree.GetText();
                if (location.SpanStart is int start && location.SpanLength is int length)
                {
                    if (start < 0 || length < 0 || start + length > text.Length) return false;
                    span = new TextSpan(start, length);
                    return true;
                }

                // A location with lines only: point at the line's text from the column on.
                if (location.Line > text.Lines.Count) return false;
                var line = text.Lines[location.Line - 1];
                var from = Math.Min(line.Start + location.Column - 1, line.End);
                span = TextSpan.FromBounds(from, line.End);
                return true;
            }
        }
    }
}
