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

namespace SchemaLint.CodeFixes.Fixes.Relationships
{
    /// <summary>
    /// SL1008: when the intended property has the principal key's type, point the relationship at it
    /// (<c>[ForeignKey(nameof(UserId))]</c> on the navigation, or <c>.HasForeignKey(e =&gt; e.UserId)</c> on its chain);
    /// when the types differ, give the property the key's type first (EF Core cannot use it as the foreign key otherwise).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShadowForeignKeyFix)), Shared]
    public sealed class ShadowForeignKeyFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string UseIntendedProperty = "SL1008.UseIntendedProperty";
        public const string FixType = "SL1008.FixType";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ShadowForeignKey);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var plan = await PlanAsync(target, cancellationToken).ConfigureAwait(false);
            if (plan is null) return System.Array.Empty<FixChoice>();
            var intended = plan.Intended.Name;
            if (!plan.TypesMatch) return new[] { new FixChoice($"Give '{intended}' the principal key's type ({plan.KeyType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)})", FixType) };
            return plan.Configuration.IsFluentStyle && plan.Chain is null
                ? System.Array.Empty<FixChoice>()
                : new[] { new FixChoice($"Use '{intended}' as the foreign key", UseIntendedProperty) };
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var plan = (await PlanAsync(target, cancellationToken).ConfigureAwait(false))!;
            var intended = plan.Intended;
            if (equivalenceKey == FixType)
            {
                var declaration = (PropertyDeclarationSyntax)await intended.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
                var document = target.Solution.GetDocument(declaration.SyntaxTree)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var keyType = plan.KeyType.ToMinimalDisplayString(model, declaration.SpanStart);
                var nullable = declaration.Type is NullableTypeSyntax;
                var type = SyntaxFactory.ParseTypeName(keyType + (nullable ? "?" : string.Empty)).WithTriviaFrom(declaration.Type);
                return target.Solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(root.FindNode(declaration.Type.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<TypeSyntax>()!, type));
            }

            if (plan.Chain is not null)
            {
                var document = target.Solution.GetDocument(plan.Chain.Document)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var p = ModelEditor.LambdaParameter;
                var existing = ConfigurationLocator.ChainedCalls(plan.Chain.Invocation).FirstOrDefault(c => ConfigurationLocator.MethodName(c) == "HasForeignKey");
                var rewritten = existing is null
                    ? ChainEditor.Append(root, plan.Chain.Invocation, "HasForeignKey", $"{p} => {p}.{intended.Name}")
                    : root.ReplaceNode(existing.ArgumentList, SyntaxFactory.ParseArgumentList($"({p} => {p}.{intended.Name})").WithTriviaFrom(existing.ArgumentList));
                return target.Solution.WithDocumentSyntaxRoot(document.Id, rewritten);
            }

            return await ModelEditor.AddPropertyAttributeAsync(target.Solution, plan.Configuration.Type, plan.Navigation.Name,
                new AttributeSpec($"ForeignKey(nameof({intended.Name}))", AttributeSpec.DataAnnotationsSchema), cancellationToken).ConfigureAwait(false);
        }

        private sealed class Plan
        {
            public Plan(EntityConfiguration configuration, IPropertySymbol navigation, IPropertySymbol intended, ITypeSymbol keyType, BuilderCall? chain)
            {
                Configuration = configuration;
                Navigation = navigation;
                Intended = intended;
                KeyType = keyType;
                Chain = chain;
            }

            public EntityConfiguration Configuration { get; }
            public IPropertySymbol Navigation { get; }
            public IPropertySymbol Intended { get; }
            public ITypeSymbol KeyType { get; }

            /// <summary>A Fluent chain for the relationship that can take <c>HasForeignKey</c> (it reached WithMany/WithOne).</summary>
            public BuilderCall? Chain { get; }

            public bool TypesMatch => SymbolEqualityComparer.Default.Equals(Unwrap(Intended.Type), Unwrap(KeyType));

            private static ITypeSymbol Unwrap(ITypeSymbol type) =>
                type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type.WithNullableAnnotation(NullableAnnotation.None);
        }

        private static async Task<Plan?> PlanAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var configuration = await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false);
            var navigationName = target.Property(FindingProperties.Navigation);
            var intendedName = target.Property(FindingProperties.IntendedProperty);
            if (configuration is null || navigationName is null || intendedName is null) return null;
            var navigation = SymbolLookup.FindProperty(configuration.Type, navigationName);
            var intended = SymbolLookup.FindProperty(configuration.Type, intendedName);
            if (navigation?.Type is not INamedTypeSymbol principal || intended is null || intended.DeclaringSyntaxReferences.Length == 0) return null;
            var key = SymbolLookup.FindProperty(principal, "Id") ?? SymbolLookup.FindProperty(principal, principal.Name + "Id");
            if (key is null) return null;

            BuilderCall? chain = null;
            var hasOne = RelationshipEdits.ChainForNavigation(configuration, navigationName);
            if (hasOne is not null && ConfigurationLocator.ChainedCalls(hasOne.Invocation).Any(c => ConfigurationLocator.MethodName(c) == "WithMany"))
                chain = hasOne;
            return new Plan(configuration, navigation, intended, key.Type, chain);
        }
    }
}
