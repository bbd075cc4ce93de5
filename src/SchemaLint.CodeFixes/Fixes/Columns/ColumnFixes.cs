using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Columns
{
    /// <summary>SL2004: bounds the text with the length the vocabulary suggests, <c>[MaxLength(n)]</c> or <c>HasMaxLength(n)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaxLengthFix)), Shared]
    public sealed class MaxLengthFix : SchemaLintCodeFix
    {
        public const string AddMaxLength = "SL2004.AddMaxLength";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ShortTextUnbounded);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var length = Length(target);
            return Offer(length is not null && target.MemberName is not null && await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false) is not null,
                $"Add max length {length}", AddMaxLength);
        }

        internal override Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var length = Length(target)!;
            return ModelEditor.ConfigurePropertyAsync(target.Solution, target.Document.Project.Id, target.EntityName!, target.MemberName!,
                "HasMaxLength", length, new AttributeSpec($"MaxLength({length})", AttributeSpec.DataAnnotations), cancellationToken);
        }

        private static string? Length(FixTarget target) =>
            int.TryParse(target.Property(FindingProperties.SuggestedMaxLength), out var length) && length > 0 ? target.Property(FindingProperties.SuggestedMaxLength) : null;
    }

    /// <summary>SL2005: makes the column required, <c>[Required]</c> or <c>IsRequired()</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequiredFix)), Shared]
    public sealed class RequiredFix : SchemaLintCodeFix
    {
        public const string MakeRequired = "SL2005.MakeRequired";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NullableByOmission);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(target.MemberName is not null && await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false) is not null, "Make the column required", MakeRequired);

        internal override Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken) =>
            ModelEditor.ConfigurePropertyAsync(target.Solution, target.Document.Project.Id, target.EntityName!, target.MemberName!,
                "IsRequired", string.Empty, new AttributeSpec("Required", AttributeSpec.DataAnnotations), cancellationToken);
    }
}
