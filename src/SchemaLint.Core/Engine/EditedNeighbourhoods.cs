using System;
using System.Collections.Generic;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Engine
{
    /// <summary>
    /// Which entity types of an edited model an <see cref="EntityRule"/> must judge again: those whose neighbourhood (what
    /// <see cref="EntityRule"/> says such a rule may read) holds an entity type that is not the same object as before.
    /// </summary>
    internal sealed class EditedNeighbourhoods
    {
        /// <summary>
        /// The settings of a model that an entity rule may read, each with how it is compared; every other property of
        /// <see cref="SchemaModel"/> is in <see cref="NotCompared"/> with the reason (a test checks that the two cover it).
        /// </summary>
        internal static readonly IReadOnlyDictionary<string, Func<SchemaModel, SchemaModel, bool>> ModelSettings = new Dictionary<string, Func<SchemaModel, SchemaModel, bool>>(StringComparer.Ordinal)
        {
            [nameof(SchemaModel.ContextName)] = (a, b) => string.Equals(a.ContextName, b.ContextName, StringComparison.Ordinal),
            [nameof(SchemaModel.Provider)] = (a, b) => a.Provider == b.Provider,
            [nameof(SchemaModel.IsEntitySetComplete)] = (a, b) => a.IsEntitySetComplete == b.IsEntitySetComplete,
            [nameof(SchemaModel.OnlyPackageEntityTypesUnseen)] = (a, b) => a.OnlyPackageEntityTypesUnseen == b.OnlyPackageEntityTypesUnseen,
            [nameof(SchemaModel.UnknownReason)] = (a, b) => string.Equals(a.UnknownReason, b.UnknownReason, StringComparison.Ordinal),
            [nameof(SchemaModel.Code)] = (a, b) => a.Code.IsObserved == b.Code.IsObserved && a.Code.IsTestProject == b.Code.IsTestProject,
            [nameof(SchemaModel.LiveDatabase)] = (a, b) => ReferenceEquals(a.LiveDatabase, b.LiveDatabase),
            [nameof(SchemaModel.Migrations)] = (a, b) => ReferenceEquals(a.Migrations, b.Migrations),
        };

        internal static readonly IReadOnlyDictionary<string, string> NotCompared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(SchemaModel.Entities)] = "compared entity type by entity type: names and places must match, and each neighbourhood is checked",
        };

        private readonly bool[] _edited;
        private readonly SchemaModel _before;
        private readonly ModelIndex? _beforeIndex;
        private readonly IReadOnlyList<int> _chainsEdited;

        private EditedNeighbourhoods(ModelIndex index, bool[] edited, int count, SchemaModel before, ModelIndex? beforeIndex, IReadOnlyList<int> chainsEdited)
        {
            Index = index;
            _edited = edited;
            Count = count;
            _before = before;
            _beforeIndex = beforeIndex;
            _chainsEdited = chainsEdited;
        }

        /// <summary>The index of the edited model, which the run that follows goes on filling.</summary>
        public ModelIndex Index { get; }

        /// <summary>How many entity types must be judged again.</summary>
        public int Count { get; }

        public bool IsEdited(int position) => _edited[position];

        /// <summary>
        /// Whether <paramref name="rule"/> reads the same of every entity type whose chain of types the edit changed, before
        /// and after it (<see cref="SchemaRule.FactsReadOf"/>); false when the rule cannot tell.
        /// </summary>
        public bool SameFactsRead(SchemaRule rule)
        {
            if (!rule.NamesFactsRead) return false;
            foreach (var position in _chainsEdited)
            {
                var before = rule.FactsReadOf(_beforeIndex!, _before.Entities[position]);
                var after = rule.FactsReadOf(Index, Index.Model.Entities[position]);
                if (!string.Equals(before, after, StringComparison.Ordinal)) return false;
            }

            return true;
        }

        /// <summary>
        /// The entity types of <paramref name="model"/> to judge again after <paramref name="previous"/>; null when nothing
        /// can be kept: other options, other model settings, or entity types renamed, added, removed or reordered.
        /// </summary>
        public static EditedNeighbourhoods? Between(RuleFindings previous, SchemaModel model, SchemaLintOptions options)
        {
            var before = previous.Model;
            if (!options.HasSameSettingsAs(previous.Options) || !previous.SameEntityNames(model)) return null;
            foreach (var setting in ModelSettings.Values)
            {
                if (!setting(before, model)) return null;
            }

            var index = new ModelIndex(model);
            var entities = model.Entities;
            var edited = new bool[entities.Count];
            var changed = new HashSet<EntityTypeModel>();
            for (var i = 0; i < entities.Count; i++)
            {
                if (!ReferenceEquals(before.Entities[i], entities[i])) changed.Add(entities[i]);
            }

            if (changed.Count == 0) return new EditedNeighbourhoods(index, edited, 0, before, null, Array.Empty<int>());

            // An entity type whose chain of types holds a changed one reads changed facts as its own, and so does every
            // entity type sharing its table, before the edit or after it.
            var beforeIndex = new ModelIndex(before);
            var chainEdited = new bool[entities.Count];
            var chainsEdited = new List<int>();
            var tables = new HashSet<(string?, string, bool)>();
            for (var i = 0; i < entities.Count; i++)
            {
                if (!ChainHolds(index, entities[i], changed)) continue;
                chainEdited[i] = true;
                chainsEdited.Add(i);
                if (index.TableKey(entities[i]) is { } after) tables.Add(after);
                if (beforeIndex.TableKey(before.Entities[i]) is { } was) tables.Add(was);
            }

            var principalNames = NamesFinding(model, entities, chainsEdited);
            var count = 0;
            for (var i = 0; i < entities.Count; i++)
            {
                var entity = entities[i];
                edited[i] = chainEdited[i]
                    || (index.TableKey(entity) is { } table && tables.Contains(table))
                    || PrincipalChainHolds(index, entity, principalNames);
                if (edited[i]) count++;
            }

            return new EditedNeighbourhoods(index, edited, count, before, beforeIndex, chainsEdited);
        }

        /// <summary>Whether the entity type or one of its base types is among <paramref name="changed"/>.</summary>
        private static bool ChainHolds(ModelIndex index, EntityTypeModel entity, HashSet<EntityTypeModel> changed)
        {
            // Most entity types have no base type: asking the index would index every one of them for nothing.
            if (entity.BaseTypeName is null) return changed.Contains(entity);
            var types = index.SelfAndBaseTypes(entity);
            for (var i = 0; i < types.Count; i++)
            {
                if (changed.Contains(types[i])) return true;
            }

            return false;
        }

        /// <summary>
        /// Every name <see cref="SchemaModel.FindEntity"/> finds one of the entity types at <paramref name="positions"/> by: its
        /// name, and its short name when that finds it. Few, since an edit changes few chains.
        /// </summary>
        private static List<string> NamesFinding(SchemaModel model, IReadOnlyList<EntityTypeModel> entities, List<int> positions)
        {
            var names = new List<string>(positions.Count * 2);
            foreach (var position in positions)
            {
                var entity = entities[position];
                names.Add(entity.Name);
                if (ReferenceEquals(model.FindEntity(entity.ShortName), entity)) names.Add(entity.ShortName);
            }

            return names;
        }

        /// <summary>
        /// Whether the principal of a relationship the entity type declares or inherits, or one of its base types, is among
        /// the changed entity types: whether its name is one that finds an entity type whose chain holds a changed one. The
        /// entity type's own chain is unchanged here, so its relationships and the names of their principals are those of
        /// before, and so, the names being the same, is what each name finds. The names are few, so they are compared one by
        /// one: hashing every relationship's principal name was two fifths of this at 5,000 entity types.
        /// </summary>
        private static bool PrincipalChainHolds(ModelIndex index, EntityTypeModel entity, List<string> principalNames)
        {
            if (principalNames.Count == 0) return false;
            var foreignKeys = entity.BaseTypeName is null ? entity.ForeignKeys : index.AllForeignKeys(entity);
            for (var i = 0; i < foreignKeys.Count; i++)
            {
                var principal = foreignKeys[i].PrincipalEntityName;
                for (var n = 0; n < principalNames.Count; n++)
                {
                    if (string.Equals(principal, principalNames[n], StringComparison.Ordinal)) return true;
                }
            }

            return false;
        }
    }
}
