using System.Globalization;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class LongTextCappedShortRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.LongTextCappedShort,
            "Long text capped short",
            "'{0}.{1}' holds free text but is capped at {2} characters (below {3}); real content will be rejected or truncated",
            RuleCategories.Columns,
            Severity.Warning,
            "A long-text name (content, body, description, comment, ...) with a max length below the threshold (500 by default).");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            if (context.Provider == DatabaseProvider.Sqlite) return; // SQLite does not enforce lengths.
            var threshold = context.Options.LongTextThreshold;
            foreach (var entity in context.Entities)
            {
                // A view's or query's max length changes nothing in the database.
                if (!RuleFacts.IsKnownTable(entity)) continue;
                foreach (var property in entity.Properties)
                {
                    if (!property.IsString || !property.MaxLength.TryGet(out var maxLength) || maxLength is null || maxLength >= threshold) continue;
                    if (!context.Options.LongTextNames.Matches(property.Name)) continue;
                    context.Report(entity, property.Name, property.MaxLength.Location ?? property.Location,
                        RuleFacts.Properties((FindingProperties.LongTextThreshold, threshold.ToString(CultureInfo.InvariantCulture))), null,
                        entity.ShortName, property.Name, maxLength, threshold);
                }
            }
        }
    }
}
