using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// The Configure method a configuration class runs (<see cref="CompilationScope.FindConfigure"/>): its declaration when
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
        /// The Configure <paramref name="type"/> itself declares: looked up in its one declaration when it has one, as the
        /// compiler's member lookup would find it (a method named Configure, not an explicit interface implementation, not
        /// abstract, with one parameter, the first in declaration order), without building the class's member table and
        /// binding each Configure's signature on every snapshot; by that lookup for a partial or compiled class. Null when
        /// the type declares none, and the search goes on in its base class.
        /// </summary>
        public static ConfigureMethod? DeclaredBy(INamedTypeSymbol type)
        {
            var references = type.DeclaringSyntaxReferences;
            if (references.Length == 1 && references[0].GetSyntax() is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method && method.Identifier.ValueText == "Configure"
                        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword) && !method.Modifiers.Any(SyntaxKind.PartialKeyword)
                        && method.ParameterList.Parameters.Count == 1)
                        return new ConfigureMethod(type, method, null);
                }

                if (!declaration.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Modifiers.Any(SyntaxKind.PartialKeyword))) return null;
            }

            var compiled = type.GetMembers("Configure").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsAbstract && m.Parameters.Length == 1);
            if (compiled is null) return null;
            var source = compiled.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            return new ConfigureMethod(type, source, source is null ? compiled : null);
        }
    }
}
