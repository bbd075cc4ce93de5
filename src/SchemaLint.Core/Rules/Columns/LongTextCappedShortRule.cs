using System;
using System.Collections.Generic;
using System.Globalization;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class LongTextCappedShortRule : EntityRule
    {
        // Entities that are a label: a Tag's Text is the hashtag, a Category's Content is the category's name.
        private static readonly HashSet<string> LabelEntityWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "tag", "hashtag", "label", "category", "keyword", "topic",
        };

        // The names such an entity gives its label; its Description or Notes are still free text.
        private static readonly HashSet<string> LabelPropertyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "text", "content",
        };

        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.LongTextCappedShort,
            "Long text capped short",
            "'{0}.{1}' holds free text but is capped at {2} characters (below {3}); real content will be rejected or truncated",
            RuleCategories.Columns,
            Severity.Suggestion,
            "A long-text name (content, body, description, comment, ...) with a max length below the threshold (500 by default); not the Text or Content of a tag or category, which is its label.");

        public override RuleDescriptor Descriptor => Rule;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            if (context.Provider == DatabaseProvider.Sqlite) return; // SQLite does not enforce lengths.
            var threshold = context.Options.LongTextThreshold;

            // A view's or query's max length changes nothing in the database.
            if (!RuleFacts.IsKnownTable(entity)) return;
            foreach (var property in entity.Properties)
            {
                if (!property.IsString || !property.MaxLength.TryGet(out var maxLength) || maxLength is null || maxLength >= threshold) continue;
                if (!context.Index.Matches(context.Options.LongTextNames, property.Name)) continue;
                if (IsLabelOfALabelEntity(entity.ShortName, property.Name)) continue;
                context.Report(entity, property.Name, property.MaxLength.Location ?? property.Location,
                    RuleFacts.Properties((FindingProperties.LongTextThreshold, threshold.ToString(CultureInfo.InvariantCulture))), null,
                    entity.ShortName, property.Name, maxLength, threshold);
            }
        }

        /// <summary><c>Tag.Text</c>, <c>Category.Content</c>, <c>PostTag.Text</c>: the label itself, which a short cap suits.</summary>
        private static bool IsLabelOfALabelEntity(string entityName, string propertyName)
        {
            if (!LabelPropertyNames.Contains(propertyName)) return false;
            var words = NameVocabulary.SplitWords(entityName);
            return words.Count > 0 && LabelEntityWords.Contains(words[words.Count - 1]);
        }
    }
}
