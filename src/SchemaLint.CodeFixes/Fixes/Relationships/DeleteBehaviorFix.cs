using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Configuration;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Relationships
{
    /// <summary>
    /// SL1004: chooses the delete behavior the database enforces, Cascade, SetNull or Restrict. A relationship configured with
    /// <c>HasOne</c>/<c>HasMany</c> gets <c>.OnDelete(...)</c> on its chain; one found by convention gets
    /// <c>[DeleteBehavior(...)]</c> on the dependent's navigation in annotation style, or a
    /// <c>HasOne(...).WithMany(...).OnDelete(...)</c> statement in the entity's Fluent block.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeleteBehaviorFix)), Shared]
    public sealed class DeleteBehaviorFix : SchemaLintCodeFix
    {
        public const string Cascade = "SL1004.Cascade";
        public const string SetNull = "SL1004.SetNull";
        public const string Restrict = "SL1004.Restrict";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ClientOnlyDeleteBehavior);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            if (await PlanAsync(target, cancellationToken).ConfigureAwait(false) is null) return System.Array.Empty<FixChoice>();
            return new[]
            {
                new FixChoice("Delete dependents with their parent (Cascade)", Cascade),
                new FixChoice("Set the foreign key to NULL in the database (SetNull)", SetNull),
                new FixChoice("Refuse to delete a parent with dependents (Restrict)", Restrict),
            };
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var behavior = "DeleteBehavior." + equivalenceKey.Substring("SL1004.".Length);
            var plan = (await PlanAsync(target, cancellationToken).ConfigureAwait(false))!;
            if (plan.Chain is not null)
            {
                var root = (await target.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                return target.Solution.WithDocumentSyntaxRoot(target.Document.Id, ChainEditor.Append(root, plan.Chain, "OnDelete", behavior));
            }

            if (!plan.Configuration!.IsFluentStyle)
                return await ModelEditor.AddPropertyAttributeAsync(target.Solution, plan.Configuration.Type, plan.Navigation!.Name,
                    new AttributeSpec($"DeleteBehavior({behavior})", AttributeSpec.EntityFrameworkCore), cancellationToken).ConfigureAwait(false);

            var p = ModelEditor.LambdaParameter;
            var inverse = plan.Inverse is null ? string.Empty : $"d => d.{plan.Inverse.Name}";
            return await ModelEditor.AddStatementAsync(target.Solution, target.Document.Project, plan.Configuration,
                builder => $"{builder}.HasOne({p} => {p}.{plan.Navigation!.Name}).WithMany({inverse}).OnDelete({behavior});", cancellationToken).ConfigureAwait(false);
        }

        private sealed class Plan
        {
            public InvocationExpressionSyntax? Chain { get; set; }
            public EntityConfiguration? Configuration { get; set; }
            public IPropertySymbol? Navigation { get; set; }
            public IPropertySymbol? Inverse { get; set; }
        }

        private static async Task<Plan?> PlanAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var relationshipCall = target.Node.AncestorsAndSelf().TakeWhile(n => n is not StatementSyntax).OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => ConfigurationLocator.MethodName(i) is "HasOne" or "HasMany" or "WithOne" or "WithMany" or "HasForeignKey" or "HasPrincipalKey");
            if (relationshipCall is not null)
            {
                var top = ConfigurationLocator.ChainRoot(relationshipCall);
                var model = await target.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var type = model?.GetTypeInfo(top, cancellationToken).Type;
                return type is not null && HasMember(type, "OnDelete") && top is InvocationExpressionSyntax chain ? new Plan { Chain = chain } : null;
            }

            var configuration = await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false);
            if (configuration is null || target.MemberName is null) return null;
            var navigation = SymbolLookup.FindProperty(configuration.Type, target.MemberName);
            if (navigation?.Type is not INamedTypeSymbol principal || principal.TypeKind != TypeKind.Class || principal.SpecialType == SpecialType.System_String) return null;
            if (!configuration.IsFluentStyle) return new Plan { Configuration = configuration, Navigation = navigation };

            // A Fluent statement must name the principal's navigation back, or EF Core would see a second relationship.
            var back = principal.GetMembers().OfType<IPropertySymbol>().Where(p => Refers(p.Type, configuration.Type)).ToList();
            if (back.Count > 1 || back.Any(p => !IsCollection(p.Type))) return null;
            return new Plan { Configuration = configuration, Navigation = navigation, Inverse = back.FirstOrDefault() };
        }

        private static bool HasMember(ITypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.GetMembers(name).Length > 0) return true;
            }

            return false;
        }

        private static bool Refers(ITypeSymbol type, INamedTypeSymbol dependent) =>
            SymbolEqualityComparer.Default.Equals(type, dependent)
            || (type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(generic.TypeArguments[0], dependent));

        private static bool IsCollection(ITypeSymbol type) => type is INamedTypeSymbol { IsGenericType: true };
    }
}
