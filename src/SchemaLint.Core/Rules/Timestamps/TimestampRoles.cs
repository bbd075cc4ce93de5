using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Timestamps
{
    /// <summary>What a column tells about when its row appeared or last changed.</summary>
    internal enum TimestampRole
    {
        None,

        /// <summary>When the row appeared: <c>CreatedAt</c>, <c>CreationDate</c>, <c>Timestamp</c>, an event's <c>PairingTime</c>, a time generated on add.</summary>
        Created,

        /// <summary>When the row last changed: <c>UpdatedAt</c>, <c>RevisionDate</c>, <c>LatestUpdatedOn</c>, a time generated on add or update.</summary>
        Updated,
    }

    /// <summary>
    /// Recognises created and updated timestamps by type, name and value generation, not by a list of spellings alone:
    /// SL3001 asks whether a table can tell when its rows appeared, and <c>CreationDate</c>, <c>Timestamp</c> or a
    /// <c>Date</c> set at insert answer that as well as <c>CreatedAt</c> does.
    /// </summary>
    internal static class TimestampRoles
    {
        private static readonly HashSet<string> UpdatedWords = new HashSet<string> { "updated", "modified", "revision", "revised", "changed", "edited" };

        private static readonly HashSet<string> CreatedWords = new HashSet<string> { "created", "creation", "inserted", "timestamp" };

        // A point in time by its last word: PublishedOn, SentAt, PairingTime, Date. The column records when its row's
        // event happened, which is when the row appeared in all but name.
        private static readonly HashSet<string> TimeWords = new HashSet<string> { "on", "at", "date", "time", "datetime", "timestamp", "when" };

        // Trailing qualifiers that say how a time is stored, not what it is: CreatedAtUtc, CreatedUnix, UpdatedEpochMs.
        private static readonly HashSet<string> StorageWords = new HashSet<string> { "utc", "unix", "epoch", "ms", "millis", "milliseconds", "seconds", "ticks" };

        public static TimestampRole Of(PropertyModel property, SchemaLintOptions options, ModelIndex index)
        {
            // Configured spellings count whatever the type: the team said so.
            if (index.Matches(options.UpdatedNames, property.Name)) return TimestampRole.Updated;
            if (index.Matches(options.CreatedNames, property.Name)) return TimestampRole.Created;

            // Only a point in time or a Unix time can be a timestamp: decide that before splitting the name of every property.
            var isPointInTime = IsPointInTimeType(property);
            if (!isPointInTime && !property.IsClrType(ClrTypeNames.Int64)) return TimestampRole.None;
            var words = index.Name(property.Name).Words;
            var isUnixTime = IsUnixTime(property, words);
            if (!isPointInTime && !isUnixTime) return TimestampRole.None;

            var meaningful = WithoutStorageWords(words);
            if (meaningful.Any(UpdatedWords.Contains)) return TimestampRole.Updated;
            if (meaningful.Any(CreatedWords.Contains)) return TimestampRole.Created;

            if (isPointInTime)
            {
                if (property.ValueGenerated.Is(ValueGeneration.OnAddOrUpdate) || property.ValueGenerated.Is(ValueGeneration.OnUpdate)) return TimestampRole.Updated;
                if (property.ValueGenerated.Is(ValueGeneration.OnAdd) || property.HasDatabaseDefault.Is(true)) return TimestampRole.Created;
            }

            return IsRowTime(property, meaningful) ? TimestampRole.Created : TimestampRole.None;
        }

        /// <summary>The words without the trailing ones that say how the time is stored (<c>CreatedAtUtc</c> is created, at).</summary>
        private static IReadOnlyList<string> WithoutStorageWords(IReadOnlyList<string> words)
        {
            var count = words.Count;
            while (count > 0 && StorageWords.Contains(words[count - 1])) count--;
            if (count == words.Count) return words;
            var meaningful = new List<string>(count);
            for (var i = 0; i < count; i++) meaningful.Add(words[i]);
            return meaningful;
        }

        /// <summary>
        /// A point in time named for its row's event (<c>PairingTime</c>, <c>SentOn</c>, <c>Date</c>): always set, so not a
        /// <c>DateTime? DeletedAt</c>, and not a time the row looks ahead to or back on (<c>ExpiresAt</c>, <c>DueDate</c>, <c>BirthDate</c>).
        /// </summary>
        private static bool IsRowTime(PropertyModel property, IReadOnlyList<string> meaningful) =>
            meaningful.Count > 0 && TimeWords.Contains(meaningful[meaningful.Count - 1])
            && !property.IsNullableValueType
            && !meaningful.Any(OtherEventWords.Contains);

        private static readonly HashSet<string> OtherEventWords = new HashSet<string>
        {
            "deleted", "removed", "archived", "expires", "expiry", "expiration", "expired", "due", "birth", "born", "scheduled",
            "starts", "ends", "start", "end", "deadline", "last", "next",
        };

        private static bool IsPointInTimeType(PropertyModel property) =>
            property.IsClrType(ClrTypeNames.DateTime) || property.IsClrType(ClrTypeNames.DateTimeOffset) || property.IsClrType(ClrTypeNames.Instant);

        // A long is a time only when its name says so: CreatedUnix, UpdatedAtEpochMs, CreatedAt. A long Revision is a counter.
        private static bool IsUnixTime(PropertyModel property, IReadOnlyList<string> words) =>
            property.IsClrType(ClrTypeNames.Int64)
            && (words.Any(w => w == "unix" || w == "epoch")
                || ((words.Any(UpdatedWords.Contains) || words.Any(CreatedWords.Contains)) && words.Any(TimeWords.Contains)));
    }
}
