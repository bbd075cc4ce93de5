using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class SetNullOnRequiredForeignKeyRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.SetNullOnRequiredForeignKey,
            "Delete behavior contradicts nullability",
            "Relationship {0} from '{1}' sets the foreign key to NULL on delete, but the foreign key is required; deleting a '{2}' will fail",
            RuleCategories.Relationships,
            Severity.Warning,
            "SetNull on a non-nullable foreign key: EF Core accepts the model, and every delete of a parent with children then fails on the NOT NULL constraint.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            foreach (var foreignKey in entity.ForeignKeys)
            {
                if (!foreignKey.DeleteBehavior.Is(DeleteBehaviorKind.SetNull)) continue;
                var required = foreignKey.IsRequired.Is(true)
                    || foreignKey.PropertyNames.Select(n => index.FindProperty(entity, n)).Any(p => p is not null && p.IsColumnNullable.Is(false));
                if (!required) continue;
                context.Report(entity, foreignKey.DependentNavigation ?? foreignKey.PropertyNames[0], foreignKey.DeleteBehavior.Location ?? foreignKey.Location,
                    RelationshipFacts(foreignKey), null,
                    foreignKey.Describe(), entity.ShortName, EntityTypeModel.ShortNameOf(foreignKey.PrincipalEntityName));
            }
        }

        /// <summary>What a fix needs to find the relationship in code: its foreign key and the dependent's navigation.</summary>
        internal static System.Collections.Generic.IReadOnlyDictionary<string, string> RelationshipFacts(ForeignKeyModel foreignKey) =>
            foreignKey.DependentNavigation is null
                ? RuleFacts.Properties((FindingProperties.ForeignKey, string.Join(",", foreignKey.PropertyNames)))
                : RuleFacts.Properties((FindingProperties.ForeignKey, string.Join(",", foreignKey.PropertyNames)), (FindingProperties.Navigation, foreignKey.DependentNavigation));
    }
}
