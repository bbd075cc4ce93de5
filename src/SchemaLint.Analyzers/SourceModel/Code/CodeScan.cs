using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// One syntactic pass over the compilation's hand-written code for what the model needs from code outside model
    /// building: which members code assigns (on creation, on update), and which providers contexts are registered with.
    /// Assignments are kept by member name; asked about one entity type, the scan binds the assignments of that name (once,
    /// lazily) to the type whose member they write, so <c>order.CreatedAt = ...</c> says nothing about <c>Invoice.CreatedAt</c>.
    /// </summary>
    internal sealed class CodeScan
    {
        private static readonly string[] ModelBuildingMethods = { "OnModelCreating", "ConfigureConventions", "Configure", "OnConfiguring" };

        private readonly HashSet<string> _assigned = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _updated = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _mentioned = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<DatabaseProvider>> _registrations = new Dictionary<string, HashSet<DatabaseProvider>>(StringComparer.Ordinal);

        /// <summary>Per member name, each write whose target a semantic model can bind (null: written by a string, untyped).</summary>
        private readonly Dictionary<string, List<Write>> _writes = new Dictionary<string, List<Write>>(StringComparer.Ordinal);
        private readonly Dictionary<SyntaxTree, SemanticModel> _semanticModels = new Dictionary<SyntaxTree, SemanticModel>();
        private readonly object _bindGate = new object();
        private readonly Compilation _compilation;

        public CodeScan(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (IsGenerated(tree, cancellationToken)) continue;
                Scan(tree.GetRoot(cancellationToken));
            }
        }

        /// <summary>Code writes values in ways this scan cannot attribute to a member (SetValue, computed property names).</summary>
        public bool HasUntraceableWrites { get; private set; }

        /// <summary>Whether code assigns a member of that name anywhere: unknown when only a string or reflection might.</summary>
        public Fact<bool> IsAssigned(string name, bool declaredInSource) => Answer(_assigned, name, declaredInSource);

        /// <summary>Whether code assigns a member of that name outside object creation (a setter call, a SaveChanges hook).</summary>
        public Fact<bool> IsUpdated(string name, bool declaredInSource) => Answer(_updated, name, declaredInSource);

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

        /// <summary>The one provider a context is registered with (<c>AddDbContext&lt;T&gt;(o =&gt; o.UseNpgsql(...))</c>), or Unknown.</summary>
        public IReadOnlyCollection<DatabaseProvider> RegisteredProviders(string contextName) =>
            _registrations.TryGetValue(contextName, out var providers) ? providers : (IReadOnlyCollection<DatabaseProvider>)Array.Empty<DatabaseProvider>();

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

        private Fact<bool> Answer(HashSet<string> set, string name, bool declaredInSource)
        {
            if (set.Contains(name)) return true;
            if (HasUntraceableWrites || _mentioned.Contains(name) || !declaredInSource) return Fact<bool>.Unknown;
            return false;
        }

        private Fact<bool> Answer(ITypeSymbol entityType, string name, bool declaredInSource, bool updatesOnly)
        {
            var unbound = false;
            if (_writes.TryGetValue(name, out var writes))
            {
                foreach (var write in writes)
                {
                    if (updatesOnly && write.CreationOnly) continue;
                    if (write.Target is null) return true;
                    var owner = Owner(write);
                    if (owner is null) unbound = true;
                    else if (Covers(owner, entityType)) return true;
                }
            }

            if (unbound || HasUntraceableWrites || _mentioned.Contains(name) || !declaredInSource) return Fact<bool>.Unknown;
            return false;
        }

        /// <summary>A member of <paramref name="owner"/> is one of <paramref name="entityType"/>'s: the type itself, a base class, an interface it implements.</summary>
        private static bool Covers(ITypeSymbol owner, ITypeSymbol entityType)
        {
            var definition = owner.OriginalDefinition;
            for (var type = entityType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition)) return true;
            }

            foreach (var implemented in entityType.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, definition)) return true;
            }

            return false;
        }

        /// <summary>The type whose member a write assigns, bound once; null when the compiler cannot bind it.</summary>
        private ITypeSymbol? Owner(Write write)
        {
            lock (_bindGate)
            {
                if (write.Bound) return write.Owner;
                var node = write.Target!;
                if (!_semanticModels.TryGetValue(node.SyntaxTree, out var model)) _semanticModels[node.SyntaxTree] = model = _compilation.GetSemanticModel(node.SyntaxTree);
                ISymbol? symbol = node switch
                {
                    PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property),
                    ParameterSyntax parameter => model.GetDeclaredSymbol(parameter),
                    _ => model.GetSymbolInfo(node).Symbol ?? SingleCandidate(model.GetSymbolInfo(node)),
                };
                write.Owner = symbol switch
                {
                    IParameterSymbol parameter => parameter.ContainingSymbol?.ContainingType,
                    IPropertySymbol or IFieldSymbol => symbol.ContainingType,
                    _ => null,
                };
                write.Bound = true;
                return write.Owner;
            }
        }

        private static ISymbol? SingleCandidate(SymbolInfo info) => info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null;

        private void AddWrite(string name, SyntaxNode? target, bool creationOnly)
        {
            if (!_writes.TryGetValue(name, out var writes)) _writes[name] = writes = new List<Write>();
            writes.Add(new Write(target, creationOnly));
        }

        private void Scan(SyntaxNode root)
        {
            foreach (var node in root.DescendantNodes(n => !IsSkipped(n)))
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment:
                        Assignment(assignment.Left, assignment);
                        break;
                    case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                        Assignment(prefix.Operand, prefix);
                        break;
                    case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                        Assignment(postfix.Operand, postfix);
                        break;
                    case PropertyDeclarationSyntax { Initializer: not null } property:
                        _assigned.Add(property.Identifier.ValueText);
                        AddWrite(property.Identifier.ValueText, property, creationOnly: true);
                        break;
                    case RecordDeclarationSyntax { ParameterList: not null } record:
                        foreach (var parameter in record.ParameterList.Parameters)
                        {
                            _assigned.Add(parameter.Identifier.ValueText);
                            AddWrite(parameter.Identifier.ValueText, parameter, creationOnly: true);
                        }

                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && !InModelBuilding(literal):
                        _mentioned.Add(literal.Token.ValueText);
                        break;
                    case InvocationExpressionSyntax invocation:
                        Invocation(invocation);
                        break;
                }
            }
        }

        private void Invocation(InvocationExpressionSyntax invocation)
        {
            var name = MethodName(invocation);
            switch (name)
            {
                case "nameof" when !InModelBuilding(invocation) && invocation.ArgumentList.Arguments.Count == 1:
                    var target = invocation.ArgumentList.Arguments[0].Expression;
                    if (target is MemberAccessExpressionSyntax access) _mentioned.Add(access.Name.Identifier.ValueText);
                    else if (target is IdentifierNameSyntax identifier) _mentioned.Add(identifier.Identifier.ValueText);
                    break;
                case "SetValue":
                case "SetValues":
                    HasUntraceableWrites = true;
                    break;
                case "AddDbContext":
                case "AddDbContextPool":
                case "AddDbContextFactory":
                case "AddPooledDbContextFactory":
                    if (invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } && generic.TypeArgumentList.Arguments.Count > 0)
                        Register(generic.TypeArgumentList.Arguments.Last(), invocation.ArgumentList);
                    break;
            }

            // The whole chain once, from its last call: `new DbContextOptionsBuilder<T>().UseNpgsql(...).Options` ends in a
            // property, which still makes UseNpgsql the last call (the design-time factory's usual shape).
            if (invocation.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } && invocation.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().FirstOrDefault(IsOptionsBuilder) is { } creation
                && creation.Type is GenericNameSyntax optionsBuilder)
                Register(optionsBuilder.TypeArgumentList.Arguments[0], invocation);
        }

        private static bool IsOptionsBuilder(ObjectCreationExpressionSyntax creation) =>
            creation.Type is GenericNameSyntax { Identifier.ValueText: "DbContextOptionsBuilder", TypeArgumentList.Arguments.Count: 1 };

        private void Register(TypeSyntax context, SyntaxNode scope)
        {
            var text = context.ToString();
            var simple = text.Substring(text.LastIndexOf('.') + 1);
            if (!_registrations.TryGetValue(simple, out var providers)) _registrations[simple] = providers = new HashSet<DatabaseProvider>();
            foreach (var provider in ProvidersIn(scope)) providers.Add(provider);
        }

        private void Assignment(ExpressionSyntax target, SyntaxNode assignment)
        {
            if (target is TupleExpressionSyntax tuple)
            {
                foreach (var argument in tuple.Arguments) Assignment(argument.Expression, assignment);
                return;
            }

            var name = AssignedName(target);
            if (name is null)
            {
                if (target is ElementAccessExpressionSyntax || (target is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValue" })) HasUntraceableWrites = true;
                return;
            }

            var creationOnly = IsCreationOnly(assignment);
            _assigned.Add(name);
            if (!creationOnly) _updated.Add(name);
            AddWrite(name, BindableTarget(target), creationOnly);
        }

        /// <summary>
        /// The node that binds to the written member: the target itself, or the lambda's member in
        /// <c>entry.Property(e =&gt; e.CreatedAt).CurrentValue</c>; null for writes by a string name, which may be any type's.
        /// </summary>
        private static SyntaxNode? BindableTarget(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax => target,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValue" } current =>
                current.Expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
                && call.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax { Body: MemberAccessExpressionSyntax member }
                    ? member
                    : null,
            MemberAccessExpressionSyntax => target,
            MemberBindingExpressionSyntax => target,
            _ => null,
        };

        private sealed class Write
        {
            public Write(SyntaxNode? target, bool creationOnly)
            {
                Target = target;
                CreationOnly = creationOnly;
            }

            /// <summary>What binds to the written member; null for a write by name only.</summary>
            public SyntaxNode? Target { get; }

            public bool CreationOnly { get; }

            public bool Bound { get; set; }

            public ITypeSymbol? Owner { get; set; }
        }

        /// <summary>
        /// The member an assignment target names: <c>x.CreatedAt</c>, <c>CreatedAt</c>, <c>entry.Property("CreatedAt").CurrentValue</c>,
        /// <c>entry.Property(e =&gt; e.CreatedAt).CurrentValue</c>, <c>entry.CurrentValues["CreatedAt"]</c>.
        /// </summary>
        private static string? AssignedName(ExpressionSyntax target)
        {
            switch (target)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValue" } current:
                    if (current.Expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call && MethodName(call) is "Property" or "Reference" or "Member")
                    {
                        var argument = call.ArgumentList.Arguments[0].Expression;
                        if (argument is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)) return literal.Token.ValueText;
                        if (argument is SimpleLambdaExpressionSyntax { Body: MemberAccessExpressionSyntax member }) return member.Name.Identifier.ValueText;
                        if (argument is InvocationExpressionSyntax nameOf && MethodName(nameOf) == "nameof" && nameOf.ArgumentList.Arguments.Count == 1)
                            return nameOf.ArgumentList.Arguments[0].Expression is MemberAccessExpressionSyntax named ? named.Name.Identifier.ValueText : nameOf.ArgumentList.Arguments[0].Expression.ToString();
                    }

                    return null;
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element
                    when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                default:
                    return null;
            }
        }

        /// <summary>Object initializers, with-expressions and constructors set values when an object is created, not when it changes.</summary>
        private static bool IsCreationOnly(SyntaxNode assignment)
        {
            if (assignment.Parent is InitializerExpressionSyntax initializer
                && (initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression)))
                return true;
            return assignment.Ancestors().Any(a => a is ConstructorDeclarationSyntax);
        }

        private static bool InModelBuilding(SyntaxNode node) =>
            node.Ancestors().OfType<MethodDeclarationSyntax>().Any(m => Array.IndexOf(ModelBuildingMethods, m.Identifier.ValueText) >= 0);

        /// <summary>EF Core migrations and their snapshots name every column; they say nothing about what code assigns.</summary>
        private static bool IsSkipped(SyntaxNode node) =>
            node is ClassDeclarationSyntax { BaseList: not null } type
            && type.BaseList.Types.Any(t => t.Type.ToString() is "Migration" or "ModelSnapshot" or "Microsoft.EntityFrameworkCore.Migrations.Migration" or "Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot");

        public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var path = tree.FilePath ?? string.Empty;
            if (path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith("ModelSnapshot.cs", StringComparison.OrdinalIgnoreCase))
                return true;
            var first = tree.GetRoot(cancellationToken).GetLeadingTrivia().ToString();
            return first.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
