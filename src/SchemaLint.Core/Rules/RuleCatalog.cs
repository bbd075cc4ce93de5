using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules.Columns;
using SchemaLint.Core.Rules.Database;
using SchemaLint.Core.Rules.Integrity;
using SchemaLint.Core.Rules.Lifecycle;
using SchemaLint.Core.Rules.Migrations;
using SchemaLint.Core.Rules.Relationships;
using SchemaLint.Core.Rules.Timestamps;

namespace SchemaLint.Core.Rules
{
    /// <summary>Every rule, in id order. Front ends take descriptors from here so ids, titles and links never drift.</summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<SchemaRule> Rules { get; } = new SchemaRule[]
        {
            new ForeignKeyNotIndexedRule(),
            new NullableForeignKeyRule(),
            new MissingForeignKeyConstraintRule(),
            new ClientOnlyDeleteBehaviorRule(),
            new SetNullOnRequiredForeignKeyRule(),
            new MultipleCascadePathsRule(),
            new TableWithoutPrimaryKeyRule(),
            new ShadowForeignKeyRule(),
            new MoneyAsFloatingPointRule(),
            new DecimalWithoutPrecisionRule(),
            new LongTextCappedShortRule(),
            new ShortTextUnboundedRule(),
            new NullableByOmissionRule(),
            new NullabilityMismatchRule(),
            new UniqueCandidateWithoutIndexRule(),
            new NoDatabaseDefaultRule(),
            new MissingTimestampsRule(),
            new TimestampNeverSetRule(),
            new LocalTimeInTimestampRule(),
            new RangeWithoutCheckConstraintRule(),
            new RedundantIndexRule(),
            new EnsureCreatedOutsideTestsRule(),
            new DbContextNotDisposedRule(),
            new DatabaseForeignKeyNotIndexedRule(),
            new DatabaseForeignKeyMissingRule(),
            new DatabaseColumnMismatchRule(),
            new DatabaseUniqueMissingRule(),
            new DatabaseCheckOrDefaultMissingRule(),
            new DatabaseTableOrColumnMissingRule(),
            new IndexWithoutConcurrentCreationRule(),
            new NotNullWithoutDefaultOrBackfillRule(),
            new DataDroppedRule(),
            new ColumnNarrowedOrRewrittenRule(),
            new ConstraintValidatedUnderLockRule(),
            new UniqueIndexWithoutDeduplicationRule(),
            new PendingModelChangesRule(),
        };

        public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = Rules.Select(r => r.Descriptor).ToArray();

        private static readonly Dictionary<string, RuleDescriptor> ById = Descriptors.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

        public static RuleDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

        public static RuleDescriptor Get(string id) => Find(id) ?? throw new ArgumentException($"No SchemaLint rule has the id '{id}'.", nameof(id));

        /// <summary>
        /// Whether some rule reads the code facts of <paramref name="property"/> (<see cref="PropertyModel.IsAssignedByCode"/>,
        /// <see cref="PropertyModel.IsUpdatedByCode"/>): only of points in time, for the timestamp rules and SL2008's created
        /// timestamps. A front end may leave every other property's code facts unknown and save itself the question; Core's
        /// tests check that no rule's findings change when it does.
        /// </summary>
        public static bool ReadsCodeFactsOf(PropertyModel property) =>
            (property ?? throw new ArgumentNullException(nameof(property))).IsDateTimeLike;
    }
}
