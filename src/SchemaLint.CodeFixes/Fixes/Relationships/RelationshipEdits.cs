using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Configuration;

namespace SchemaLint.CodeFixes.Fixes.Relationships
{
    /// <summary>Edits the relationship fixes share: a property's nullability, the chain that configures a relationship.</summary>
    internal static class RelationshipEdits
    {
        /// <summary>The property's declaration when its type is written as <c>T?</c> (<paramref name="nullable"/>) or as a plain value type.</summary>
        public static async Task<PropertyDeclarationSyntax?> ValueTypeDeclarationAsync(Project project, string? entity, string? property, bool nullable, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var type = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, entity);
            var symbol = type is null || property is null ? null : SymbolLookup.FindProperty(type, property);
            if (symbol is null || !symbol.Type.IsValueType) return null;
            var reference = symbol.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference is null || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not PropertyDeclarationSyntax declaration) return null;
            return (declaration.Type is NullableTypeSyntax) == nullable ? declaration : null;
        }

        /// <summary>Turns <c>int?</c> into <c>int</c> or back.</summary>
        public static async Task<Solution> ToggleNullableAsync(Solution solution, PropertyDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(declaration.SyntaxTree)!;
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var current = (PropertyDeclarationSyntax)root.FindNode(declaration.Span);
            TypeSyntax type = current.Type is NullableTypeSyntax nullable
                ? nullable.ElementType.WithTriviaFrom(nullable)
                : SyntaxFactory.NullableType(current.Type.WithoutTrivia()).WithTriviaFrom(current.Type);
            return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(current.Type, type));
        }

        /// <summary>The relationship chain (<c>HasOne</c> ... <c>HasForeignKey</c>) the node lies in, if any.</summary>
        public static InvocationExpressionSyntax? ChainAt(SyntaxNode node)
        {
            var call = node.AncestorsAndSelf().TakeWhile(n => n is not StatementSyntax).OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => ConfigurationLocator.MethodName(i) is "HasOne" or "HasMany" or "WithOne" or "WithMany" or "HasForeignKey" or "HasPrincipalKey" or "OnDelete" or "IsRequired");
            return call is null ? null : ConfigurationLocator.ChainRoot(call) as InvocationExpressionSyntax;
        }

        /// <summary>The entity's Fluent relationship chain that starts with <c>HasOne(e =&gt; e.Navigation)</c>.</summary>
        public static BuilderCall? ChainForNavigation(EntityConfiguration configuration, string navigation) =>
            configuration.CallsNamed("HasOne").FirstOrDefault(c => ConfigurationLocator.MemberNames(c.Invocation) is { Count: 1 } names && names[0] == navigation);
    }
}
