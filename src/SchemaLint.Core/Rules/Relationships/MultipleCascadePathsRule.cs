using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class MultipleCascadePathsRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.MultipleCascadePaths,
            "Multiple cascade paths or a cascade cycle",
            "{0}",
            RuleCategories.Relationships,
            Severity.Warning,
            "Deletes cascade into a table along more than one path, or around a cycle. SQL Server refuses the migration; other databases delete more than intended. A TPH hierarchy is one table; TPT and TPC types each have their own.")
        {
            SeverityByProvider = new Dictionary<DatabaseProvider, Severity> { [DatabaseProvider.SqlServer] = Severity.Error },
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            // SQL Server counts SET NULL as a referential action too (error 1785 names both); elsewhere only cascades delete rows.
            var graph = CascadeGraph.Build(context.Index, includeSetNull: context.Provider == DatabaseProvider.SqlServer);
            if (graph.Edges.Count == 0) return;
            var severity = context.Provider == DatabaseProvider.SqlServer ? Severity.Error : (Severity?)null;

            foreach (var edge in graph.CycleEdges())
            {
                if (context.Options.IsExcluded(edge.Dependent)) continue;
                var message = ReferenceEquals(edge.Principal, edge.Dependent)
                    ? $"Relationship {edge.ForeignKey.Describe()} of '{edge.Dependent.ShortName}' cascades deletes to its own table; a delete can cascade without end (SQL Server refuses it)"
                    : $"Relationship {edge.ForeignKey.Describe()} of '{edge.Dependent.ShortName}' closes a cascade cycle through '{edge.Principal.ShortName}'; a delete can come back round to the row it started from (SQL Server refuses it)";
                context.Report(edge.Dependent, edge.ForeignKey.DependentNavigation ?? edge.ForeignKey.PropertyNames[0], edge.ForeignKey.Location, null, severity, message);
            }

            foreach (var (edge, source) in graph.SecondPaths())
            {
                if (context.Options.IsExcluded(edge.Dependent)) continue;
                var message = $"Deleting a '{source.ShortName}' cascades to '{edge.Dependent.ShortName}' along more than one path, the last step being {edge.ForeignKey.Describe()}; SQL Server refuses this, other databases delete through every path";
                context.Report(edge.Dependent, edge.ForeignKey.DependentNavigation ?? edge.ForeignKey.PropertyNames[0], edge.ForeignKey.Location, null, severity, message);
            }
        }

        internal override bool NamesFactsRead => true;

        /// <summary>
        /// What the cascade graph and its findings read of an entity type: whether and where it is stored (its table, its base
        /// type and its hierarchy's strategy), its relationships as constraints (principal, columns, delete behaviour, ownership,
        /// navigation and where each is configured), and the names and package facts its findings show. An edit that leaves
        /// all of these alone, adding a column say, leaves every cascade path as it was.
        /// </summary>
        internal override string FactsReadOf(ModelIndex index, EntityTypeModel entity)
        {
            var facts = new FactsRead()
                .Add(entity.ShortName).Add(entity.Mapping).Add(entity.TableName).Add(entity.BaseTypeName)
                .Add(index.Root(entity).Name).Add(index.Root(entity).InheritanceStrategy).Add(entity.Location);
            foreach (var foreignKey in entity.ForeignKeys)
            {
                facts.Add(foreignKey.PrincipalEntityName).Add(string.Join(",", foreignKey.PropertyNames)).Add(foreignKey.DeleteBehavior)
                    .Add(foreignKey.IsOwnership).Add(foreignKey.DependentNavigation).Add(foreignKey.Location);
            }

            return facts.AddPackageFacts(index, entity).ToString();
        }

        private sealed class CascadeEdge
        {
            public CascadeEdge(EntityTypeModel principal, EntityTypeModel dependent, ForeignKeyModel foreignKey)
            {
                Principal = principal;
                Dependent = dependent;
                ForeignKey = foreignKey;
            }

            public EntityTypeModel Principal { get; }
            public EntityTypeModel Dependent { get; }
            public ForeignKeyModel ForeignKey { get; }
        }

        /// <summary>Database-side cascades between tables. Client-side cascades and table-splitting ownerships are not constraints.</summary>
        private sealed class CascadeGraph
        {
            private readonly Dictionary<EntityTypeModel, List<CascadeEdge>> _outgoing = new Dictionary<EntityTypeModel, List<CascadeEdge>>();
            private readonly Dictionary<EntityTypeModel, List<CascadeEdge>> _incoming = new Dictionary<EntityTypeModel, List<CascadeEdge>>();

            public List<CascadeEdge> Edges { get; } = new List<CascadeEdge>();

            public static CascadeGraph Build(ModelIndex index, bool includeSetNull)
            {
                var graph = new CascadeGraph();
                var derivedTypes = DerivedTypesByBase(index);
                foreach (var dependent in index.Model.Entities)
                {
                    foreach (var foreignKey in dependent.ForeignKeys)
                    {
                        if (!foreignKey.DeleteBehavior.Is(DeleteBehaviorKind.Cascade) && !(includeSetNull && foreignKey.DeleteBehavior.Is(DeleteBehaviorKind.SetNull))) continue;
                        var principal = index.Principal(foreignKey);
                        if (principal is null) continue;

                        // Only tables carry foreign key constraints; a view or a query cascades nothing.
                        // (An abstract TPC base has no table, but its foreign key columns live in every derived type's.)
                        if (!RuleFacts.IsKnownTable(principal)) continue;
                        if (foreignKey.IsOwnership && !(dependent.TableName is not null && principal.TableName is not null && dependent.TableName != principal.TableName)) continue;

                        // Under TPC a type with derived types keeps its rows in several tables; EF Core creates no constraint to it.
                        if (IsTpc(index, principal) && derivedTypes.ContainsKey(principal)) continue;
                        var from = TableOf(index, principal);
                        if (from is null) continue;
                        foreach (var table in DependentTables(index, dependent, derivedTypes))
                        {
                            var to = TableOf(index, table);
                            if (to is null) continue;
                            var edge = new CascadeEdge(from, to, foreignKey);
                            graph.Edges.Add(edge);
                            Add(graph._outgoing, from, edge);
                            Add(graph._incoming, to, edge);
                        }
                    }
                }

                return graph;
            }

            /// <summary>
            /// The node a type's rows live in: a TPH hierarchy is one table (its root's); under TPT and TPC every type has a table
            /// of its own, and the TPT link from a derived table to its base table is an edge between two tables, not a self-reference.
            /// Null when the inheritance strategy is unknown.
            /// </summary>
            private static EntityTypeModel? TableOf(ModelIndex index, EntityTypeModel entity)
            {
                if (entity.BaseTypeName is null) return entity;
                var root = index.Root(entity);
                if (!root.InheritanceStrategy.TryGet(out var strategy) || strategy == InheritanceStrategy.None) return null;
                return strategy == InheritanceStrategy.Tph ? root : entity;
            }

            private static bool IsTpc(ModelIndex index, EntityTypeModel entity) => index.Root(entity).InheritanceStrategy.Is(InheritanceStrategy.Tpc);

            /// <summary>The tables holding a foreign key's column: its declaring type's, and under TPC every derived type's too.</summary>
            private static IEnumerable<EntityTypeModel> DependentTables(ModelIndex index, EntityTypeModel dependent, Dictionary<EntityTypeModel, List<EntityTypeModel>> derivedTypes)
            {
                if (RuleFacts.IsKnownTable(dependent)) yield return dependent;
                if (!IsTpc(index, dependent)) yield break;
                var pending = new Stack<EntityTypeModel>(derivedTypes.TryGetValue(dependent, out var direct) ? direct : new List<EntityTypeModel>());
                var seen = new HashSet<EntityTypeModel> { dependent };
                while (pending.Count > 0)
                {
                    var derived = pending.Pop();
                    if (!seen.Add(derived)) continue;
                    if (RuleFacts.IsKnownTable(derived)) yield return derived;
                    if (derivedTypes.TryGetValue(derived, out var further)) foreach (var next in further) pending.Push(next);
                }
            }

            private static Dictionary<EntityTypeModel, List<EntityTypeModel>> DerivedTypesByBase(ModelIndex index)
            {
                var byBase = new Dictionary<EntityTypeModel, List<EntityTypeModel>>();
                foreach (var entity in index.Model.Entities)
                {
                    if (entity.BaseTypeName is null || index.Model.FindEntity(entity.BaseTypeName) is not { } baseType) continue;
                    if (!byBase.TryGetValue(baseType, out var list)) byBase[baseType] = list = new List<EntityTypeModel>();
                    list.Add(entity);
                }

                return byBase;
            }

            /// <summary>One edge of each cycle (self-references included), found through strongly connected components.</summary>
            public IEnumerable<CascadeEdge> CycleEdges()
            {
                foreach (var edge in Edges.Where(e => ReferenceEquals(e.Principal, e.Dependent))) yield return edge;
                foreach (var component in StronglyConnectedComponents().Where(c => c.Count > 1))
                {
                    var members = new HashSet<EntityTypeModel>(component);
                    var closing = Edges.Where(e => members.Contains(e.Principal) && members.Contains(e.Dependent) && !ReferenceEquals(e.Principal, e.Dependent))
                        .OrderBy(Key, StringComparer.Ordinal)
                        .FirstOrDefault();
                    if (closing is not null) yield return closing;
                }
            }

            /// <summary>
            /// For each table that two cascade edges enter, whether their sources share an ancestor (or one is the other's):
            /// then one delete reaches the table along two paths. Only tables with two incoming cascades can be such a meeting point.
            /// </summary>
            public IEnumerable<(CascadeEdge Edge, EntityTypeModel Source)> SecondPaths()
            {
                // Both front ends must name the same step, whatever order their model lists entity types and foreign keys
                // in: meeting tables and their incoming edges are taken in name order, and the step chosen is fixed below.
                foreach (var pair in _incoming.Where(p => p.Value.Count > 1).OrderBy(p => p.Key.Name, StringComparer.Ordinal))
                {
                    var incoming = pair.Value.Where(e => !ReferenceEquals(e.Principal, e.Dependent)).OrderBy(Key, StringComparer.Ordinal).ToList();
                    var seenAncestors = new HashSet<EntityTypeModel>();
                    EntityTypeModel? source = null;
                    foreach (var edge in incoming)
                    {
                        var ancestors = AncestorsOf(edge.Principal);
                        source = ancestors.FirstOrDefault(seenAncestors.Contains);
                        if (source is not null) break;
                        seenAncestors.UnionWith(ancestors);
                    }

                    if (source is null) continue;
                    yield return (StepToBreak(incoming, source), source);
                }
            }

            /// <summary>
            /// The one step a finding names, of the edges by which deletes from <paramref name="source"/> enter the table: the
            /// direct one from the source itself when there is one (the shortcut beside the longer path, the one to make
            /// NoAction), otherwise the first in name order (principal, then the key's columns) of those the source reaches.
            /// Every front end names the same one, whatever order its model lists entity types and foreign keys in.
            /// </summary>
            private CascadeEdge StepToBreak(List<CascadeEdge> incoming, EntityTypeModel source)
            {
                var reached = incoming.Where(e => AncestorsOf(e.Principal).Contains(source)).ToList();
                return reached.FirstOrDefault(e => ReferenceEquals(e.Principal, source)) ?? reached[0];
            }

            /// <summary>A name that orders edges the same in every front end: principal, dependent, then the key's columns.</summary>
            internal static string Key(CascadeEdge edge) =>
                edge.Principal.Name + "\u0001" + edge.Dependent.Name + "\u0001" + string.Join(",", edge.ForeignKey.PropertyNames);

            private List<EntityTypeModel> AncestorsOf(EntityTypeModel node)
            {
                var result = new List<EntityTypeModel>();
                var seen = new HashSet<EntityTypeModel> { node };
                var queue = new Queue<EntityTypeModel>();
                queue.Enqueue(node);
                result.Add(node);
                while (queue.Count > 0)
                {
                    var current = queue.Dequeue();
                    if (!_incoming.TryGetValue(current, out var edges)) continue;
                    foreach (var edge in edges)
                    {
                        if (seen.Add(edge.Principal))
                        {
                            result.Add(edge.Principal);
                            queue.Enqueue(edge.Principal);
                        }
                    }
                }

                return result;
            }

            private List<List<EntityTypeModel>> StronglyConnectedComponents()
            {
                // Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
                var index = 0;
                var indices = new Dictionary<EntityTypeModel, int>();
                var lowLinks = new Dictionary<EntityTypeModel, int>();
                var onStack = new HashSet<EntityTypeModel>();
                var stack = new Stack<EntityTypeModel>();
                var components = new List<List<EntityTypeModel>>();
                var nodes = _outgoing.Keys.Concat(_incoming.Keys).Distinct().ToList();

                foreach (var start in nodes)
                {
                    if (indices.ContainsKey(start)) continue;
                    var work = new Stack<(EntityTypeModel Node, int NextEdge)>();
                    work.Push((start, 0));
                    indices[start] = lowLinks[start] = index++;
                    stack.Push(start);
                    onStack.Add(start);
                    while (work.Count > 0)
                    {
                        var (node, next) = work.Pop();
                        var edges = _outgoing.TryGetValue(node, out var list) ? list : new List<CascadeEdge>();
                        if (next < edges.Count)
                        {
                            work.Push((node, next + 1));
                            var target = edges[next].Dependent;
                            if (!indices.ContainsKey(target))
                            {
                                indices[target] = lowLinks[target] = index++;
                                stack.Push(target);
                                onStack.Add(target);
                                work.Push((target, 0));
                            }
                            else if (onStack.Contains(target))
                            {
                                lowLinks[node] = Math.Min(lowLinks[node], indices[target]);
                            }

                            continue;
                        }

                        if (work.Count > 0)
                        {
                            var parent = work.Peek().Node;
                            lowLinks[parent] = Math.Min(lowLinks[parent], lowLinks[node]);
                        }

                        if (lowLinks[node] != indices[node]) continue;
                        var component = new List<EntityTypeModel>();
                        EntityTypeModel member;
                        do
                        {
                            member = stack.Pop();
                            onStack.Remove(member);
                            component.Add(member);
                        }
                        while (!ReferenceEquals(member, node));
                        components.Add(component);
                    }
                }

                return components;
            }

            private static void Add(Dictionary<EntityTypeModel, List<CascadeEdge>> map, EntityTypeModel key, CascadeEdge edge)
            {
                if (!map.TryGetValue(key, out var list)) map[key] = list = new List<CascadeEdge>();
                list.Add(edge);
            }
        }
    }
}
