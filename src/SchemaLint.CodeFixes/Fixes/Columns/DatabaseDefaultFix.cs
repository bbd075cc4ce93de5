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
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Columns
{
    /// <summary>
    /// SL2008 and SL3002 (a created timestamp): a default in the database. Timestamps get <c>HasDefaultValueSql</c> with the
    /// provider's current-time function; flags and statuses get <c>HasDefaultValue</c> with the value their initializer gives
    /// (<c>false</c> for a flag without one). No attribute sets a database default, so this is Fluent API in either style.
    /// Not offered when the provider is unknown (no portable current-time function) or a status has no initial value to keep.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DatabaseDefaultFix)), Shared]
    public sealed class DatabaseDefaultFix : SchemaLintCodeFix
    {
        public const string AddDefault = "SL2008.AddDatabaseDefault";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NoDatabaseDefault, RuleIds.TimestampNeverSet);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var call = await DefaultCallAsync(target, cancellationToken).ConfigureAwait(false);
            var configuration = call is null ? null : await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false);
            var placeable = configuration is not null && await ModelEditor.CanWriteFluentAsync(target.Document.Project, configuration, cancellationToken).ConfigureAwait(false);
            return Offer(call is not null && placeable, call is null ? string.Empty : $"Add a database default ({call.Value.Method}({call.Value.Arguments}))", AddDefault);
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var call = (await DefaultCallAsync(target, cancellationToken).ConfigureAwait(false))!.Value;
            return await ModelEditor.ConfigurePropertyAsync(target.Solution, target.Document.Project.Id, target.EntityName!, target.MemberName!,
                call.Method, call.Arguments, attribute: null, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<(string Method, string Arguments)?> DefaultCallAsync(FixTarget target, CancellationToken cancellationToken)
        {
            if (target.MemberName is null) return null;
            var isTimestamp = target.RuleId == RuleIds.TimestampNeverSet
                ? target.Property(FindingProperties.TimestampKind) == "created"
                : target.Property(FindingProperties.ColumnKind) == "created timestamp";
            if (target.RuleId == RuleIds.TimestampNeverSet && !isTimestamp) return null;

            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var type = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, target.EntityName);
            var property = type is null ? null : SymbolLookup.FindProperty(type, target.MemberName);
            if (property is null) return null;

            if (isTimestamp)
            {
                var sql = CurrentTimestampSql(target.Property(FindingProperties.Provider));
                return sql is null ? null : ("HasDefaultValueSql", SymbolDisplay.FormatLiteral(sql, quote: true));
            }

            var initial = await InitialValueAsync(property, cancellationToken).ConfigureAwait(false);
            if (initial is not null) return ("HasDefaultValue", initial);
            var isFlag = target.Property(FindingProperties.ColumnKind) == "flag";
            return isFlag ? ("HasDefaultValue", "false") : null;
        }

        /// <summary>The provider's function for the current UTC time, or null when the provider is unknown.</summary>
        public static string? CurrentTimestampSql(string? provider) => provider switch
        {
            nameof(DatabaseProvider.PostgreSql) => "now()",
            nameof(DatabaseProvider.SqlServer) => "SYSUTCDATETIME()",
            nameof(DatabaseProvider.Sqlite) => "CURRENT_TIMESTAMP",
            nameof(DatabaseProvider.MySql) => "CURRENT_TIMESTAMP(6)",
            _ => null,
        };

        /// <summary>The property initializer's value when it is a constant (<c>= true</c>, <c>= OrderStatus.Pending</c>, <c>= "new"</c>).</summary>
        private static async Task<string?> InitialValueAsync(IPropertySymbol property, CancellationToken cancellationToken)
        {
            var reference = property.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference is null || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not PropertyDeclarationSyntax { Initializer.Value: { } value }) return null;
            return value switch
            {
                LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.NullLiteralExpression) && !literal.IsKind(SyntaxKind.DefaultLiteralExpression) => literal.WithoutTrivia().ToString(),
                MemberAccessExpressionSyntax access when property.Type.TypeKind == TypeKind.Enum => access.WithoutTrivia().ToString(),
                _ => null,
            };
        }
    }
}
