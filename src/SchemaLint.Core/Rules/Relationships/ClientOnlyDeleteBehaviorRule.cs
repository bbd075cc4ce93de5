using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Relationships
{
    public sealed class ClientOnlyDeleteBehaviorRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.ClientOnlyDeleteBehavior,
            "Delete behavior enforced only by the client",
            "Relationship {0} from '{1}' has delete behavior {2} by convention: the database constraint is NO ACTION, so deleting a '{3}' fails whenever its '{1}' rows are not loaded; choose Cascade, SetNull or Restrict",
            RuleCategories.Relationships,
            Severity.Warning,
            "ClientSetNull (EF Core's default for optional relationships), ClientCascade and ClientNoAction act only on tracked entities; the database itself does nothing on delete.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            if (!RuleFacts.IsKnownTable(entity)) return;
            foreach (var foreignKey in entity.ForeignKeys)
            {
                if (foreignKey.IsOwnership || !foreignKey.DeleteBehavior.TryGet(out var behavior)) continue;
                if (behavior != DeleteBehaviorKind.ClientSetNull && behavior != DeleteBehaviorKind.ClientCascade && behavior != DeleteBehaviorKind.ClientNoAction) continue;

                // An explicit client-side choice is deliberate (for example to break a SQL Server cascade cycle).
                if (!foreignKey.IsDeleteBehaviorExplicit.Is(false)) continue;

                // Whether the relationship should be optional at all comes first (SL1002); one finding per mistake.
                if (NullableForeignKeyRule.Diagnose(context.Index, entity, foreignKey) is not null) continue;
                context.Report(entity, foreignKey.DependentNavigation ?? foreignKey.PropertyNames[0], foreignKey.Location,
                    foreignKey.Describe(), entity.ShortName, behavior, EntityTypeModel.ShortNameOf(foreignKey.PrincipalEntityName));
            }
        }
    }
}
