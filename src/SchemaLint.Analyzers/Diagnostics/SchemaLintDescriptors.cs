using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Diagnostics
{
    /// <summary>
    /// Roslyn descriptors for the rules of Core's catalog. Ids, categories and default severities are written as constants
    /// because the release-tracking analyzer (RS2000-RS2008) reads them from source; titles, help links and descriptions come
    /// from the catalog, and a test checks that the constants agree with it.
    /// </summary>
    /// <remarks>
    /// Findings arrive with their message already formatted by the rule, so every message format is <c>{0}</c>.
    /// </remarks>
    public static class SchemaLintDescriptors
    {
        public static readonly DiagnosticDescriptor ForeignKeyNotIndexed = new DiagnosticDescriptor(RuleIds.ForeignKeyNotIndexed, Title(RuleIds.ForeignKeyNotIndexed), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.ForeignKeyNotIndexed), HelpLink(RuleIds.ForeignKeyNotIndexed));
        public static readonly DiagnosticDescriptor NullableForeignKey = new DiagnosticDescriptor(RuleIds.NullableForeignKey, Title(RuleIds.NullableForeignKey), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.NullableForeignKey), HelpLink(RuleIds.NullableForeignKey));
        public static readonly DiagnosticDescriptor MissingForeignKeyConstraint = new DiagnosticDescriptor(RuleIds.MissingForeignKeyConstraint, Title(RuleIds.MissingForeignKeyConstraint), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.MissingForeignKeyConstraint), HelpLink(RuleIds.MissingForeignKeyConstraint));
        public static readonly DiagnosticDescriptor ClientOnlyDeleteBehavior = new DiagnosticDescriptor(RuleIds.ClientOnlyDeleteBehavior, Title(RuleIds.ClientOnlyDeleteBehavior), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.ClientOnlyDeleteBehavior), HelpLink(RuleIds.ClientOnlyDeleteBehavior));
        public static readonly DiagnosticDescriptor SetNullOnRequiredForeignKey = new DiagnosticDescriptor(RuleIds.SetNullOnRequiredForeignKey, Title(RuleIds.SetNullOnRequiredForeignKey), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.SetNullOnRequiredForeignKey), HelpLink(RuleIds.SetNullOnRequiredForeignKey));
        public static readonly DiagnosticDescriptor MultipleCascadePaths = new DiagnosticDescriptor(RuleIds.MultipleCascadePaths, Title(RuleIds.MultipleCascadePaths), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.MultipleCascadePaths), HelpLink(RuleIds.MultipleCascadePaths));
        public static readonly DiagnosticDescriptor TableWithoutPrimaryKey = new DiagnosticDescriptor(RuleIds.TableWithoutPrimaryKey, Title(RuleIds.TableWithoutPrimaryKey), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.TableWithoutPrimaryKey), HelpLink(RuleIds.TableWithoutPrimaryKey));
        public static readonly DiagnosticDescriptor ShadowForeignKey = new DiagnosticDescriptor(RuleIds.ShadowForeignKey, Title(RuleIds.ShadowForeignKey), "{0}", RuleCategories.Relationships, DiagnosticSeverity.Warning, true, Description(RuleIds.ShadowForeignKey), HelpLink(RuleIds.ShadowForeignKey));

        public static readonly DiagnosticDescriptor MoneyAsFloatingPoint = new DiagnosticDescriptor(RuleIds.MoneyAsFloatingPoint, Title(RuleIds.MoneyAsFloatingPoint), "{0}", RuleCategories.Columns, DiagnosticSeverity.Warning, true, Description(RuleIds.MoneyAsFloatingPoint), HelpLink(RuleIds.MoneyAsFloatingPoint));
        public static readonly DiagnosticDescriptor DecimalWithoutPrecision = new DiagnosticDescriptor(RuleIds.DecimalWithoutPrecision, Title(RuleIds.DecimalWithoutPrecision), "{0}", RuleCategories.Columns, DiagnosticSeverity.Warning, true, Description(RuleIds.DecimalWithoutPrecision), HelpLink(RuleIds.DecimalWithoutPrecision));
        public static readonly DiagnosticDescriptor LongTextCappedShort = new DiagnosticDescriptor(RuleIds.LongTextCappedShort, Title(RuleIds.LongTextCappedShort), "{0}", RuleCategories.Columns, DiagnosticSeverity.Info, true, Description(RuleIds.LongTextCappedShort), HelpLink(RuleIds.LongTextCappedShort));
        public static readonly DiagnosticDescriptor ShortTextUnbounded = new DiagnosticDescriptor(RuleIds.ShortTextUnbounded, Title(RuleIds.ShortTextUnbounded), "{0}", RuleCategories.Columns, DiagnosticSeverity.Info, true, Description(RuleIds.ShortTextUnbounded), HelpLink(RuleIds.ShortTextUnbounded));
        public static readonly DiagnosticDescriptor NullableByOmission = new DiagnosticDescriptor(RuleIds.NullableByOmission, Title(RuleIds.NullableByOmission), "{0}", RuleCategories.Columns, DiagnosticSeverity.Warning, true, Description(RuleIds.NullableByOmission), HelpLink(RuleIds.NullableByOmission));
        public static readonly DiagnosticDescriptor NullabilityMismatch = new DiagnosticDescriptor(RuleIds.NullabilityMismatch, Title(RuleIds.NullabilityMismatch), "{0}", RuleCategories.Columns, DiagnosticSeverity.Warning, true, Description(RuleIds.NullabilityMismatch), HelpLink(RuleIds.NullabilityMismatch));
        public static readonly DiagnosticDescriptor UniqueCandidateWithoutIndex = new DiagnosticDescriptor(RuleIds.UniqueCandidateWithoutIndex, Title(RuleIds.UniqueCandidateWithoutIndex), "{0}", RuleCategories.Columns, DiagnosticSeverity.Warning, true, Description(RuleIds.UniqueCandidateWithoutIndex), HelpLink(RuleIds.UniqueCandidateWithoutIndex));
        public static readonly DiagnosticDescriptor NoDatabaseDefault = new DiagnosticDescriptor(RuleIds.NoDatabaseDefault, Title(RuleIds.NoDatabaseDefault), "{0}", RuleCategories.Columns, DiagnosticSeverity.Info, true, Description(RuleIds.NoDatabaseDefault), HelpLink(RuleIds.NoDatabaseDefault));

        public static readonly DiagnosticDescriptor MissingTimestamps = new DiagnosticDescriptor(RuleIds.MissingTimestamps, Title(RuleIds.MissingTimestamps), "{0}", RuleCategories.Timestamps, DiagnosticSeverity.Info, true, Description(RuleIds.MissingTimestamps), HelpLink(RuleIds.MissingTimestamps));
        public static readonly DiagnosticDescriptor TimestampNeverSet = new DiagnosticDescriptor(RuleIds.TimestampNeverSet, Title(RuleIds.TimestampNeverSet), "{0}", RuleCategories.Timestamps, DiagnosticSeverity.Warning, true, Description(RuleIds.TimestampNeverSet), HelpLink(RuleIds.TimestampNeverSet));
        public static readonly DiagnosticDescriptor LocalTimeInTimestamp = new DiagnosticDescriptor(RuleIds.LocalTimeInTimestamp, Title(RuleIds.LocalTimeInTimestamp), "{0}", RuleCategories.Timestamps, DiagnosticSeverity.Warning, true, Description(RuleIds.LocalTimeInTimestamp), HelpLink(RuleIds.LocalTimeInTimestamp));

        public static readonly DiagnosticDescriptor RangeWithoutCheckConstraint = new DiagnosticDescriptor(RuleIds.RangeWithoutCheckConstraint, Title(RuleIds.RangeWithoutCheckConstraint), "{0}", RuleCategories.Integrity, DiagnosticSeverity.Info, true, Description(RuleIds.RangeWithoutCheckConstraint), HelpLink(RuleIds.RangeWithoutCheckConstraint));
        public static readonly DiagnosticDescriptor RedundantIndex = new DiagnosticDescriptor(RuleIds.RedundantIndex, Title(RuleIds.RedundantIndex), "{0}", RuleCategories.Integrity, DiagnosticSeverity.Info, true, Description(RuleIds.RedundantIndex), HelpLink(RuleIds.RedundantIndex));

        public static readonly DiagnosticDescriptor EnsureCreatedOutsideTests = new DiagnosticDescriptor(RuleIds.EnsureCreatedOutsideTests, Title(RuleIds.EnsureCreatedOutsideTests), "{0}", RuleCategories.Lifecycle, DiagnosticSeverity.Warning, true, Description(RuleIds.EnsureCreatedOutsideTests), HelpLink(RuleIds.EnsureCreatedOutsideTests));
        public static readonly DiagnosticDescriptor DbContextNotDisposed = new DiagnosticDescriptor(RuleIds.DbContextNotDisposed, Title(RuleIds.DbContextNotDisposed), "{0}", RuleCategories.Lifecycle, DiagnosticSeverity.Warning, true, Description(RuleIds.DbContextNotDisposed), HelpLink(RuleIds.DbContextNotDisposed));

        public static readonly DiagnosticDescriptor IndexWithoutConcurrentCreation = new DiagnosticDescriptor(RuleIds.IndexWithoutConcurrentCreation, Title(RuleIds.IndexWithoutConcurrentCreation), "{0}", RuleCategories.Migrations, DiagnosticSeverity.Warning, true, Description(RuleIds.IndexWithoutConcurrentCreation), HelpLink(RuleIds.IndexWithoutConcurrentCreation));
        public static readonly DiagnosticDescriptor NotNullWithoutDefaultOrBackfill = new DiagnosticDescriptor(RuleIds.NotNullWithoutDefaultOrBackfill, Title(RuleIds.NotNullWithoutDefaultOrBackfill), "{0}", RuleCategories.Migrations, DiagnosticSeverity.Warning, true, Description(RuleIds.NotNullWithoutDefaultOrBackfill), HelpLink(RuleIds.NotNullWithoutDefaultOrBackfill));
        public static readonly DiagnosticDescriptor DataDropped = new DiagnosticDescriptor(RuleIds.DataDropped, Title(RuleIds.DataDropped), "{0}", RuleCategories.Migrations, DiagnosticSeverity.Warning, true, Description(RuleIds.DataDropped), HelpLink(RuleIds.DataDropped));
        public static readonly DiagnosticDescriptor ColumnNarrowedOrRewritten = new DiagnosticDescriptor(RuleIds.ColumnNarrowedOrRewritten, Title(RuleIds.ColumnNarrowedOrRewritten), "{0}", RuleCategories.Migrations, DiagnosticSeverity.Warning, true, Description(RuleIds.ColumnNarrowedOrRewritten), HelpLink(RuleIds.ColumnNarrowedOrRewritten));
        public static readonly DiagnosticDescriptor ConstraintValidatedUnderLock = new DiagnosticDescriptor(RuleIds.ConstraintValidatedUnderLock, Title(RuleIds.ConstraintValidatedUnderLock), "{0}", RuleCategories.Migrations, DiagnosticSeverity.Warning, true, Description(RuleIds.ConstraintValidatedUnderLock), HelpLink(RuleIds.ConstraintValidatedUnderLock));
        public static readonly DiagnosticDescriptor UniqueIndexWithoutDeduplication = new DiagnosticDescriptor(RuleIds.UniqueIndexWithoutDeduplication, Title(RuleIds.UniqueIndexWithoutDeduplication), "{0}", RuleCategories.Migrations, DiagnosticSeverity.Warning, true, Description(RuleIds.UniqueIndexWithoutDeduplication), HelpLink(RuleIds.UniqueIndexWithoutDeduplication));

        /// <summary>Tool diagnostics (SL0xxx) are not rules of Core's catalog: they report on SchemaLint itself.</summary>
        public const string ConfigurationProblemId = "SL0001";

        /// <summary>
        /// Not a rule of the catalog: a <c>schemalint.*</c> key SchemaLint does not know, or a value it cannot read (a
        /// severity, a number, a provider), in the .editorconfig or global config. The option keeps its default; this says so
        /// in the build and the IDE, as the audit and the test API do.
        /// </summary>
        public static readonly DiagnosticDescriptor ConfigurationProblem = new DiagnosticDescriptor(
            ConfigurationProblemId,
            "SchemaLint configuration problem",
            "SchemaLint configuration problem, the option keeps its default: {0}",
            "SchemaLint",
            DiagnosticSeverity.Warning,
            true,
            "An unknown schemalint.* key or a value SchemaLint cannot read in .editorconfig or a global config. The option keeps its default and analysis goes on; fix or remove the line.",
            RuleDescriptor.HelpLinkBase + "#sl0001-schemalint-configuration-problem");

        public const string ModelNotReadId = "SL0002";

        /// <summary>
        /// Not a rule of the catalog: the source reader met code it could not survive. The model of that compilation is left
        /// unknown (no model finding) and this one diagnostic says why, instead of an AD0001 that would disable the analyzer.
        /// </summary>
        public static readonly DiagnosticDescriptor ModelNotRead = new DiagnosticDescriptor(
            ModelNotReadId,
            "SchemaLint could not read the model",
            "SchemaLint could not read the model of this compilation, so it reports no model findings: {0}",
            "SchemaLint",
            DiagnosticSeverity.Warning,
            true,
            "The source reader failed on code it did not expect. The lifecycle rules still run; please report the message with the code that caused it.",
            RuleDescriptor.HelpLinkBase + "#sl0002-schemalint-could-not-read-the-model");

        public const string ModelUnknownId = "SL0003";

        /// <summary>
        /// Not a rule of the catalog: a context's model depends on code the analyzers cannot see, so they report no model
        /// finding for it. A suggestion, not a warning: it explains a silence in the IDE and names the option that lifts it.
        /// </summary>
        public static readonly DiagnosticDescriptor ModelUnknown = new DiagnosticDescriptor(
            ModelUnknownId,
            "SchemaLint cannot see part of the model",
            "The analyzers report no model findings for '{0}': {1}",
            "SchemaLint",
            DiagnosticSeverity.Info,
            true,
            "Model-building code the analyzers cannot read (compiled code handed the ModelBuilder, a loop over the model) may change any fact of the context, so every model rule stays silent on it. schemalint audit reads the compiled model and still judges it.",
            RuleDescriptor.HelpLinkBase + "#sl0003-schemalint-cannot-see-part-of-the-model");

        private static Dictionary<string, DiagnosticDescriptor>? _byId;

        /// <summary>Every descriptor, in id order.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            ForeignKeyNotIndexed, NullableForeignKey, MissingForeignKeyConstraint, ClientOnlyDeleteBehavior, SetNullOnRequiredForeignKey,
            MultipleCascadePaths, TableWithoutPrimaryKey, ShadowForeignKey,
            MoneyAsFloatingPoint, DecimalWithoutPrecision, LongTextCappedShort, ShortTextUnbounded, NullableByOmission, NullabilityMismatch,
            UniqueCandidateWithoutIndex, NoDatabaseDefault,
            MissingTimestamps, TimestampNeverSet, LocalTimeInTimestamp,
            RangeWithoutCheckConstraint, RedundantIndex,
            EnsureCreatedOutsideTests, DbContextNotDisposed,
            IndexWithoutConcurrentCreation, NotNullWithoutDefaultOrBackfill, DataDropped, ColumnNarrowedOrRewritten, ConstraintValidatedUnderLock,
            UniqueIndexWithoutDeduplication);

        /// <summary>Rules the migration analyzer reports from the migration classes (SL7007 needs the built model: audit only).</summary>
        public static ImmutableArray<DiagnosticDescriptor> MigrationRules { get; } =
            All.Where(d => RuleCatalog.Get(d.Id).RequiresMigrations).ToImmutableArray();

        /// <summary>Rules whose findings come from the schema model the source front end builds.</summary>
        public static ImmutableArray<DiagnosticDescriptor> ModelRules { get; } =
            All.Where(d => d.Id != RuleIds.LocalTimeInTimestamp && d.Id != RuleIds.EnsureCreatedOutsideTests && d.Id != RuleIds.DbContextNotDisposed
                && !RuleCatalog.Get(d.Id).RequiresMigrations).ToImmutableArray();

        public static DiagnosticDescriptor? Find(string id)
        {
            // Built on first use rather than in a static initializer, so that the order of the fields above cannot matter.
            var byId = _byId ??= All.ToDictionary(d => d.Id, d => d);
            return byId.TryGetValue(id, out var descriptor) ? descriptor : null;
        }

        public static DiagnosticSeverity ToDiagnosticSeverity(Severity severity) => severity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            Severity.Suggestion => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };

        private static string Title(string id) => RuleCatalog.Get(id).Title;

        private static string Description(string id) => RuleCatalog.Get(id).Description;

        private static string HelpLink(string id) => RuleCatalog.Get(id).HelpLink;
    }
}
