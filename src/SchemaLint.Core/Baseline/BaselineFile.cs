using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SchemaLint.Core.Baseline
{
    /// <summary>
    /// <c>schemalint.baseline.json</c>: the findings a project accepted when it adopted SchemaLint, one entry per fingerprint.
    /// Findings whose fingerprint is in it are not reported; entries that match no finding any more are stale (the finding was
    /// fixed) and are listed so the file only shrinks. Written sorted, indented and with "\n" line endings, so that a rewrite
    /// changes only the lines of findings that came or went.
    /// </summary>
    /// <remarks>
    /// Shape (version 1): <c>{ "version": 1, "entries": [ { "ruleId", "context", "entity", "member", "hash" } ] }</c>;
    /// <c>context</c>, <c>entity</c> and <c>member</c> may be null. One entry covers every finding with its fingerprint.
    /// </remarks>
    public sealed class BaselineFile
    {
        public const int CurrentVersion = 1;

        /// <summary>The file name the analyzer package's build props and <c>schemalint audit</c> look for.</summary>
        public const string DefaultFileName = "schemalint.baseline.json";

        private readonly HashSet<FindingFingerprint> _entries;

        private BaselineFile(IEnumerable<FindingFingerprint> entries)
        {
            _entries = new HashSet<FindingFingerprint>(entries);
            Entries = _entries.OrderBy(e => e, Comparer<FindingFingerprint>.Default).ToList();
        }

        /// <summary>Sorted by rule, context, entity, member and hash; no duplicates.</summary>
        public IReadOnlyList<FindingFingerprint> Entries { get; }

        public static BaselineFile Empty { get; } = new BaselineFile(Array.Empty<FindingFingerprint>());

        public static BaselineFile From(IEnumerable<FindingFingerprint> fingerprints) =>
            new BaselineFile(fingerprints ?? throw new ArgumentNullException(nameof(fingerprints)));

        public bool Contains(FindingFingerprint fingerprint) => _entries.Contains(fingerprint);

        /// <summary>
        /// Entries no finding of <paramref name="current"/> has: what was fixed since the baseline was written. Only entries the
        /// run could have matched count (<paramref name="judged"/>): one context of several, a rule the front end does not run.
        /// </summary>
        public IReadOnlyList<FindingFingerprint> StaleEntries(IEnumerable<FindingFingerprint> current, Func<FindingFingerprint, bool>? judged = null)
        {
            var seen = new HashSet<FindingFingerprint>(current);
            return Entries.Where(e => (judged is null || judged(e)) && !seen.Contains(e)).ToList();
        }

        /// <summary>
        /// The baseline of today's findings: <paramref name="current"/>, plus the entries this run could not judge, which it has
        /// no grounds to drop (another context's, a rule that needs the database when none was checked).
        /// </summary>
        public BaselineFile Rewritten(IEnumerable<FindingFingerprint> current, Func<FindingFingerprint, bool> judged) =>
            From(Entries.Where(e => !judged(e)).Concat(current));

        /// <summary>Reads a baseline file's text; a <see cref="FormatException"/> says, in one clause, what is wrong and where.</summary>
        public static BaselineFile Parse(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (!(BaselineJson.Parse(text) is Dictionary<string, object?> root)) throw new FormatException("the document is not a JSON object");
            if (!root.TryGetValue("version", out var version) || !(version is double number) || number != CurrentVersion)
                throw new FormatException($"\"version\" must be {CurrentVersion}, the only baseline version this SchemaLint reads");
            if (!root.TryGetValue("entries", out var entries) || !(entries is List<object?> list))
                throw new FormatException("\"entries\" must be an array");

            var fingerprints = new List<FindingFingerprint>();
            for (var i = 0; i < list.Count; i++)
            {
                if (!(list[i] is Dictionary<string, object?> entry)) throw new FormatException($"entry {i + 1} is not an object");
                var ruleId = Text(entry, "ruleId", i, required: true)!;
                var hash = Text(entry, "hash", i, required: true)!;
                fingerprints.Add(new FindingFingerprint(ruleId, Text(entry, "context", i), Text(entry, "entity", i), Text(entry, "member", i), hash));
            }

            return new BaselineFile(fingerprints);
        }

        /// <summary>The file's text: two-space indentation, one entry per line, "\n" line endings, a final newline.</summary>
        public string ToJson()
        {
            var output = new StringBuilder();
            output.Append("{\n");
            output.Append("  \"version\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            if (Entries.Count == 0)
            {
                output.Append("  \"entries\": []\n}\n");
                return output.ToString();
            }

            output.Append("  \"entries\": [\n");
            for (var i = 0; i < Entries.Count; i++)
            {
                var entry = Entries[i];
                output.Append("    { \"ruleId\": ");
                BaselineJson.WriteString(output, entry.RuleId);
                output.Append(", \"context\": ");
                BaselineJson.WriteString(output, entry.Context);
                output.Append(", \"entity\": ");
                BaselineJson.WriteString(output, entry.Entity);
                output.Append(", \"member\": ");
                BaselineJson.WriteString(output, entry.Member);
                output.Append(", \"hash\": ");
                BaselineJson.WriteString(output, entry.Hash);
                output.Append(i == Entries.Count - 1 ? " }\n" : " },\n");
            }

            output.Append("  ]\n}\n");
            return output.ToString();
        }

        private static string? Text(Dictionary<string, object?> entry, string name, int index, bool required = false)
        {
            if (!entry.TryGetValue(name, out var value) || value is null)
            {
                if (required) throw new FormatException($"entry {index + 1} has no \"{name}\"");
                return null;
            }

            return value as string ?? throw new FormatException($"\"{name}\" of entry {index + 1} is not a string");
        }
    }
}
