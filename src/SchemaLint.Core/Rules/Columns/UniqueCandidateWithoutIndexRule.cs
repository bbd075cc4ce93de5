using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class UniqueCandidateWithoutIndexRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.UniqueCandidateWithoutIndex,
            "Unique candidate without a unique index",
            "'{0}.{1}' should be unique but no unique index or key covers it; two rows can claim the same value",
            RuleCategories.Columns,
            Severity.Warning,
            "An email or user name on an identity entity (a user, account, customer; not a record of what happened to one, such as BlockedUser), or an entity's own slug, sku or handle, with no unique index or alternate key that includes it or its normalized twin. A composite unique index (with a tenant id, say) counts.");

        // How a column's case-folded copy is named: NormalizedEmail (ASP.NET Core Identity), EmailLower, CanonicalUserName.
        private static readonly string[] TwinWords = { "normalized", "normalised", "lower", "lowercase", "lowered", "upper", "uppercase", "canonical" };

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            if (!RuleFacts.IsKnownTable(entity) || entity.IsOwned || !entity.IsKeyless.Is(false)) return;
            if (!RuleFacts.IsComplete(index, entity, ModelCompleteness.Indexes | ModelCompleteness.Keys)) return;
            foreach (var property in entity.Properties)
            {
                if (!IsUniqueCandidate(index, context.Options, entity, property)) continue;
                if (IsCovered(index, entity, property.Name)) continue;
                if (!RuleFacts.IsComplete(index, entity, ModelCompleteness.Properties)) continue;
                if (HasCoveredTwin(index, entity, property)) continue;
                context.Report(entity, property.Name, property.Location, entity.ShortName, property.Name);
            }
        }

        /// <summary>
        /// An identity name on the entity that represents the identity (the same person's email on many membership or invitation
        /// rows is no duplicate), or a key-like name that is the entity's own rather than a copy of its principal's.
        /// </summary>
        private static bool IsUniqueCandidate(ModelIndex index, SchemaLintOptions options, EntityTypeModel entity, PropertyModel property)
        {
            if (index.Matches(options.IdentityUniqueNames, property.Name))
            {
                if (!IsIdentityEntity(index, options, entity)) return false;
            }
            else if (!index.Matches(options.UniqueNames, property.Name))
            {
                return false;
            }

            // OrderLine.Sku beside a relationship to Product, which has a Sku, or OrganizationUser.Email beside one to User:
            // a copy of the principal's value, repeated on every row that refers to it.
            return RuleFacts.IsComplete(index, entity, ModelCompleteness.ForeignKeys) && !IsCopiedFromPrincipal(index, entity, property);
        }

        // The lambdas below live in methods of their own: a lambda that captures a parameter or a loop variable allocates its
        // closure on entry to that scope, which in Analyze or IsUniqueCandidate would be once for every property of the model.
        private static bool IsIdentityEntity(ModelIndex index, SchemaLintOptions options, EntityTypeModel entity) =>
            index.SelfAndBaseTypes(entity).Any(e => index.Matches(options.IdentityEntityNames, e.ShortName) && !IsRecordOfAStateOf(index, e.ShortName));

        private static bool HasCoveredTwin(ModelIndex index, EntityTypeModel entity, PropertyModel property) =>
            index.AllProperties(entity).Any(twin => IsTwinOf(twin, property) && IsCovered(index, entity, twin.Name));

        /// <summary>
        /// <c>BlockedUser</c>, <c>BannedAccount</c>, <c>InvitedCustomer</c>: a row that records what happened to a user, written again
        /// each time it happens (a block that expired and was renewed, one per moderator or provider), so the same user name repeats
        /// by design. The word before the identity word says so.
        /// </summary>
        private static bool IsRecordOfAStateOf(ModelIndex index, string entityName)
        {
            var words = index.Name(entityName).Words;
            return words.Count > 1 && StateWords.Contains(words[words.Count - 2]);
        }

        private static readonly HashSet<string> StateWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "blocked", "banned", "muted", "ignored", "blacklisted", "suspended", "flagged", "reported", "invited", "followed",
        };

        private static bool IsCopiedFromPrincipal(ModelIndex index, EntityTypeModel entity, PropertyModel property) =>
            index.AllForeignKeys(entity)
                .Select(index.Principal)
                .Any(principal => principal is not null && !ReferenceEquals(index.Root(principal), index.Root(entity))
                    && index.FindProperty(principal, property.Name) is not null);

        private static bool IsCovered(ModelIndex index, EntityTypeModel entity, string propertyName) =>
            index.AllKeys(entity).Any(k => k.PropertyNames.Contains(propertyName, StringComparer.Ordinal))
            || index.AllIndexes(entity).Any(i => i.IsUnique && i.PropertyNames.Contains(propertyName, StringComparer.Ordinal));

        /// <summary>A case-folded copy of the column, by name (<c>NormalizedEmail</c>) or by its computed SQL (<c>lower("Email")</c>).</summary>
        private static bool IsTwinOf(PropertyModel twin, PropertyModel original)
        {
            if (ReferenceEquals(twin, original)) return false;
            var name = NameVocabulary.Normalize(original.Name);
            var twinName = NameVocabulary.Normalize(twin.Name);
            if (TwinWords.Any(word => twinName == word + name || twinName == name + word)) return true;
            if (!twin.ComputedColumnSql.TryGet(out var sql) || sql is null) return false;
            var column = Regex.Escape(original.ColumnName ?? original.Name);
            return Regex.IsMatch(sql, @"\b(lower|upper|lcase|ucase)\s*\(\s*[\[""`]?" + column + @"[\]""`]?\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }
}
