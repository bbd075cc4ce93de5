using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// The Configure method a configuration class runs (<see cref="RunBy"/>, <see cref="CompilationScope.FindConfigure"/>): its declaration when
    /// the class is the compilation's own, or the compiled method, which has no body to read.
    /// </summary>
    internal sealed class ConfigureMethod
    {
        private ConfigureMethod(INamedTypeSymbol declaringType, MethodDeclarationSyntax? declaration, IMethodSymbol? compiled)
        {
            DeclaringType = declaringType;
            Declaration = declaration;
            Compiled = compiled;
        }

        /// <summary>The class that declares the method; its base class holds the Configure a <c>base.Configure(builder)</c> call runs.</summary>
        public INamedTypeSymbol DeclaringType { get; }

        /// <summary>The declaration in source; null for a method of a referenced assembly.</summary>
        public MethodDeclarationSyntax? Declaration { get; }

        /// <summary>The method of a referenced assembly, which has no declaration in source; null when <see cref="Declaration"/> is set.</summary>
        public IMethodSymbol? Compiled { get; }

        /// <summary>What identifies the method within one extraction (the reader reads each body once per entity type).</summary>
        public object Identity => (object?)Declaration ?? Compiled!;

        /// <summary>
        /// The Configure <paramref name="type"/> itself declares, as the compiler's member lookup finds it for a
        /// <c>base.Configure(builder)</c> call: a method named Configure, not an explicit interface implementation, not
        /// abstract, with one parameter, the first in declaration order. Read from the class's one declaration when it has one,
        /// without building the class's member table and binding each Configure's signature on every snapshot; by that lookup
        /// for a partial or compiled class. Null when the type declares none, and the search goes on in its base class.
        /// </summary>
        public static ConfigureMethod? DeclaredBy(INamedTypeSymbol type)
        {
            if (SingleDeclaration(type) is { } declaration)
            {
                if (ImplicitConfigure(declaration) is { } method) return new ConfigureMethod(type, method, null);
                if (!HasPartialMethod(declaration)) return null;
            }

            var compiled = type.GetMembers("Configure").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsAbstract && m.Parameters.Length == 1);
            return compiled is null ? null : FromSymbol(compiled);
        }

        /// <summary>
        /// The Configure EF Core runs when it applies <paramref name="configuration"/>: <c>ApplyConfiguration</c> calls it
        /// through <c>IEntityTypeConfiguration&lt;TEntity&gt;</c>, so it is the implementation of that interface's Configure.
        /// Where every class up to the first Configure is a single declaration of the compilation's own and that Configure
        /// is public, it is that one, found as <see cref="DeclaredBy"/> finds it. An explicit implementation
        /// (<c>void IEntityTypeConfiguration&lt;Blog&gt;.Configure(...)</c>), a Configure that is not public (a helper of
        /// that name, which the interface call never reaches), or a class the syntax cannot settle is left to the compiler's
        /// interface mapping, for <paramref name="implemented"/>, the interface as the class implements it for the entity type.
        /// </summary>
        public static ConfigureMethod? RunBy(INamedTypeSymbol configuration, Func<INamedTypeSymbol?> implemented)
        {
            for (var current = configuration; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var declaration = SingleDeclaration(current);
                if (declaration is null || HasPartialMethod(declaration) || HasExplicitConfigure(declaration) || HasOverloadedConfigure(declaration)) break;
                if (ImplicitConfigure(declaration) is not { } method) continue;
                if (method.Modifiers.Any(SyntaxKind.PublicKeyword)) return new ConfigureMethod(current, method, null);
                break;
            }

            var configure = implemented()?.GetMembers("Configure").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1);
            return configure is not null && configuration.FindImplementationForInterfaceMember(configure) is IMethodSymbol { IsAbstract: false } implementation
                ? FromSymbol(implementation)
                : null;
        }

        private static ConfigureMethod FromSymbol(IMethodSymbol method)
        {
            var source = method.OriginalDefinition.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            return new ConfigureMethod(method.ContainingType, source, source is null ? method : null);
        }

        /// <summary>The class's one declaration, when it has exactly one and it is not partial.</summary>
        private static TypeDeclarationSyntax? SingleDeclaration(INamedTypeSymbol type)
        {
            var references = type.DeclaringSyntaxReferences;
            return references.Length == 1 && references[0].GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                ? declaration
                : null;
        }

        private static MethodDeclarationSyntax? ImplicitConfigure(TypeDeclarationSyntax declaration)
        {
            foreach (var member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method && IsConfigure(method)
                    && !method.Modifiers.Any(SyntaxKind.AbstractKeyword) && !method.Modifiers.Any(SyntaxKind.PartialKeyword))
                    return method;
            }

            return null;
        }

        /// <summary>An explicitly implemented Configure of one parameter: which interface it implements is the compiler's to say.</summary>
        private static bool HasExplicitConfigure(TypeDeclarationSyntax declaration) =>
            declaration.Members.Any(m => m is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null } method && IsConfigure(method));

        /// <summary>More than one Configure of one parameter (a class configuring two entity types): which one the interface reaches is the compiler's to say.</summary>
        private static bool HasOverloadedConfigure(TypeDeclarationSyntax declaration) =>
            declaration.Members.Count(m => m is MethodDeclarationSyntax method && IsConfigure(method)) > 1;

        private static bool IsConfigure(MethodDeclarationSyntax method) =>
            method.Identifier.ValueText == "Configure" && method.ParameterList.Parameters.Count == 1;

        private static bool HasPartialMethod(TypeDeclarationSyntax declaration) =>
            declaration.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Modifiers.Any(SyntaxKind.PartialKeyword));
    }
}
