using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SchemaLint.Core.Options
{
    /// <summary>
    /// A set of names a rule looks for. Entries are compared with property names after normalisation
    /// (lower case, no underscores): <c>TotalAmount</c>, <c>total_amount</c> and <c>totalAmount</c> are the same name.
    /// </summary>
    public sealed class NameVocabulary
    {
        /// <summary>Marks an entry that matches only a whole name, never a last word: <c>=text</c> matches <c>Text</c>, not <c>ButtonText</c>.</summary>
        public const string WholeNameOnlyMarker = "=";

        private readonly Dictionary<string, int?> _entries;
        private readonly HashSet<string> _wholeNameOnly = new HashSet<string>(StringComparer.Ordinal);

        public NameVocabulary(NameMatch match, IEnumerable<string> entries)
            : this(match, entries.Select(e => new KeyValuePair<string, int?>(e, null)))
        {
        }

        public NameVocabulary(NameMatch match, IEnumerable<KeyValuePair<string, int?>> entries)
        {
            Match = match;
            _entries = new Dictionary<string, int?>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var key = Normalize(entry.Key);
                if (key.Length == 0) continue;
                _entries[key] = entry.Value;
                if (entry.Key.TrimStart().StartsWith(WholeNameOnlyMarker, StringComparison.Ordinal)) _wholeNameOnly.Add(key);
            }
        }

        public NameMatch Match { get; }

        /// <summary>Whether both match the same names, and give the same numbers: the same entries, whole-name markers and match.</summary>
        public bool HasSameEntriesAs(NameVocabulary other)
        {
            if (other is null) throw new ArgumentNullException(nameof(other));
            if (ReferenceEquals(this, other)) return true;
            if (Match != other.Match || _entries.Count != other._entries.Count || !_wholeNameOnly.SetEquals(other._wholeNameOnly)) return false;
            foreach (var entry in _entries)
            {
                if (!other._entries.TryGetValue(entry.Key, out var value) || value != entry.Value) return false;
            }

            return true;
        }

        /// <summary>Entries in normalised form, sorted, as documentation and option round-trips show them.</summary>
        public IEnumerable<string> Entries => _entries.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(Spell);

        /// <summary>Entries with their numbers (for vocabularies that carry one, e.g. suggested lengths).</summary>
        public IEnumerable<KeyValuePair<string, int?>> EntriesWithValues =>
            _entries.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new KeyValuePair<string, int?>(Spell(k.Key), k.Value));

        public bool Matches(string name) => TryMatch(name, out _);

        /// <summary>Finds the entry a name matches: the whole name first, then (for <see cref="NameMatch.WholeNameOrLastWord"/>) its last word.</summary>
        public bool TryMatch(string name, out string entry) => TryMatch(name, out entry, out _);

        public bool TryMatch(string name, out string entry, out int? value) => TryMatch(new NameParts(name), out entry, out value);

        /// <summary>
        /// <see cref="TryMatch(string, out string, out int?)"/> for a name already split: the engine splits each name once per
        /// run, however many vocabularies and rules ask about it.
        /// </summary>
        internal bool TryMatch(NameParts name, out string entry, out int? value)
        {
            var whole = name.Normalized;
            if (_entries.TryGetValue(whole, out value))
            {
                entry = whole;
                return true;
            }

            if (Match == NameMatch.WholeNameOrLastWord)
            {
                var words = name.Words;
                if (words.Count > 1)
                {
                    var last = words[words.Count - 1];
                    if (!_wholeNameOnly.Contains(last) && _entries.TryGetValue(last, out value))
                    {
                        entry = last;
                        return true;
                    }
                }
            }

            entry = string.Empty;
            value = null;
            return false;
        }

        /// <summary>Applies an option value: a plain list replaces the entries; a list of only <c>+name</c>/<c>-name</c> items edits them.</summary>
        public NameVocabulary With(string optionValue, bool entriesCarryNumbers, ICollection<string> errors, string optionKey)
        {
            var items = optionValue.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
            var editsOnly = items.Count > 0 && items.All(i => i[0] == '+' || i[0] == '-');
            var result = editsOnly ? EntriesWithValues.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) : new Dictionary<string, int?>(StringComparer.Ordinal);
            foreach (var raw in items)
            {
                var remove = raw[0] == '-';
                var item = raw[0] == '+' || raw[0] == '-' ? raw.Substring(1).Trim() : raw;
                int? number = null;
                var colon = item.IndexOf(':');
                if (colon >= 0)
                {
                    if (!entriesCarryNumbers || !int.TryParse(item.Substring(colon + 1).Trim(), out var parsed) || parsed <= 0)
                    {
                        errors.Add($"{optionKey}: '{raw}' is not a name{(entriesCarryNumbers ? " or name:length with a positive length" : string.Empty)}.");
                        continue;
                    }

                    number = parsed;
                    item = item.Substring(0, colon).Trim();
                }
                else if (entriesCarryNumbers && !remove)
                {
                    errors.Add($"{optionKey}: '{raw}' needs a length, as in '{item}:100'.");
                    continue;
                }

                var key = Normalize(item);
                if (key.Length == 0) continue;
                result.Remove(key);
                result.Remove(WholeNameOnlyMarker + key);
                if (!remove) result[item.TrimStart().StartsWith(WholeNameOnlyMarker, StringComparison.Ordinal) ? WholeNameOnlyMarker + key : key] = number;
            }

            return new NameVocabulary(Match, result);
        }

        private string Spell(string key) => _wholeNameOnly.Contains(key) ? WholeNameOnlyMarker + key : key;

        public static string Normalize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        /// <summary>Splits PascalCase, camelCase, snake_case and acronyms into lower-case words: <c>HTMLBody</c> is html, body.</summary>
        public static IReadOnlyList<string> SplitWords(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush();
                    continue;
                }

                if (current.Length > 0 && char.IsUpper(c))
                {
                    var previous = name[i - 1];
                    var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower)) Flush();
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush();
            return words;

            void Flush()
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>A name as vocabularies compare it: normalised (<see cref="NameVocabulary.Normalize"/>) and, when asked, split into words.</summary>
    internal sealed class NameParts
    {
        private IReadOnlyList<string>? _words;

        public NameParts(string name)
        {
            Name = name;
            Normalized = NameVocabulary.Normalize(name);
        }

        public string Name { get; }

        public string Normalized { get; }

        /// <summary><see cref="NameVocabulary.SplitWords"/>, split on first use (most names match or miss on the whole name).</summary>
        public IReadOnlyList<string> Words => _words ??= NameVocabulary.SplitWords(Name);
    }

    public enum NameMatch
    {
        /// <summary>The whole property name must be an entry (<c>Email</c>, <c>EmailAddress</c>; not <c>BackupEmail</c>).</summary>
        WholeName,
        /// <summary>The whole name or its last word (<c>TotalAmount</c> matches <c>amount</c>).</summary>
        WholeNameOrLastWord,
    }
}
