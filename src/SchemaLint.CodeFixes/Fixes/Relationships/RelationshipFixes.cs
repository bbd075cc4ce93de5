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
    /// SL1002: make the foreign key non-nullable (<c>int?</c> becomes <c>int</c>), or say that the relationship is optional
    /// with <c>IsRequired(false)</c> on the chain that configures it. Nullable reference-type keys and shadow keys have no
    /// <c>?</c> to remove, and a relationship found by convention has no chain: those get only the choice that applies.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullableForeignKeyFix)), Shared]
    public sealed class NullableForeignKeyFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string MakeNonNullable = "SL1002.MakeNonNullable";
        public const string MarkOptional = "SL1002.MarkOptional";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NullableForeignKey);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var choices = new List<FixChoice>();
            if (await RelationshipEdits.ValueTypeDeclarationAsync(target.Document.Project, target.EntityName, target.MemberName, nullable: true, cancellationToken).ConfigureAwait(false) is not null)
                choices.Add(new FixChoice("Make the foreign key non-nullable", MakeNonNullable));
            if (await OptionalChainAsync(target, cancellationToken).ConfigureAwait(false) is not null)
                choices.Add(new FixChoice("Declare the relationship optional (IsRequired(false))", MarkOptional));
            return choices;
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            if (equivalenceKey == MakeNonNullable)
            {
                var declaration = (await RelationshipEdits.ValueTypeDeclarationAsync(target.Document.Project, target.EntityName, target.MemberName, nullable: true, cancellationToken).ConfigureAwait(false))!;
                return await RelationshipEdits.ToggleNullableAsync(target.Solution, declaration, cancellationToken).ConfigureAwait(false);
            }

            var chain = (await OptionalChainAsync(target, cancellationToken).ConfigureAwait(false))!;
            var document = target.Solution.GetDocument(chain.Document)!;
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var isRequired = ConfigurationLocator.ChainedCalls(chain.Invocation).FirstOrDefault(c => ConfigurationLocator.MethodName(c) == "IsRequired");
            var rewritten = isRequired is null
                ? ChainEditor.Append(root, chain.Invocation, "IsRequired", "false")
                : root.ReplaceNode(isRequired.ArgumentList, SyntaxFactory.ParseArgumentList("(false)").WithTriviaFrom(isRequired.ArgumentList));
            return target.Solution.WithDocumentSyntaxRoot(document.Id, rewritten);
        }

        /// <summary>The entity's relationship chain whose <c>HasForeignKey</c> names this property and that can take <c>IsRequired</c>.</summary>
        private static async Task<BuilderCall?> OptionalChainAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var configuration = await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false);
            if (configuration is null || target.MemberName is null) return null;
            return configuration.CallsNamed("HasOne").FirstOrDefault(c => ConfigurationLocator.ChainedCalls(c.Invocation).Any(call =>
                ConfigurationLocator.MethodName(call) == "HasForeignKey" && ConfigurationLocator.MemberNames(call).SequenceEqual(new[] { target.MemberName })));
        }
    }

    /// <summary>
    /// SL1005: switch the delete behavior to <c>Restrict</c> where it is written (<c>OnDelete</c> or <c>[DeleteBehavior]</c>),
    /// or make the foreign key nullable so that SetNull can do what it says.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetNullFix)), Shared]
    public sealed class SetNullFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string UseRestrict = "SL1005.UseRestrict";
        public const string MakeNullable = "SL1005.MakeForeignKeyNullable";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SetNullOnRequiredForeignKey);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var choices = new List<FixChoice>();
            if (SetNullReference(target.Node) is not null) choices.Add(new FixChoice("Refuse to delete a parent with dependents (Restrict)", UseRestrict));
            if (await ForeignKeyAsync(target, cancellationToken).ConfigureAwait(false) is not null) choices.Add(new FixChoice("Make the foreign key nullable", MakeNullable));
            return choices;
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            if (equivalenceKey == UseRestrict)
            {
                var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var setNull = SetNullReference(target.Node)!;
                return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, root.ReplaceNode(setNull.Name, SyntaxFactory.IdentifierName("Restrict").WithTriviaFrom(setNull.Name)));
            }

            var declaration = (await ForeignKeyAsync(target, cancellationToken).ConfigureAwait(false))!;
            return await RelationshipEdits.ToggleNullableAsync(target.Solution, declaration, cancellationToken).ConfigureAwait(false);
        }

        private static Task<PropertyDeclarationSyntax?> ForeignKeyAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var foreignKey = target.Property(FindingProperties.ForeignKey);
            if (foreignKey is null || foreignKey.Contains(",")) return Task.FromResult<PropertyDeclarationSyntax?>(null);
            return RelationshipEdits.ValueTypeDeclarationAsync(target.Document.Project, target.EntityName, foreignKey, nullable: false, cancellationToken);
        }

        /// <summary><c>DeleteBehavior.SetNull</c> in the <c>OnDelete</c> call or attribute the diagnostic points at.</summary>
        private static MemberAccessExpressionSyntax? SetNullReference(SyntaxNode node)
        {
            var holder = node.FirstAncestorOrSelf<AttributeSyntax>() as SyntaxNode
                ?? node.AncestorsAndSelf().TakeWhile(n => n is not StatementSyntax).OfType<InvocationExpressionSyntax>().FirstOrDefault(i => ConfigurationLocator.MethodName(i) == "OnDelete");
            return holder?.DescendantNodes().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(m => m.Name.Identifier.ValueText == "SetNull");
        }
    }

    /// <summary>
    /// SL1003: puts the property into a relationship with the entity its name points at. Fluent style:
    /// <c>HasOne&lt;User&gt;().WithMany().HasForeignKey(e =&gt; e.UserId)</c>; annotation style: a navigation
    /// <c>[ForeignKey(nameof(UserId))] public User? User { get; set; }</c> (not offered when a member of that name exists).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForeignKeyConstraintFix)), Shared]
    public sealed class ForeignKeyConstraintFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string AddRelationship = "SL1003.AddRelationship";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingForeignKeyConstraint);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(await PlanAsync(target, cancellationToken).ConfigureAwait(false) is not null, "Add the relationship", AddRelationship);

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var (configuration, principal, foreignKey) = (await PlanAsync(target, cancellationToken).ConfigureAwait(false))!.Value;
            var p = ModelEditor.LambdaParameter;
            if (configuration.IsFluentStyle)
            {
                var principalName = principal.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                return await ModelEditor.AddStatementAsync(target.Solution, target.Document.Project, configuration,
                    builder => $"{builder}.HasOne<{principalName}>().WithMany().HasForeignKey({p} => {p}.{foreignKey.Name});", cancellationToken).ConfigureAwait(false);
            }

            var declaration = (PropertyDeclarationSyntax)await foreignKey.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var document = target.Solution.GetDocument(declaration.SyntaxTree)!;
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var compilation = model.Compilation;
            var typeName = principal.ToMinimalDisplayString(model, declaration.SpanStart);
            var nullableContext = model.GetNullableContext(declaration.SpanStart).AnnotationsEnabled();
            var required = foreignKey.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T && foreignKey.Type.NullableAnnotation != NullableAnnotation.Annotated;
            var navigation = !nullableContext ? $"public {typeName} {principal.Name} {{ get; set; }}"
                : required ? $"public {typeName} {principal.Name} {{ get; set; }} = null!;"
                : $"public {typeName}? {principal.Name} {{ get; set; }}";
            var current = (PropertyDeclarationSyntax)root.FindNode(declaration.Span);
            var member = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(navigation)!
                .WithLeadingTrivia(Layout.Indent(Layout.IndentationOf(current))).WithTrailingTrivia(Layout.EndOfLine(root));
            member = AttributeEditor.Add(member, $"ForeignKey(nameof({foreignKey.Name}))", Layout.EndOfLine(root));
            var rewritten = root.InsertNodesAfter(current, new[] { member });
            rewritten = ImportEditor.AddUsing(compilation, rewritten, AttributeSpec.DataAnnotationsSchema);
            return target.Solution.WithDocumentSyntaxRoot(document.Id, rewritten);
        }

        private static async Task<(EntityConfiguration Configuration, INamedTypeSymbol Principal, IPropertySymbol ForeignKey)?> PlanAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var configuration = await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false);
            if (configuration is null || target.MemberName is null) return null;
            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var principal = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, target.Property(FindingProperties.PrincipalEntity));
            var foreignKey = SymbolLookup.FindProperty(configuration.Type, target.MemberName);
            if (principal is null || foreignKey is null || foreignKey.DeclaringSyntaxReferences.Length == 0) return null;
            if (!configuration.IsFluentStyle && configuration.Type.GetMembers(principal.Name).Length > 0) return null;
            return (configuration, principal, foreignKey);
        }
    }
}
