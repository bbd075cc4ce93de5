using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// Reads model-building code syntactically: the bodies of OnModelCreating, ConfigureConventions and
    /// IEntityTypeConfiguration&lt;T&gt;.Configure. Builders are tracked through parameters, lambda parameters and locals;
    /// a statement that touches a builder in a way not understood makes what that builder configures unknown.
    /// </summary>
    internal sealed class FluentReader
    {
        private readonly HashSet<(IMethodSymbol, EntityDraft?)> _read = new HashSet<(IMethodSymbol, EntityDraft?)>();
        private readonly CancellationToken _cancellationToken;

        public FluentReader(ModelDraft model, CompilationScope scope, CancellationToken cancellationToken)
        {
            Model = model;
            Scope = scope;
            _cancellationToken = cancellationToken;
        }

        public ModelDraft Model { get; }

        public CompilationScope Scope { get; }

        /// <summary>
        /// A type named in Fluent code: one source type of that name, or else (no source type has the name) one entity type the model already has
        /// (entity classes often live in a referenced project); null when neither is unique.
        /// </summary>
        public INamedTypeSymbol? ResolveType(TypeSyntax syntax)
        {
            var inSource = Scope.ResolveType(syntax);
            if (inSource is not null) return inSource;
            var text = syntax.ToString().Replace("global::", string.Empty);
            if (Scope.DeclaresTypeNamed(text.Substring(text.LastIndexOf('.') + 1))) return null;
            var matches = Model.Entities
                .Where(e => !e.IsOwned)
                .Select(e => e.Type)
                .Where(t => t.Name == text || ClrTypes.FullNameForEntity(t) == text || ClrTypes.FullNameForEntity(t).EndsWith("." + text, StringComparison.Ordinal))
                .Distinct(SymbolEqualityComparer.Default)
                .ToList();
            return matches.Count == 1 ? (INamedTypeSymbol?)matches[0] : null;
        }

        public void ReadOnModelCreating() => ReadModelMethod(Scope.FindContextOverride(Model.Context, "OnModelCreating"));

        public void ReadConfigureConventions() => ReadConventionsMethod(Scope.FindContextOverride(Model.Context, "ConfigureConventions"));

        /// <summary>Runs a configuration class's Configure (and the base versions it calls) against an entity.</summary>
        public void ApplyConfiguration(INamedTypeSymbol configuration, EntityDraft entity) => ReadConfigureMethod(CompilationScope.FindConfigure(configuration), entity);

        public void ApplyAllConfigurations()
        {
            foreach (var (configuration, entityType) in Scope.Configurations)
            {
                var entity = Model.GetOrAdd(entityType);
                if (entity is not null) ApplyConfiguration(configuration, entity);
            }
        }

        /// <summary>Reads a lambda passed to a builder (<c>b =&gt; ...</c>); anything else (a method group, a variable) cannot be followed.</summary>
        public void ReadLambda(ArgumentSyntax argument, Binding binding)
        {
            if (Arguments.TryLambda(argument.Expression, out var parameter, out var body))
                ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = binding }, null);
            else
                binding.Taint();
        }

        private void ReadModelMethod(IMethodSymbol? method)
        {
            if (method is null || !_read.Add((method, null))) return;
            var body = CompilationScope.BodyOf(method, out var parameter);
            if (body is null || parameter is null)
            {
                Model.MakeOpaque();
                return;
            }

            ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = new ModelBinding(this) },
                step => step.Name == "OnModelCreating" && Do(() => ReadModelMethod(Scope.FindContextOverride(method.ContainingType.BaseType, "OnModelCreating"))));
        }

        private void ReadConventionsMethod(IMethodSymbol? method)
        {
            if (method is null || !_read.Add((method, null))) return;
            var body = CompilationScope.BodyOf(method, out var parameter);
            if (body is null || parameter is null)
            {
                Model.ConventionsOpaque = true;
                return;
            }

            ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = new ConventionsBinding(Model) },
                step => step.Name == "ConfigureConventions" && Do(() => ReadConventionsMethod(Scope.FindContextOverride(method.ContainingType.BaseType, "ConfigureConventions"))));
        }

        private void ReadConfigureMethod(IMethodSymbol? method, EntityDraft entity)
        {
            if (method is null)
            {
                entity.MakeOpaque();
                return;
            }

            if (!_read.Add((method, entity))) return;
            var body = CompilationScope.BodyOf(method, out var parameter);
            if (body is null || parameter is null)
            {
                entity.MakeOpaque();
                return;
            }

            ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = new EntityBinding(this, entity) },
                step => step.Name == "Configure" && Do(() => ReadConfigureMethod(CompilationScope.FindConfigure(method.ContainingType.BaseType), entity)));
        }

        private static bool Do(Action action)
        {
            action();
            return true;
        }

        /// <param name="baseCall">Handles <c>base.Method(builder)</c>; returns false when the call is not the one it handles.</param>
        private void ReadBody(SyntaxNode body, Dictionary<string, Binding> bindings, Func<ChainStep, bool>? baseCall)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (body is ExpressionSyntax expression)
            {
                ReadExpression(expression, bindings, baseCall);
                return;
            }

            if (body is not BlockSyntax block)
            {
                TaintReferenced(body, bindings);
                return;
            }

            foreach (var statement in block.Statements)
            {
                switch (statement)
                {
                    case ExpressionStatementSyntax expressionStatement:
                        ReadExpression(expressionStatement.Expression, bindings, baseCall);
                        break;
                    case LocalDeclarationStatementSyntax declaration:
                        foreach (var variable in declaration.Declaration.Variables)
                        {
                            if (variable.Initializer is null) continue;
                            var result = ReadExpression(variable.Initializer.Value, bindings, null);
                            if (result is not null) bindings[variable.Identifier.ValueText] = result;
                        }

                        break;
                    case EmptyStatementSyntax:
                        break;
                    default:
                        TaintReferenced(statement, bindings);
                        break;
                }
            }
        }

        /// <summary>Reads one expression; returns the builder it evaluates to when it is a chain on a tracked builder.</summary>
        private Binding? ReadExpression(ExpressionSyntax expression, Dictionary<string, Binding> bindings, Func<ChainStep, bool>? baseCall)
        {
            if (!ChainStep.TryParse(expression, out var root, out var steps))
            {
                TaintReferenced(expression, bindings);
                return null;
            }

            if (root is BaseExpressionSyntax && steps.Count == 1 && baseCall is not null && baseCall(steps[0])) return null;
            if (root is not IdentifierNameSyntax identifier || !bindings.TryGetValue(identifier.Identifier.ValueText, out var current))
            {
                TaintReferenced(expression, bindings);
                return null;
            }

            foreach (var step in steps)
            {
                var next = current.Apply(step);
                if (next is null)
                {
                    current.Taint();
                    return null;
                }

                current = next;
            }

            return current;
        }

        private static void TaintReferenced(SyntaxNode node, Dictionary<string, Binding> bindings)
        {
            foreach (var name in Arguments.Identifiers(node).Select(i => i.Identifier.ValueText).Distinct())
            {
                if (bindings.TryGetValue(name, out var binding)) binding.Taint();
            }
        }
    }
}
