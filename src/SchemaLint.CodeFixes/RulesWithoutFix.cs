using System.Collections.Generic;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes
{
    /// <summary>
    /// The model rules no code fix writes a remedy for, and why: each needs a decision only the developer can make.
    /// rules.md says the same in each rule's "Code fixes" line; a test checks that every rule has a fix or a reason here.
    /// </summary>
    public static class RulesWithoutFix
    {
        public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
        {
            [RuleIds.ForeignKeyNotIndexed] =
                "The rule fires where EF Core's foreign-key index was removed or replaced on purpose; which index should lead with the key (alone, or with the columns the queries filter on) is a query-design decision.",
            [RuleIds.MultipleCascadePaths] =
                "Breaking a cascade cycle means choosing which relationship stops cascading and what happens to its rows instead; no choice is right for every model.",
            [RuleIds.TableWithoutPrimaryKey] =
                "Which column identifies a row (an existing one, a new surrogate key, or a composite) is a domain decision, and each choice changes the table differently.",
            [RuleIds.NotNullWithoutDefaultOrBackfill] =
                "The value that fills existing rows (a default, a computed backfill, or none and a nullable column) is a domain decision no tool can make.",
            [RuleIds.DataDropped] =
                "Whether the data may go, must be copied first, or the drop was a rename is the developer's knowledge; the finding names RenameColumn when the migration reads as a rename.",
            [RuleIds.ColumnNarrowedOrRewritten] =
                "Safe type changes take several migrations (new column, batched backfill, switch-over, drop); their shape depends on the data and the application's deployment.",
            [RuleIds.ConstraintValidatedUnderLock] =
                "EF Core has no API for NOT VALID constraints: the remedy replaces the call with raw SQL for one provider, and when to run VALIDATE is an operational decision.",
            [RuleIds.UniqueIndexWithoutDeduplication] =
                "Which duplicate survives (oldest, newest, merged) is a domain decision.",
        };
    }
}
