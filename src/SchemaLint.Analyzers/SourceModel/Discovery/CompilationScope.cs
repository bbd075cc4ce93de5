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
    /// What the whole compilation declares that model building refers to: DbContext subclasses, entity type
    /// configuration classes, and every source type by name (Fluent generic arguments are resolved by name, not semantics).
    /// </summary>
    internal sealed class CompilationScope
    {
        private readonly Dictionary<string, List<INamedTypeSymbol>> _bySimpleName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);

        public CompilationScope(Compilation compilation, EfSymbols symbols, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Symbols = symbols;
            foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace, cancellationToken))
            {
                if (!_bySimpleName.TryGetValue(type.Name, out var list)) _bySimpleName[type.Name] = list = new List<INamedTypeSymbol>();
                list.Add(type);
                if (type.IsAbstract || type.IsGenericType || type.TypeKind != TypeKind.Class) continue;
                if (symbols.IsDbContext(type)) Contexts.Add(type);
                var configured = ConfiguredEntity(type);
                if (configured is not null && HasParameterlessConstructor(type)) Configurations.Add((type, configured));
            }
        }

        public Compilation Compilation { get; }

        public EfSymbols Symbols { get; }

        /// <summary>Concrete DbContext subclasses declared in source.</summary>
        public List<INamedTypeSymbol> Contexts { get; } = new List<INamedTypeSymbol>();

        /// <summary>Classes <c>ApplyConfigurationsFromAssembly</c> would apply, with the entity type each configures.</summary>
        public List<(INamedTypeSymbol Configuration, INamedTypeSymbol Entity)> Configurations { get; } = new List<(INamedTypeSymbol, INamedTypeSymbol)>();

        public IEnumerable<INamedTypeSymbol> AllSourceTypes => _bySimpleName.Values.SelectMany(v => v);

        /// <summary>The entity type an IEntityTypeConfiguration&lt;T&gt; implementation configures (with a concrete T), or null.</summary>
        public INamedTypeSymbol? ConfiguredEntity(INamedTypeSymbol type)
        {
            if (Symbols.EntityTypeConfiguration is null) return null;
            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, Symbols.EntityTypeConfiguration)
                    && candidate.TypeArguments[0] is INamedTypeSymbol entity && entity.TypeKind != TypeKind.TypeParameter)
                    return entity;
            }

            return null;
        }

        /// <summary>
        /// Resolves a type written in source (<c>Expense</c>, <c>Models.Expense</c>) to the one source type with that name;
        /// null when none or several match, so that the caller abstains.
        /// </summary>
        public INamedTypeSymbol? ResolveType(TypeSyntax syntax)
        {
            if (syntax is PredefinedTypeSyntax || syntax is NullableTypeSyntax) return null;
            var text = syntax.ToString().Replace("global::", string.Empty);
            if (text.IndexOf('<') >= 0) return null;
            var dot = text.LastIndexOf('.');
            var simple = dot >= 0 ? text.Substring(dot + 1) : text;
            if (!_bySimpleName.TryGetValue(simple, out var candidates)) return null;
            var matches = dot < 0
                ? candidates
                : candidates.Where(c => ClrTypes.FullNameForEntity(c) == text || ClrTypes.FullNameForEntity(c).EndsWith("." + text, StringComparison.Ordinal)).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        public bool DeclaresTypeNamed(string simpleName) => _bySimpleName.ContainsKey(simpleName);

        /// <summary>The CLR type of a shadow property written as a generic argument (<c>Property&lt;DateTime&gt;("CreatedAt")</c>).</summary>
        public ITypeSymbol? ResolveValueType(TypeSyntax syntax)
        {
            if (syntax is NullableTypeSyntax nullable)
            {
                var inner = ResolveValueType(nullable.ElementType);
                if (inner is null) return null;
                return inner.IsValueType
                    ? Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(inner)
                    : inner.WithNullableAnnotation(NullableAnnotation.Annotated);
            }

            if (syntax is PredefinedTypeSyntax predefined)
            {
                var special = predefined.Keyword.ValueText switch
                {
                    "bool" => SpecialType.System_Boolean,
                    "byte" => SpecialType.System_Byte,
                    "short" => SpecialType.System_Int16,
                    "int" => SpecialType.System_Int32,
                    "long" => SpecialType.System_Int64,
                    "float" => SpecialType.System_Single,
                    "double" => SpecialType.System_Double,
                    "decimal" => SpecialType.System_Decimal,
                    "string" => SpecialType.System_String,
                    "char" => SpecialType.System_Char,
                    _ => SpecialType.None,
                };
                return special == SpecialType.None ? null : Compilation.GetSpecialType(special);
            }

            var text = syntax.ToString().Replace("global::", string.Empty);
            if (text.StartsWith("System.", StringComparison.Ordinal)) text = text.Substring("System.".Length);
            switch (text)
            {
                case "DateTime":
                case "DateTimeOffset":
                case "DateOnly":
                case "TimeOnly":
                case "TimeSpan":
                case "Guid":
                case "Decimal":
                case "String":
                case "Int32":
                case "Int64":
                case "Boolean":
                    return Compilation.GetTypeByMetadataName("System." + text);
            }

            return ResolveType(syntax);
        }

        /// <summary>The syntax of a method's body (block or expression), when it is declared in source.</summary>
        public static SyntaxNode? BodyOf(IMethodSymbol method, out string? firstParameter)
        {
            firstParameter = null;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration)
                {
                    firstParameter = declaration.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText;
                    return (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression;
                }
            }

            return null;
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

        /// <summary>The Configure method a configuration class runs: the nearest non-abstract one in its hierarchy.</summary>
        public static IMethodSymbol? FindConfigure(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var method = current.GetMembers("Configure").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsAbstract && m.Parameters.Length == 1);
                if (method is not null) return method;
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
