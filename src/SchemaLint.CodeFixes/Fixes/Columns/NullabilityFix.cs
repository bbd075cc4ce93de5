using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Configuration;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Columns
{
    /// <summary>
    /// SL2006, both directions: make the declaration say what the configuration says (<c>string?</c> configured required
    /// becomes <c>string</c>, and the reverse), or drop the configuration that contradicts the declaration
    /// (<c>[Required]</c>, <c>IsRequired()</c>, <c>IsRequired(false)</c>), so that the nullable annotation decides.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullabilityFix)), Shared]
    public sealed class NullabilityFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string AlignDeclaration = "SL2006.AlignDeclaration";
        public const string AlignConfiguration = "SL2006.AlignConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NullabilityMismatch);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var choices = new List<FixChoice>();
            var declaration = await DeclarationAsync(target, cancellationToken).ConfigureAwait(false);
            if (declaration is not null)
                choices.Add(new FixChoice(declaration.Type is NullableTypeSyntax ? "Declare the property non-nullable, as configured" : "Declare the property nullable, as configured", AlignDeclaration));
            if (Configuration(target.Node) is not null) choices.Add(new FixChoice("Remove the requiredness configuration; the declaration decides", AlignConfiguration));
            return choices;
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            if (equivalenceKey == AlignConfiguration)
            {
                var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var configuration = Configuration(target.Node)!;
                var rewritten = configuration is AttributeSyntax attribute ? AttributeEditor.Remove(root, attribute) : ChainEditor.RemoveCall(root, (InvocationExpressionSyntax)configuration);
                return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, rewritten);
            }

            var declaration = (await DeclarationAsync(target, cancellationToken).ConfigureAwait(false))!;
            var document = target.Solution.GetDocument(declaration.SyntaxTree)!;
            var declarationRoot = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            PropertyDeclarationSyntax updated;
            if (declaration.Type is NullableTypeSyntax nullable)
            {
                // A non-nullable reference property needs a value when construction ends; EF Core sets it on every load.
                updated = declaration.WithType(nullable.ElementType.WithTriviaFrom(nullable));
                if (updated.Initializer is null && updated.AccessorList is not null)
                    updated = updated.WithAccessorList(updated.AccessorList.WithoutTrailingTrivia())
                        .WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression("null!")).WithLeadingTrivia(SyntaxFactory.Space).WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)))
                        .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(declaration.AccessorList!.GetTrailingTrivia()));
            }
            else
            {
                updated = declaration.WithType(SyntaxFactory.NullableType(declaration.Type.WithoutTrailingTrivia()).WithTrailingTrivia(declaration.Type.GetTrailingTrivia()));
            }

            return target.Solution.WithDocumentSyntaxRoot(document.Id, declarationRoot.ReplaceNode(declarationRoot.FindNode(declaration.Span), updated));
        }

        private static async Task<PropertyDeclarationSyntax?> DeclarationAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var type = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, target.EntityName);
            var property = type is null || target.MemberName is null ? null : SymbolLookup.FindProperty(type, target.MemberName);
            var reference = property?.DeclaringSyntaxReferences.FirstOrDefault();
            return reference is null ? null : await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) as PropertyDeclarationSyntax;
        }

        /// <summary>The <c>[Required]</c> attribute or the <c>IsRequired(...)</c> call the diagnostic points at.</summary>
        private static SyntaxNode? Configuration(SyntaxNode node)
        {
            var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute is not null && attribute.Name.ToString() is "Required" or "RequiredAttribute" or "System.ComponentModel.DataAnnotations.Required") return attribute;
            if (node is InvocationExpressionSyntax invocation && ConfigurationLocator.MethodName(invocation) == "IsRequired") return invocation;
            return null;
        }
    }
}
