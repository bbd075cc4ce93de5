using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Columns
{
    /// <summary>SL2002: gives the decimal a precision and scale, <c>[Precision(18, 2)]</c> or <c>HasPrecision(18, 2)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DecimalPrecisionFix)), Shared]
    public sealed class DecimalPrecisionFix : SchemaLintCodeFix
    {
        public const string AddPrecision = "SL2002.AddPrecision";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DecimalWithoutPrecision);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(target.MemberName is not null && await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false) is not null,
                "Add precision (18, 2)", AddPrecision);

        internal override Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken) =>
            Precision.AddAsync(target.Solution, target.Document.Project.Id, target.EntityName!, target.MemberName!, cancellationToken);
    }

    internal static class Precision
    {
        public const string Arguments = "18, 2";

        public static Task<Solution> AddAsync(Solution solution, ProjectId project, string entity, string property, CancellationToken cancellationToken) =>
            ModelEditor.ConfigurePropertyAsync(solution, project, entity, property, "HasPrecision", Arguments,
                new AttributeSpec($"Precision({Arguments})", AttributeSpec.EntityFrameworkCore), cancellationToken);
    }
}
