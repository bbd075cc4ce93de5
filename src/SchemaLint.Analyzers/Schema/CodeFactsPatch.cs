using System.Collections.Generic;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// What a snapshot changes in the model when its edits, all inside method bodies, change only what code writes: typing
    /// <c>order.UpdatedAt = DateTime.UtcNow;</c> into a service changes one answer, and so one property's IsUpdatedByCode.
    /// Everything else an extraction would read is as before (<see cref="SchemaCache"/> has checked that), so the model
    /// becomes the one before with those properties, and their entity types, replaced by copies with the new answers.
    /// </summary>
    internal sealed class CodeFactsPatch
    {
        private CodeFactsPatch(Dictionary<EntityTypeModel, EntityTypeModel> entities, Dictionary<PropertyModel, PropertyModel> properties)
        {
            Entities = entities;
            Properties = properties;
        }

        /// <summary>Each entity type that holds a changed property, and its copy.</summary>
        public IReadOnlyDictionary<EntityTypeModel, EntityTypeModel> Entities { get; }

        /// <summary>Each changed property, and its copy with the new answers.</summary>
        public IReadOnlyDictionary<PropertyModel, PropertyModel> Properties { get; }

        /// <summary>
        /// The patch giving <paramref name="models"/> the <paramref name="changed"/> answers; null when the extraction did not
        /// record which property an answer went into (then only a new extraction can tell what it changes).
        /// </summary>
        public static CodeFactsPatch? Plan(IReadOnlyList<SchemaModel> models, ExtractionFootprint footprint, IReadOnlyList<KeyValuePair<CodeQuestion, Fact<bool>>> changed)
        {
            var facts = new Dictionary<PropertyModel, (Fact<bool> Assigned, Fact<bool> Updated)>();
            foreach (var answer in changed)
            {
                var fed = footprint.PropertiesFedBy(answer.Key);
                if (fed.Count == 0) return null;
                foreach (var property in fed)
                {
                    var current = facts.TryGetValue(property, out var known) ? known : (property.IsAssignedByCode, property.IsUpdatedByCode);
                    facts[property] = answer.Key.UpdatesOnly ? (current.Item1, answer.Value) : (answer.Value, current.Item2);
                }
            }

            var properties = new Dictionary<PropertyModel, PropertyModel>();
            foreach (var fact in facts) properties[fact.Key] = fact.Key.WithCodeFacts(fact.Value.Assigned, fact.Value.Updated);

            var entities = new Dictionary<EntityTypeModel, EntityTypeModel>();
            var found = 0;
            foreach (var model in models)
            {
                foreach (var entity in model.Entities)
                {
                    if (entities.ContainsKey(entity) || !entity.Properties.Exists(properties.ContainsKey)) continue;
                    entities[entity] = entity.WithPropertiesReplaced(properties);
                    found += entity.Properties.FindAll(properties.ContainsKey).Count;
                }
            }

            // A recorded property that no entity type holds any more cannot be given its answer by a copy.
            return found < properties.Count ? null : new CodeFactsPatch(entities, properties);
        }
    }
}
