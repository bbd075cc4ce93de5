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
    /// SL2007: a unique index on the column: <c>[Index(nameof(Email), IsUnique = true)]</c> or
    /// <c>HasIndex(e =&gt; e.Email).IsUnique()</c>. A plain index on exactly that column becomes unique instead of gaining a twin.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UniqueIndexFix)), Shared]
    public sealed class UniqueIndexFix : SchemaLintCodeFix
    {
        public const string AddUniqueIndex = "SL2007.AddUniqueIndex";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UniqueCandidateWithoutIndex);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(target.MemberName is not null && await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false) is not null, "Add a unique index", AddUniqueIndex);

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var configuration = (await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false))!;
            var property = target.MemberName!;

            var fluentIndex = configuration.CallsNamed("HasIndex").FirstOrDefault(c => ConfigurationLocator.MemberNames(c.Invocation) is { Count: 1 } names && names[0] == property);
            if (fluentIndex is not null)
            {
                var document = target.Solution.GetDocument(fluentIndex.Document)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var isUnique = ConfigurationLocator.ChainedCalls(fluentIndex.Invocation).FirstOrDefault(c => ConfigurationLocator.MethodName(c) == "IsUnique");
                var rewritten = isUnique is null
                    ? ChainEditor.Append(root, fluentIndex.Invocation, "IsUnique", string.Empty)
                    : root.ReplaceNode(isUnique.ArgumentList, SyntaxFactory.ArgumentList().WithTriviaFrom(isUnique.ArgumentList));
                return target.Solution.WithDocumentSyntaxRoot(document.Id, rewritten);
            }

            var attributeIndex = await PlainIndexAttributeAsync(configuration.Type, property, cancellationToken).ConfigureAwait(false);
            if (attributeIndex is not null && !configuration.IsFluentStyle)
            {
                var document = target.Solution.GetDocument(attributeIndex.SyntaxTree)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var current = (AttributeSyntax)root.FindNode(attributeIndex.Span);
                var unique = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression("true"))
                    .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("IsUnique")).WithTrailingTrivia(SyntaxFactory.Space));
                var existing = current.ArgumentList!.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "IsUnique");
                var arguments = existing is null
                    ? current.ArgumentList.Arguments.Add(unique)
                    : current.ArgumentList.Arguments.Replace(existing, unique.WithTriviaFrom(existing));
                var separated = SyntaxFactory.SeparatedList(arguments, arguments.Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)).Take(arguments.Count - 1));
                return target.Solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(current, current.WithArgumentList(current.ArgumentList.WithArguments(separated))));
            }

            return await ModelEditor.ConfigureEntityAsync(target.Solution, target.Document.Project.Id, target.EntityName!,
                $"HasIndex({ModelEditor.LambdaParameter} => {ModelEditor.LambdaParameter}.{property}).IsUnique()",
                new AttributeSpec($"Index(nameof({property}), IsUnique = true)", AttributeSpec.EntityFrameworkCore), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>An <c>[Index]</c> on the class over exactly this property.</summary>
        private static async Task<AttributeSyntax?> PlainIndexAttributeAsync(INamedTypeSymbol type, string property, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration) continue;
                foreach (var attribute in declaration.AttributeLists.SelectMany(l => l.Attributes))
                {
                    if (attribute.Name.ToString() is not ("Index" or "IndexAttribute") || attribute.ArgumentList is null) continue;
                    var positional = attribute.ArgumentList.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
                    if (positional.Count == 1 && NameOf(positional[0].Expression) == property) return attribute;
                }
            }

            return null;
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments.Count: 1 } nameOf =>
                nameOf.ArgumentList.Arguments[0].Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                },
            _ => null,
        };
    }
}
