using System;
using System.Collections.Generic;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Engine
{
    /// <summary>
    /// The findings of one engine run, kept per rule (and, for an entity rule, per entity type) as well, so that a later run
    /// over an edit of the model can keep what the edit cannot have changed (<see cref="SchemaLintEngine.AnalyzeAgain"/>,
    /// <see cref="SchemaLintEngine.AnalyzeEdited"/>).
    /// </summary>
    public sealed class RuleFindings
    {
        internal RuleFindings(SchemaLintEngine engine, SchemaModel model, SchemaLintOptions options, IReadOnlyList<List<Finding>?> perRule,
            IReadOnlyList<int[]?> entityRanges, IReadOnlyList<Finding> all)
        {
            Engine = engine;
            Model = model;
            Options = options;
            PerRule = perRule;
            EntityRanges = entityRanges;
            All = all;
        }

        /// <summary>Every finding, in the engine's stable order.</summary>
        public IReadOnlyList<Finding> All { get; }

        internal SchemaLintEngine Engine { get; }

        /// <summary>The model these are the findings of.</summary>
        internal SchemaModel Model { get; }

        internal SchemaLintOptions Options { get; }

        /// <summary>By the engine's rule order; null for a rule that did not run.</summary>
        internal IReadOnlyList<List<Finding>?> PerRule { get; }

        /// <summary>
        /// By the engine's rule order, for an entity rule, where its findings about each of <see cref="Model"/>'s entity types
        /// start in <see cref="PerRule"/> (one more entry than entity types, for the end); null for another rule, or when unknown.
        /// </summary>
        internal IReadOnlyList<int[]?> EntityRanges { get; }

        /// <summary>Whether <paramref name="model"/> has entity types of the same names as <see cref="Model"/>, in the same order.</summary>
        internal bool SameEntityNames(SchemaModel model)
        {
            var before = Model.Entities;
            var after = model.Entities;
            if (before.Count != after.Count) return false;
            for (var i = 0; i < before.Count; i++)
            {
                if (!ReferenceEquals(before[i], after[i]) && !string.Equals(before[i].Name, after[i].Name, StringComparison.Ordinal)) return false;
            }

            return true;
        }
    }
}
