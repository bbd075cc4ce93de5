using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Relationships
{
    /// <summary>
    /// Judges one entity type at a time, its properties against every table's key: the keys are the only facts it reads
    /// beyond the entity type's neighbourhood (<see cref="FactsReadOf"/>), so an edit that leaves every key as it was is
    /// judged on the entity types it touched alone.
    /// </summary>
    public sealed class MissingForeignKeyConstraintRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.MissingForeignKeyConstraint,
            "Foreign key constraint missing",
            "'{0}.{1}' names the key of '{2}' but takes part in no relationship; the database accepts ids of rows that do not exist",
            RuleCategories.Relationships,
            Severity.Warning,
            "A property named after another entity's key (UserId beside an entity User keyed by Id, same type) is not a foreign key, so nothing stops it from pointing at nothing.");

        private static readonly Func<ModelIndex, Dictionary<string, List<(EntityTypeModel Entity, PropertyModel Key)>>> BuildPrincipalsByForeignKeyName = PrincipalsByForeignKeyName;

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            if (!context.Model.IsEntitySetComplete && !context.Model.OnlyPackageEntityTypesUnseen) return;
            if (!RuleFacts.IsKnownTable(entity) || !RuleFacts.IsComplete(index, entity, ModelCompleteness.ForeignKeys | ModelCompleteness.Keys)) return;
            var principalsByKeyName = context.RunState(BuildPrincipalsByForeignKeyName);
            foreach (var property in entity.Properties)
            {
                if (property.IsShadow) continue;

                // The name lookup first: it rules out nearly every property, and the other questions have no side effects.
                var principal = FindNamedPrincipal(index, principalsByKeyName, entity, property);
                if (principal is null) continue;
                if (IsForeignKeyPropertyByConvention(index, entity, property.Name) || IsPolymorphicReference(index, entity, property.Name)) continue;
                context.Report(entity, property.Name, property.Location,
                    RuleFacts.Properties((FindingProperties.PrincipalEntity, principal.Name)), null,
                    entity.ShortName, property.Name, principal.ShortName);
            }
        }

        /// <summary>
        /// What the rule reads of an entity type as the possible principal of another's property: whether it is a table with
        /// a single-column key, under which foreign-key name, of which CLR type, and its hierarchy's root (an entity type's own
        /// key references nothing).
        /// </summary>
        internal override string FactsReadOf(ModelIndex index, EntityTypeModel entity)
        {
            var facts = new FactsRead().Add(entity.ShortName).Add(index.Root(entity).Name);
            if (PrincipalKey(index, entity) is not { } key) return facts.Add("no single-column key").ToString();
            return facts.Add(key.ForeignKeyName).Add(key.Property.ClrType).ToString();
        }

        /// <summary>
        /// EF Core matches foreign key properties case-insensitively: <c>CustomerID</c> beside a <c>Customer</c> navigation is the
        /// relationship's key even when a front end recorded it as <c>CustomerId</c>.
        /// </summary>
        private static bool IsForeignKeyPropertyByConvention(ModelIndex index, EntityTypeModel entity, string propertyName) =>
            index.IsForeignKeyProperty(entity, propertyName, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A polymorphic reference: <c>EntityId</c> beside <c>EntityType</c>, <c>EntityTypeId</c> or <c>EntityKind</c> points at rows
        /// of whichever table the discriminator names, which no single foreign key constraint can express.
        /// </summary>
        private static bool IsPolymorphicReference(ModelIndex index, EntityTypeModel entity, string propertyName)
        {
            if (propertyName.Length <= 2 || !propertyName.EndsWith("id", StringComparison.OrdinalIgnoreCase)) return false;
            var stem = propertyName.Substring(0, propertyName.Length - 2).TrimEnd('_');
            if (stem.Length == 0) return false;
            // Some property, normalised, is the stem normalised plus a suffix: look each spelling up rather than normalise every property.
            var propertyNames = index.NormalizedPropertyNames(entity);
            var normalizedStem = index.Name(stem).Normalized;
            foreach (var suffix in DiscriminatorSuffixes)
            {
                if (propertyNames.Contains(normalizedStem + suffix)) return true;
            }

            return false;
        }

        private static readonly string[] DiscriminatorSuffixes = { "type", "typeid", "typename", "kind", "discriminator" };

        /// <summary>
        /// Every table with a single-column primary key, under the foreign-key name that spells it out ({Entity}{Key}, or the
        /// key's own name when it already starts with the entity's), case-insensitively; candidates keep model order.
        /// Built once per run so that the rule stays linear in the model's size.
        /// </summary>
        private static Dictionary<string, List<(EntityTypeModel Entity, PropertyModel Key)>> PrincipalsByForeignKeyName(ModelIndex index)
        {
            var byName = new Dictionary<string, List<(EntityTypeModel, PropertyModel)>>(StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in index.Model.Entities)
            {
                if (PrincipalKey(index, candidate) is not { } key) continue;
                if (!byName.TryGetValue(key.ForeignKeyName, out var candidates)) byName[key.ForeignKeyName] = candidates = new List<(EntityTypeModel, PropertyModel)>();
                candidates.Add((candidate, key.Property));
            }

            return byName;
        }

        /// <summary>The entity type's single-column primary key and the foreign-key name that spells it out; null when it can be no principal.</summary>
        private static (string ForeignKeyName, PropertyModel Property)? PrincipalKey(ModelIndex index, EntityTypeModel candidate)
        {
            // Only a table can be the principal of a foreign-key constraint.
            if (candidate.IsOwned || candidate.IsJoinEntity || candidate.IsPropertyBag || !RuleFacts.IsKnownTable(candidate)) return null;
            var key = candidate.PrimaryKey;
            if (key is null || key.PropertyNames.Count != 1) return null;
            var keyName = key.PropertyNames[0];

            // The entity type's own properties come first in what the index finds, and hold the key nearly always: asking
            // the index builds the type's whole hierarchy, for every entity type of the model on every model edit.
            var keyProperty = OwnProperty(candidate, keyName) ?? index.FindProperty(candidate, keyName);
            if (keyProperty is null) return null;
            return (keyName.StartsWith(candidate.ShortName, StringComparison.OrdinalIgnoreCase) ? keyName : candidate.ShortName + keyName, keyProperty);
        }

        private static PropertyModel? OwnProperty(EntityTypeModel entity, string name)
        {
            var properties = entity.Properties;
            for (var i = 0; i < properties.Count; i++)
            {
                if (string.Equals(properties[i].Name, name, StringComparison.Ordinal)) return properties[i];
            }

            return null;
        }

        /// <summary>The entity whose single-column primary key the property's name spells out: {Entity}{Key}, same CLR type.</summary>
        private static EntityTypeModel? FindNamedPrincipal(
            ModelIndex index, Dictionary<string, List<(EntityTypeModel Entity, PropertyModel Key)>> principalsByKeyName, EntityTypeModel entity, PropertyModel property)
        {
            if (!principalsByKeyName.TryGetValue(property.Name, out var candidates)) return null;
            foreach (var (candidate, keyProperty) in candidates)
            {
                if (!string.Equals(keyProperty.ClrType, property.ClrType, StringComparison.Ordinal)) continue;

                // An entity's own key ("User.UserId") references nothing.
                if (ReferenceEquals(index.Root(candidate), index.Root(entity)) && RuleFacts.IsPrimaryKeyProperty(index, entity, property.Name)) continue;
                return candidate;
            }

            return null;
        }
    }
}
