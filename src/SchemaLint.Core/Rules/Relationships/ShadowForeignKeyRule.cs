using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class ShadowForeignKeyRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.ShadowForeignKey,
            "Shadow foreign key",
            "EF Core invents shadow foreign key '{0}' for the relationship from '{1}' to '{2}' because '{3}' does not match it by name or type; '{3}' stays unconstrained",
            RuleCategories.Relationships,
            Severity.Warning,
            "A CLR property was meant to be the foreign key, but its name or type does not match what EF Core looks for, so EF Core adds a shadow column and the intended one is never constrained.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;

            // A look-alike proves nothing while the entity's relationships or keys are not all known (it may be another one's key).
            if (!RuleFacts.IsComplete(index, entity, ModelCompleteness.ForeignKeys | ModelCompleteness.Keys)) return;
            foreach (var foreignKey in entity.ForeignKeys)
            {
                if (foreignKey.IsOwnership || foreignKey.PropertyNames.Count != 1) continue;
                var shadow = index.FindProperty(entity, foreignKey.PropertyNames[0]);
                if (shadow is null || !shadow.IsShadow) continue;
                var intended = FindIntendedProperty(index, entity, foreignKey, shadow);
                if (intended is null) continue;
                context.Report(entity, intended.Name, intended.Location ?? foreignKey.Location,
                    foreignKey.DependentNavigation is null
                        ? RuleFacts.Properties((FindingProperties.IntendedProperty, intended.Name), (FindingProperties.ForeignKey, shadow.Name))
                        : RuleFacts.Properties((FindingProperties.IntendedProperty, intended.Name), (FindingProperties.ForeignKey, shadow.Name), (FindingProperties.Navigation, foreignKey.DependentNavigation)), null,
                    shadow.Name, entity.ShortName, EntityTypeModel.ShortNameOf(foreignKey.PrincipalEntityName), intended.Name);
            }
        }

        /// <summary>
        /// EF Core matches foreign key names case-insensitively, so a <c>UserID</c> of the key's type is the foreign key, and a
        /// shadow <c>UserId</c> beside it exists only in a front end that compared names case-sensitively.
        /// </summary>
        private static bool WouldMatchByConvention(PropertyModel candidate, PropertyModel shadow) =>
            string.Equals(candidate.Name, shadow.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(candidate.ClrType, shadow.ClrType, StringComparison.Ordinal);

        /// <summary>
        /// A CLR property that is no key and no foreign key and whose name is what EF Core would have wanted:
        /// the shadow's name without the digits EF Core appended to make it unique (UserId1 beside UserId),
        /// or the navigation's or principal's name plus the key's name spelled differently (User_Id; UserID only when its type differs from the key's).
        /// </summary>
        private static PropertyModel? FindIntendedProperty(ModelIndex index, EntityTypeModel entity, ForeignKeyModel foreignKey, PropertyModel shadow)
        {
            var withoutSuffix = shadow.Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var keyName = foreignKey.PrincipalKeyPropertyNames.Count == 1 ? foreignKey.PrincipalKeyPropertyNames[0] : "Id";
            var principalName = EntityTypeModel.ShortNameOf(foreignKey.PrincipalEntityName);
            var spellings = new[]
            {
                NameVocabulary.Normalize((foreignKey.DependentNavigation ?? principalName) + keyName),
                NameVocabulary.Normalize(principalName + keyName),
            };

            var candidates = index.AllProperties(entity).Where(p =>
                !p.IsShadow
                && !RuleFacts.IsForeignKeyProperty(index, entity, p.Name)
                && !RuleFacts.IsKeyProperty(index, entity, p.Name)
                && !WouldMatchByConvention(p, shadow)).ToList();
            return candidates.FirstOrDefault(p =>
                    (withoutSuffix.Length < shadow.Name.Length && string.Equals(p.Name, withoutSuffix, StringComparison.Ordinal))
                    || spellings.Contains(NameVocabulary.Normalize(p.Name), StringComparer.Ordinal))
                ?? MisnamedKey(index.EntityShortNames, candidates, shadow);
        }

        /// <summary>
        /// The misnamed key: <c>int AuthorId</c> beside a <c>User User</c> navigation, so EF Core invents a shadow <c>UserId</c>.
        /// Only when the entity has exactly one such look-alike, named like a reference (<c>...Id</c>, not a backing field), of the principal key's
        /// type, whose prefix names no other entity type (that would be another relationship, SL1003's business) and no
        /// outside system (an <c>ExternalId</c>, a <c>CorrelationId</c> is an identifier of something the model does not hold).
        /// </summary>
        private static PropertyModel? MisnamedKey(ISet<string> entityNames, List<PropertyModel> candidates, PropertyModel shadow)
        {
            var misnamed = candidates.Where(p =>
                p.Name.Length > 2
                && !p.Name.StartsWith("_", StringComparison.Ordinal)
                && p.Name.EndsWith("Id", StringComparison.Ordinal)
                && string.Equals(p.ClrType, shadow.ClrType, StringComparison.Ordinal)
                && !OutsideIdentifierPrefixes.Contains(p.Name.Substring(0, p.Name.Length - 2))
                && !entityNames.Contains(p.Name.Substring(0, p.Name.Length - 2))).ToList();
            return misnamed.Count == 1 ? misnamed[0] : null;
        }

        /// <summary>Prefixes of identifiers that point outside the database (an external system, a request, a trace).</summary>
        private static readonly HashSet<string> OutsideIdentifierPrefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "External", "Correlation", "Trace", "Request", "Session", "Idempotency", "Tenant", "Provider", "Stripe", "Payment", "Transaction", "Device", "Client", "Object", "Entity", "Reference", "Source", "Parent",
        };
    }
}
