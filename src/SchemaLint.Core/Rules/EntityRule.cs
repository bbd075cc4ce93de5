using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules
{
    /// <summary>
    /// A rule that judges one entity type at a time, and whose judgement of an entity type reads only its neighbourhood:
    /// <list type="bullet">
    /// <item>the entity type and its base types;</item>
    /// <item>the principals of the relationships it declares or inherits, and their base types;</item>
    /// <item>the entity types stored in its table (<see cref="ModelIndex.TableOf"/>), and their base types;</item>
    /// <item>the options, the model's own settings (context, provider, what the front end saw) and the names of the model's entity types;</item>
    /// <item>whatever <see cref="SchemaRule.FactsReadOf"/> names, of any entity type (the keys of every table, say).</item>
    /// </list>
    /// It reports only about the entity type it judges. After an edit, the engine judges again only the entity types whose
    /// neighbourhood the edit changed and keeps its findings about the others (<see cref="Engine.SchemaLintEngine.AnalyzeEdited"/>),
    /// or judges every entity type again when the edit changed what <see cref="SchemaRule.FactsReadOf"/> names. The engine
    /// refuses a report about another entity type, and <c>AnalyzeEditedTests</c> edit every kind of neighbour to check
    /// that the findings follow.
    /// </summary>
    public abstract class EntityRule : SchemaRule
    {
        /// <summary>Judges every entity type the options do not exclude, in model order.</summary>
        public sealed override void Analyze(RuleContext context)
        {
            foreach (var entity in context.Entities) AnalyzeEntity(context.Judging(entity), entity);
        }

        /// <summary>Judges one entity type, reporting through <paramref name="context"/> about it alone.</summary>
        public abstract void AnalyzeEntity(RuleContext context, EntityTypeModel entity);

        /// <summary>An entity rule reads nothing beyond the neighbourhoods above unless its <see cref="SchemaRule.FactsReadOf"/> says what.</summary>
        internal sealed override bool NamesFactsRead => true;
    }
}
