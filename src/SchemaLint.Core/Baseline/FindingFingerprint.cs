using System;
using System.Security.Cryptography;
using System.Text;
using SchemaLint.Core.Engine;

namespace SchemaLint.Core.Baseline
{
    /// <summary>
    /// What a finding is about, without where it was reported: its rule, context, entity and member, and a short hash of all of
    /// them plus the properties that name its subject (a migration, a table or column, a foreign key). Lines, columns, files and
    /// message wording are left out, so a finding keeps its fingerprint when code moves, when a rule's sentence is reworded,
    /// and when an option that only shapes the message (a suggested length, a threshold) changes. Every front end makes
    /// fingerprints here: the baseline file, SARIF's partialFingerprints and the json report's "fingerprint" are the same value.
    /// </summary>
    public sealed class FindingFingerprint : IEquatable<FindingFingerprint>, IComparable<FindingFingerprint>
    {
        /// <summary>Hex digits kept of the SHA-256: 64 bits, so that two findings of one project practically never share one.</summary>
        public const int HashLength = 16;

        /// <summary>
        /// Finding properties that say which thing a finding is about when rule, entity and member do not: a migration finding's
        /// migration and table, a database finding's table and column, an index redundant with another, a foreign key. Values
        /// that depend on options or wording (suggested lengths, thresholds, the provider, SQL text) are deliberately absent.
        /// </summary>
        private static readonly string[] SubjectProperties =
        {
            FindingProperties.Migration,
            FindingProperties.Table,
            FindingProperties.Column,
            FindingProperties.ForeignKey,
            FindingProperties.Navigation,
            FindingProperties.IntendedProperty,
            FindingProperties.PrincipalEntity,
            FindingProperties.RedundantWith,
        };

        public FindingFingerprint(string ruleId, string? context, string? entity, string? member, string hash)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Context = NormalizeContext(context);
            Entity = entity;
            Member = member;
            Hash = hash ?? throw new ArgumentNullException(nameof(hash));
        }

        public string RuleId { get; }

        /// <summary>The DbContext's full name, nested types joined with '.', or null for findings about code outside any context.</summary>
        public string? Context { get; }

        public string? Entity { get; }

        public string? Member { get; }

        /// <summary>Lower-case hex, <see cref="HashLength"/> digits.</summary>
        public string Hash { get; }

        /// <summary>The fingerprint of a finding in <paramref name="context"/> (a DbContext's full name; '+' or '.' for nesting).</summary>
        public static FindingFingerprint For(Finding finding, string? context)
        {
            if (finding is null) throw new ArgumentNullException(nameof(finding));
            var normalizedContext = NormalizeContext(context);
            var subject = new StringBuilder();
            Append(subject, finding.RuleId);
            Append(subject, normalizedContext);
            Append(subject, finding.EntityName);
            Append(subject, finding.MemberName);
            foreach (var key in SubjectProperties)
            {
                if (finding.Properties.TryGetValue(key, out var value)) Append(subject, key + "=" + value);
            }

            return new FindingFingerprint(finding.RuleId, normalizedContext, finding.EntityName, finding.MemberName, HashOf(subject.ToString()));
        }

        public bool Equals(FindingFingerprint? other) =>
            other is not null
            && string.Equals(RuleId, other.RuleId, StringComparison.Ordinal)
            && string.Equals(Context, other.Context, StringComparison.Ordinal)
            && string.Equals(Entity, other.Entity, StringComparison.Ordinal)
            && string.Equals(Member, other.Member, StringComparison.Ordinal)
            && string.Equals(Hash, other.Hash, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as FindingFingerprint);

        // The hash is already a digest of every other part; the parts' own hash codes would add nothing.
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Hash);

        /// <summary>The baseline file's order: rule, context, entity, member, hash (ordinal; a missing part sorts first).</summary>
        public int CompareTo(FindingFingerprint? other)
        {
            if (other is null) return 1;
            var order = string.CompareOrdinal(RuleId, other.RuleId);
            if (order == 0) order = string.CompareOrdinal(Context, other.Context);
            if (order == 0) order = string.CompareOrdinal(Entity, other.Entity);
            if (order == 0) order = string.CompareOrdinal(Member, other.Member);
            if (order == 0) order = string.CompareOrdinal(Hash, other.Hash);
            return order;
        }

        public override string ToString() => $"{RuleId} {Context ?? "(no context)"} {Entity ?? "(no entity)"}{(Member is null ? string.Empty : "." + Member)} {Hash}";

        /// <summary>
        /// CLR full names write a nested context as Outer+Inner, the compiler's display names as Outer.Inner; both front ends must
        /// name it alike. An empty name is no context.
        /// </summary>
        public static string? NormalizeContext(string? context) =>
            string.IsNullOrEmpty(context) ? null : context!.Replace('+', '.');

        // Each part is length-prefixed so that no two different lists of parts can spell the same input; null differs from "".
        private static void Append(StringBuilder subject, string? part)
        {
            if (part is null)
            {
                subject.Append("-;");
                return;
            }

            subject.Append(part.Length).Append(':').Append(part).Append(';');
        }

        private static string HashOf(string subject)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(subject));
            var hex = new StringBuilder(HashLength);
            for (var i = 0; hex.Length < HashLength; i++) hex.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString(0, HashLength);
        }
    }
}
