using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>A write one tree makes to a member: the node that binds to the member (null for a write by name only).</summary>
    internal sealed class TreeWrite
    {
        public TreeWrite(SyntaxNode? target, bool creationOnly)
        {
            Target = target;
            CreationOnly = creationOnly;
        }

        /// <summary>What binds to the written member; null for a write by name only.</summary>
        public SyntaxNode? Target { get; }

        public bool CreationOnly { get; }
    }

    /// <summary>
    /// What one syntax tree's hand-written code tells the model, read from syntax alone: the members it assigns (on
    /// creation, on update), the member names it mentions in strings, the providers it registers contexts with. A function
    /// of the tree and nothing else, so it is read once per tree and shared by every snapshot that still contains that tree:
    /// after an edit only the edited file is scanned again. It holds nodes of its own tree, never a symbol.
    /// </summary>
    internal sealed class TreeScan
    {
        private static readonly string[] ModelBuildingMethods = { "OnModelCreating", "ConfigureConventions", "Configure", "OnConfiguring" };
        private static readonly ConditionalWeakTable<SyntaxTree, TreeScan> Scans = new ConditionalWeakTable<SyntaxTree, TreeScan>();

        private readonly HashSet<string> _assigned = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _updated = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _mentioned = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<DatabaseProvider>> _registrations = new Dictionary<string, HashSet<DatabaseProvider>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TreeWrite>> _writes = new Dictionary<string, List<TreeWrite>>(StringComparer.Ordinal);
        private bool _hasUntraceableWrites;

        private TreeScan(SyntaxTree tree, CancellationToken cancellationToken)
        {
            IsGenerated = IsGeneratedFile(tree, cancellationToken);
            if (!IsGenerated) Scan(tree.GetRoot(cancellationToken));
        }

        /// <summary>The scan of a tree, read on first demand and then shared while the tree lives (a cancelled read leaves nothing).</summary>
        public static TreeScan Of(SyntaxTree tree, CancellationToken cancellationToken) => Scans.GetValue(tree, t => new TreeScan(t, cancellationToken));

        /// <summary>Generated code (migrations, designers, snapshots) says nothing about what the application assigns.</summary>
        public bool IsGenerated { get; }

        public IReadOnlyCollection<string> Assigned => _assigned;

        public IReadOnlyCollection<string> Updated => _updated;

        public IReadOnlyCollection<string> Mentioned => _mentioned;

        public IReadOnlyDictionary<string, HashSet<DatabaseProvider>> Registrations => _registrations;

        public bool Assigns(string name) => _assigned.Contains(name);

        /// <summary>Whether the tree assigns a member of that name outside object creation.</summary>
        public bool Updates(string name) => _updated.Contains(name);

        public bool Mentions(string name) => _mentioned.Contains(name);

        public IReadOnlyDictionary<string, List<TreeWrite>> Writes => _writes;

        /// <summary>The tree writes values in ways this scan cannot attribute to a member (SetValue, computed property names).</summary>
        public bool HasUntraceableWrites => _hasUntraceableWrites;

        // Every identifier the tree spells, read on first demand (only trees whose writes a model edit takes over are asked).
        private HashSet<string>? _identifiers;

        /// <summary>
        /// Whether the tree spells any of <paramref name="names"/> as an identifier anywhere. A model edit asks it of each tree
        /// whose write bindings it would take over: a tree that names no changed member keeps them all without walking the
        /// tokens of each member that writes (<paramref name="tree"/> is the tree this scan was read from).
        /// </summary>
        public bool NamesAny(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
        {
            if (names.Count == 0) return false;
            var identifiers = Volatile.Read(ref _identifiers);
            if (identifiers is null)
            {
                identifiers = new HashSet<string>(StringComparer.Ordinal);
                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken)) identifiers.Add(token.ValueText);
                }

                Interlocked.CompareExchange(ref _identifiers, identifiers, null);
            }

            return identifiers.Overlaps(names);
        }

        private void AddWrite(string name, SyntaxNode? target, bool creationOnly)
        {
            if (!_writes.TryGetValue(name, out var writes)) _writes[name] = writes = new List<TreeWrite>();
            writes.Add(new TreeWrite(target, creationOnly));
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
                    _hasUntraceableWrites = true;
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
            foreach (var provider in CodeScan.ProvidersIn(scope)) providers.Add(provider);
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
                if (target is ElementAccessExpressionSyntax || (target is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValue" })) _hasUntraceableWrites = true;
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




        private static bool IsGeneratedFile(SyntaxTree tree, CancellationToken cancellationToken)
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
