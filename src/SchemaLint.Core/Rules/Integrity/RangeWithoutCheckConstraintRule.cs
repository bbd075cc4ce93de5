using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Integrity
{
    public sealed class RangeWithoutCheckConstraintRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.RangeWithoutCheckConstraint,
            "Range without a check constraint",
            "'{0}.{1}' {2}; add a check constraint so the database rejects bad values too",
            RuleCategories.Integrity,
            Severity.Suggestion,
            "A money, price or quantity column, or a [Range] property, with no check constraint mentioning it. Movements (AdjustedQuantity, StockDelta) and fractions (a Discount of decimal(5,4)) are not judged by name.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            var index = context.Index;
            var provider = context.Provider.ToString();
            if (!RuleFacts.IsKnownTable(entity) || !RuleFacts.IsComplete(index, entity, ModelCompleteness.CheckConstraints)) return;
            var constraints = index.AllCheckConstraints(entity);
            foreach (var property in entity.Properties)
            {
                if (!RuleFacts.IsNumeric(property) || RuleFacts.IsKeyProperty(index, entity, property.Name) || RuleFacts.IsForeignKeyProperty(index, entity, property.Name)) continue;
                string reason;
                if (property.HasRangeValidation.Is(true)) reason = "has a [Range] that only the application enforces";
                else if (RuleFacts.IsSigned(index, context.Options, property)) continue; // AdjustedQuantity, StockDelta: negative on purpose.
                else if (RuleFacts.IsMoney(index, context.Options, property)) reason = "looks like money, which is rarely negative, but no check constraint keeps it in range";
                else if (index.Matches(context.Options.QuantityNames, property.Name)) reason = "is a quantity, which is never negative, but no check constraint keeps it in range";
                else continue;

                var column = property.ColumnName ?? property.Name;
                if (IsMentionedByAny(constraints, column)) continue;
                context.Report(entity, property.Name, property.Location,
                    RuleFacts.Properties((FindingProperties.Provider, provider), (FindingProperties.Column, column)), null,
                    entity.ShortName, property.Name, reason);
            }
        }

        // Apart from Analyze: a lambda there capturing the column would allocate its closure for every property of the model.
        private static bool IsMentionedByAny(IReadOnlyList<CheckConstraintModel> constraints, string column) =>
            constraints.Any(constraint => Mentions(constraint.Sql, column));

        /// <summary>The SQL names the column as a whole identifier, quoted or not.</summary>
        private static bool Mentions(string sql, string column) =>
            Regex.IsMatch(sql, @"(?<![\w])" + Regex.Escape(column) + @"(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
