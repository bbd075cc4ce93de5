using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// What the whole compilation declares that model building refers to: DbContext subclasses and entity type
    /// configuration classes; types named in model-building code are bound with the semantic model of their tree.
    /// </summary>
    internal sealed class CompilationScope
    {
        /// <param name="typeFacts">What earlier snapshots read of types' declarations that this one can take over.</param>
        public CompilationScope(Compilation compilation, EfSymbols symbols, Declarations.TypeFactsStore typeFacts, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Symbols = symbols;
            Semantics = new ModelSemantics(compilation, cancellationToken);
            Clr = new ClrTypeReader(compilation, symbols, typeFacts);
            TypeFacts = new Declarations.TypeFactsReader(compilation, symbols, Clr, typeFacts);
            if (typeFacts.Scope is { } known && TakeOver(known)) return;

            Contexts.Clear();
            Configurations.Clear();
            foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace, cancellationToken))
            {
                if (type.IsAbstract || type.IsGenericType || type.TypeKind != TypeKind.Class) continue;
                if (symbols.IsDbContext(type)) Contexts.Add(type);
                // ApplyConfigurationsFromAssembly applies each IEntityTypeConfiguration<T> a class implements.
                foreach (var configured in ConfiguredEntities(type))
                {
                    if (HasParameterlessConstructor(type)) Configurations.Add((type, configured));
                }
            }

            typeFacts.Scope = new Declarations.ScopeFacts(Contexts.Select(Clr.Of).ToList(), Configurations.Select(c => (Clr.Of(c.Configuration), Clr.Of(c.Entity))).ToList());
        }

        /// <summary>The contexts and configuration classes an earlier snapshot found, when each is found again by its name.</summary>
        private bool TakeOver(Declarations.ScopeFacts known)
        {
            foreach (var context in known.Contexts)
            {
                if (TypeFacts.Resolve(context) is not { } symbol) return false;
                Contexts.Add(symbol);
            }

            foreach (var (configuration, entity) in known.Configurations)
            {
                if (TypeFacts.Resolve(configuration) is not { } configurationSymbol || TypeFacts.Resolve(entity) is not { } entitySymbol) return false;
                Configurations.Add((configurationSymbol, entitySymbol));
            }

            return true;
        }

        public Compilation Compilation { get; }

        public EfSymbols Symbols { get; }

        public ModelSemantics Semantics { get; }

        /// <summary>Types and members as the drafts hold them, read from their symbols once per extraction.</summary>
        public ClrTypeReader Clr { get; }

        /// <summary>What discovery and Fluent code ask of types' own declarations, taken over from earlier snapshots where it holds.</summary>
        public Declarations.TypeFactsReader TypeFacts { get; }

        /// <summary>Concrete DbContext subclasses declared in source.</summary>
        public List<INamedTypeSymbol> Contexts { get; } = new List<INamedTypeSymbol>();

        /// <summary>Classes <c>ApplyConfigurationsFromAssembly</c> would apply, with the entity type each configures.</summary>
        public List<(INamedTypeSymbol Configuration, INamedTypeSymbol Entity)> Configurations { get; } = new List<(INamedTypeSymbol, INamedTypeSymbol)>();

        /// <summary>
        /// The entity type an IEntityTypeConfiguration&lt;T&gt; implementation configures (with a concrete T); null when it
        /// configures none, or more than one, where which one a call means is the compiler's type inference to say.
        /// </summary>
        public INamedTypeSymbol? ConfiguredEntity(INamedTypeSymbol type)
        {
            INamedTypeSymbol? single = null;
            foreach (var entity in ConfiguredEntities(type))
            {
                if (single is not null) return null;
                single = entity;
            }

            return single;
        }

        /// <summary>Every entity type a class configures: the concrete T of each IEntityTypeConfiguration&lt;T&gt; it implements.</summary>
        public IEnumerable<INamedTypeSymbol> ConfiguredEntities(INamedTypeSymbol type)
        {
            if (Symbols.EntityTypeConfiguration is null) yield break;
            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, Symbols.EntityTypeConfiguration)
                    && candidate.TypeArguments[0] is INamedTypeSymbol entity && entity.TypeKind != TypeKind.TypeParameter)
                    yield return entity;
            }
        }

        /// <summary>
        /// The class a type written in model-building code denotes (<c>Expense</c>, <c>Sales.Order</c>, <c>Wrapper&lt;int&gt;</c>),
        /// bound as the compiler binds it; null for anything that is not a class or struct (a type parameter, an error).
        /// </summary>
        public INamedTypeSymbol? ResolveType(TypeSyntax syntax)
        {
            var type = Semantics.NamedType(syntax);
            return type is null || (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct) || type.IsUnboundGenericType ? null : type;
        }

        /// <summary>The CLR type of a shadow property written as a generic argument (<c>Property&lt;DateTime?&gt;("CreatedAt")</c>).</summary>
        public ITypeSymbol? ResolveValueType(TypeSyntax syntax)
        {
            var type = Semantics.Type(syntax);
            return type is null || type.TypeKind == TypeKind.TypeParameter ? null : type;
        }
        /// <summary>The syntax of a method's body (block or expression), when it is declared in source.</summary>
        public static SyntaxNode? BodyOf(IMethodSymbol method, out string? firstParameter)
        {
            firstParameter = null;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration) return BodyOf(declaration, out firstParameter);
            }

            return null;
        }

        /// <summary>The syntax of a declared method's body (block or expression); the reader reads the whole declaration.</summary>
        public static SyntaxNode? BodyOf(MethodDeclarationSyntax declaration, out string? firstParameter)
        {
            ExtractionFootprint.Touch(declaration.SyntaxTree, declaration.Span);
            firstParameter = declaration.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText;
            return (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression;
        }

        /// <summary>The nearest override of a DbContext method (OnModelCreating, ConfigureConventions, OnConfiguring) at or above <paramref name="type"/>.</summary>
        public IMethodSymbol? FindContextOverride(INamedTypeSymbol? type, string name)
        {
            for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, Symbols.DbContext); current = current.BaseType)
            {
                var method = current.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsOverride && m.Parameters.Length == 1);
                if (method is not null) return method;
            }

            return null;
        }

        /// <summary>The Configure EF Core runs when it applies <paramref name="configuration"/> to <paramref name="entityType"/> (<see cref="ConfigureMethod.RunBy"/>).</summary>
        public ConfigureMethod? ConfigureRunBy(INamedTypeSymbol configuration, INamedTypeSymbol entityType) =>
            ConfigureMethod.RunBy(configuration, () => ImplementedConfiguration(configuration, entityType));

        /// <summary><c>IEntityTypeConfiguration&lt;TEntity&gt;</c> as <paramref name="configuration"/> implements it for <paramref name="entityType"/>.</summary>
        private INamedTypeSymbol? ImplementedConfiguration(INamedTypeSymbol configuration, INamedTypeSymbol entityType)
        {
            foreach (var candidate in configuration.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, Symbols.EntityTypeConfiguration)
                    && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], entityType))
                    return candidate;
            }

            return null;
        }

        /// <summary>The Configure a <c>base.Configure(builder)</c> call in a subclass of <paramref name="type"/> runs: the nearest non-abstract one in its hierarchy.</summary>
        public static ConfigureMethod? FindConfigure(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (ConfigureMethod.DeclaredBy(current) is { } method) return method;
            }

            return null;
        }

        private static bool HasParameterlessConstructor(INamedTypeSymbol type) =>
            type.InstanceConstructors.Any(c => c.Parameters.Length == 0);

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root, CancellationToken cancellationToken)
        {
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                if (current is INamespaceSymbol ns)
                {
                    foreach (var member in ns.GetMembers()) stack.Push(member);
                }
                else if (current is INamedTypeSymbol type)
                {
                    yield return type;
                    foreach (var nested in type.GetTypeMembers()) stack.Push(nested);
                }
            }
        }
    }
}
