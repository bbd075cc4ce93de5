using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Timestamps
{
    public sealed class TimestampNeverSetRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.TimestampNeverSet,
            "Timestamp never set",
            "'{0}.{1}' is {2}",
            RuleCategories.Timestamps,
            Severity.Warning,
            "A created timestamp with no default, no value generation and no assignment; or an updated timestamp that nothing updates (no value generation on update, no assignment in a SaveChanges override or interceptor).",
            requiresSource: true)
        {
            ReadsCodeFacts = true,
        };

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            if (!RuleFacts.IsKnownTable(entity)) return;
            foreach (var property in entity.Properties)
            {
                if (!property.IsDateTimeLike) continue;
                if (context.Index.Matches(context.Options.CreatedNames, property.Name))
                {
                    if (property.HasDatabaseDefault.Is(false) && property.ValueGenerated.Is(ValueGeneration.Never) && property.IsAssignedByCode.Is(false))
                        context.Report(entity, property.Name, property.Location, Facts(context, "created"), null, entity.ShortName, property.Name,
                            "a created timestamp that nothing sets: no database default, no value generation, no assignment; every row gets the CLR default (0001-01-01)");
                }
                else if (context.Index.Matches(context.Options.UpdatedNames, property.Name))
                {
                    var generatedOnUpdate = property.ValueGenerated.Is(ValueGeneration.OnUpdate) || property.ValueGenerated.Is(ValueGeneration.OnAddOrUpdate);
                    if (property.ValueGenerated.IsKnown && !generatedOnUpdate && property.IsUpdatedByCode.Is(false))
                        context.Report(entity, property.Name, property.Location, Facts(context, "updated"), null, entity.ShortName, property.Name,
                            "an updated timestamp that nothing updates: no value generation on update and no assignment in a SaveChanges override or interceptor");
                }
            }
        }
    
        /// <summary>What a fix needs: which timestamp it is, and the provider whose current-time function a default would call.</summary>
        private static System.Collections.Generic.IReadOnlyDictionary<string, string> Facts(RuleContext context, string kind) =>
            RuleFacts.Properties((FindingProperties.TimestampKind, kind), (FindingProperties.Provider, context.Provider.ToString()));
    }
}
