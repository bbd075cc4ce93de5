using System.Collections.Generic;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Engine
{
    /// <summary>
    /// The findings of one engine run, kept per rule as well, so that a later run over a model that differs only in facts some
    /// rules read can keep the other rules' findings (<see cref="SchemaLintEngine.AnalyzeAgain"/>).
    /// </summary>
    public sealed class RuleFindings
    {
        internal RuleFindings(SchemaLintEngine engine, SchemaLintOptions options, IReadOnlyList<List<Finding>?> perRule, IReadOnlyList<Finding> all)
        {
            Engine = engine;
            Options = options;
            PerRule = perRule;
            All = all;
        }

        /// <summary>Every finding, in the engine's stable order.</summary>
        public IReadOnlyList<Finding> All { get; }

        internal SchemaLintEngine Engine { get; }

        internal SchemaLintOptions Options { get; }

        /// <summary>By the engine's rule order; null for a rule that did not run.</summary>
        internal IReadOnlyList<List<Finding>?> PerRule { get; }
    }
}
