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
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Columns
{
    /// <summary>
    /// SL2003: removes the cap from long text, or raises it to the threshold. Edits the attribute or the <c>HasMaxLength</c> call
    /// the diagnostic points at; a cap set by a model-wide convention has no such place and gets no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LongTextCapFix)), Shared]
    public sealed class LongTextCapFix : SchemaLintCodeFix
    {
        public const string RemoveCap = "SL2003.RemoveCap";
        public const string RaiseToThreshold = "SL2003.RaiseToThreshold";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LongTextCappedShort);

        internal override Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            IReadOnlyList<FixChoice> choices = Cap(target.Node) is null
                ? System.Array.Empty<FixChoice>()
                : new[]
                {
                    new FixChoice("Remove the max length", RemoveCap),
                    new FixChoice($"Raise the max length to {Threshold(target)}", RaiseToThreshold),
                };
            return Task.FromResult(choices);
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var cap = Cap(target.Node);
            var root = await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (cap is null || root is null) return target.Solution;

            SyntaxNode rewritten;
            if (equivalenceKey == RemoveCap)
            {
                rewritten = cap is AttributeSyntax attribute ? AttributeEditor.Remove(root, attribute) : ChainEditor.RemoveCall(root, (InvocationExpressionSyntax)cap);
            }
            else
            {
                var length = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Threshold(target)));
                var first = cap is AttributeSyntax a ? a.ArgumentList!.Arguments[0].Expression : ((InvocationExpressionSyntax)cap).ArgumentList.Arguments[0].Expression;
                rewritten = root.ReplaceNode(first, length.WithTriviaFrom(first));
            }

            return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, rewritten);
        }

        /// <summary>The <c>[MaxLength(n)]</c>/<c>[StringLength(n)]</c> attribute or the <c>HasMaxLength(n)</c> call.</summary>
        private static SyntaxNode? Cap(SyntaxNode node)
        {
            node = node.FirstAncestorOrSelf<AttributeSyntax>() ?? node;
            if (node is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } attribute && attribute.ArgumentList.Arguments[0].NameEquals is null
                && Name(attribute.Name) is "MaxLength" or "MaxLengthAttribute" or "StringLength" or "StringLengthAttribute")
                return attribute;
            if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation && ConfigurationLocator.MethodName(invocation) == "HasMaxLength")
                return invocation;
            return null;
        }

        private static string Name(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };

        private static int Threshold(FixTarget target) =>
            int.TryParse(target.Property(FindingProperties.LongTextThreshold), out var threshold) && threshold > 0 ? threshold : Core.Options.SchemaLintOptions.DefaultLongTextThreshold;
    }
}
