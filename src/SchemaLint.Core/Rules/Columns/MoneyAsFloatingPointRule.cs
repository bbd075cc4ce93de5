using System;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class MoneyAsFloatingPointRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.MoneyAsFloatingPoint,
            "Money stored as floating point",
            "'{0}.{1}' looks like money but is a {2}; binary floating point cannot hold most decimal amounts exactly, so sums drift by fractions of a cent",
            RuleCategories.Columns,
            Severity.Warning,
            "A float or double on a money-like name (amount, price, cost, total, ...). Use decimal with an explicit precision.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            foreach (var property in entity.Properties)
            {
                if (!property.IsFloatingPoint || !RuleFacts.IsMoney(context.Index, context.Options, property)) continue;

                // Stored as an exact type after all (HasColumnType("numeric(18,2)")): the column is right.
                // An unknown store type may be exactly that, so it is no ground for a finding.
                if (!property.StoreType.TryGet(out var storeType) || (storeType is not null && IsExactNumeric(storeType))) continue;
                context.Report(entity, property.Name, property.Location, entity.ShortName, property.Name, property.IsClrType(ClrTypeNames.Single) ? "float" : "double");
            }
        }

        private static bool IsExactNumeric(string storeType) =>
            storeType.IndexOf("numeric", StringComparison.OrdinalIgnoreCase) >= 0
            || storeType.IndexOf("decimal", StringComparison.OrdinalIgnoreCase) >= 0
            || storeType.IndexOf("money", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
