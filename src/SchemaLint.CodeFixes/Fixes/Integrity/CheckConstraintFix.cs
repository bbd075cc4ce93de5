using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.CodeFixes.Configuration;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Integrity
{
    /// <summary>
    /// SL4001: <c>ToTable(t =&gt; t.HasCheckConstraint("CK_Product_Price", "\"Price\" &gt;= 0"))</c>, the column quoted for the
    /// provider; a <c>[Range(min, max)]</c> becomes the constraint's bounds. Fluent API in either style: no attribute declares a
    /// check constraint.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckConstraintFix)), Shared]
    public sealed class CheckConstraintFix : SchemaLintCodeFix
    {
        public const string AddCheckConstraint = "SL4001.AddCheckConstraint";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RangeWithoutCheckConstraint);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var tableBuilder = compilation?.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.TableBuilder`1");
            var configuration = tableBuilder is null || target.MemberName is null ? null : await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false);
            var applies = configuration is not null && await ModelEditor.CanWriteFluentAsync(target.Document.Project, configuration, cancellationToken).ConfigureAwait(false);
            return Offer(applies, "Add a check constraint", AddCheckConstraint);
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var configuration = (await ConfigurationAsync(target, cancellationToken).ConfigureAwait(false))!;
            var member = target.MemberName!;
            var column = target.Property(FindingProperties.Column) ?? member;
            var quoted = Quote(column, target.Property(FindingProperties.Provider));
            var sql = Range(SymbolLookup.FindProperty(configuration.Type, member)) is { } range
                ? $"{quoted} >= {range.Min} AND {quoted} <= {range.Max}"
                : $"{quoted} >= 0";
            var name = SymbolDisplay.FormatLiteral($"CK_{configuration.Type.Name}_{member}", quote: true);
            return await ModelEditor.ConfigureEntityAsync(target.Solution, target.Document.Project.Id, target.EntityName!,
                $"ToTable(t => t.HasCheckConstraint({name}, {SymbolDisplay.FormatLiteral(sql, quote: true)}))", classAttribute: null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The column as the provider quotes identifiers: brackets on SQL Server, backticks on MySQL, double quotes elsewhere.</summary>
        public static string Quote(string column, string? provider) => provider switch
        {
            nameof(DatabaseProvider.SqlServer) => "[" + column + "]",
            nameof(DatabaseProvider.MySql) => "`" + column + "`",
            _ => "\"" + column + "\"",
        };

        private static (string Min, string Max)? Range(IPropertySymbol? property)
        {
            var range = property?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.ComponentModel.DataAnnotations.RangeAttribute");
            if (range is null || range.ConstructorArguments.Length != 2) return null;
            var min = Number(range.ConstructorArguments[0].Value);
            var max = Number(range.ConstructorArguments[1].Value);
            return min is null || max is null ? null : (min, max);
        }

        private static string? Number(object? value) => value switch
        {
            int i => i.ToString(CultureInfo.InvariantCulture),
            double d when !double.IsInfinity(d) && !double.IsNaN(d) && Math.Abs(d) < 1e15 => d.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
