using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.CodeFixes.Configuration
{
    /// <summary>The DbContext that maps an entity type, for configuration only Fluent API can express.</summary>
    internal static class ContextLocator
    {
        /// <summary>
        /// The source DbContext with a <c>DbSet&lt;T&gt;</c> of the entity (or of a base type of it), or the only DbContext in
        /// the project; null when that is ambiguous or there is none.
        /// </summary>
        public static async Task<ClassDeclarationSyntax?> FindAsync(Project project, INamedTypeSymbol entity, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var ef = compilation is null ? null : EfTypes.From(compilation);
            if (compilation is null || ef is null) return null;

            ClassDeclarationSyntax? only = null;
            var contexts = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).DescendantNodes().OfType<ClassDeclarationSyntax>())
                {
                    if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || !ef.IsDbContext(type)) continue;
                    contexts++;
                    only = declaration;
                    if (HasSetOf(type, entity, ef)) return declaration;
                }
            }

            return contexts == 1 ? only : null;
        }

        private static bool HasSetOf(INamedTypeSymbol context, INamedTypeSymbol entity, EfTypes ef) =>
            context.GetMembers().OfType<IPropertySymbol>().Any(p =>
                p.Type is INamedTypeSymbol { IsGenericType: true } set
                && SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, ef.DbSet)
                && IsSelfOrBase(set.TypeArguments[0], entity));

        private static bool IsSelfOrBase(ITypeSymbol candidate, INamedTypeSymbol entity)
        {
            for (ITypeSymbol? current = entity; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, candidate)) return true;
            }

            return false;
        }

        public static MethodDeclarationSyntax? OnModelCreating(ClassDeclarationSyntax context) =>
            context.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m =>
                m.Identifier.ValueText == "OnModelCreating" && m.ParameterList.Parameters.Count == 1 && (m.Body is not null || m.ExpressionBody is not null));
    }
}
