using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules.Columns
{
    public sealed class ShortTextUnboundedRule : EntityRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.ShortTextUnbounded,
            "Short text unbounded",
            "'{0}.{1}' is an identifier-like text with no max length; bound it (for example {2} characters) so bad input fails early and indexes stay small",
            RuleCategories.Columns,
            Severity.Suggestion,
            "An identifier-like name (email, name, title, slug, code, ...) with no max length.");

        public override RuleDescriptor Descriptor => Rule;

        private static readonly Regex BoundedStoreType = new Regex(@"\(\s*\d+\s*\)", RegexOptions.CultureInvariant);

        /// <summary>
        /// The provider bounds the column although the model sets no length: SQL Server maps a string in a key, a foreign key or
        /// an index to nvarchar(450) (an index key cannot exceed 900 bytes), and a front end may know the mapped type outright.
        /// </summary>
        private static bool IsBoundedByTheProvider(RuleContext context, EntityTypeModel entity, PropertyModel property)
        {
            if (property.ProviderStoreType.TryGet(out var storeType) && storeType is not null && BoundedStoreType.IsMatch(storeType)) return true;
            if (context.Provider != DatabaseProvider.SqlServer) return false;
            var index = context.Index;
            return RuleFacts.IsKeyProperty(index, entity, property.Name)
                || RuleFacts.IsForeignKeyProperty(index, entity, property.Name)
                || IsIndexed(index, entity, property.Name);
        }

        // Apart, so that the lambda's closure is allocated only for the properties that get this far.
        private static bool IsIndexed(ModelIndex index, EntityTypeModel entity, string propertyName) =>
            index.AllIndexes(entity).Any(i => i.PropertyNames.Contains(propertyName, StringComparer.Ordinal));

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity)
        {
            if (context.Provider == DatabaseProvider.Sqlite) return; // SQLite does not enforce lengths.

            // Only a table's column is bounded by the model; a view's or a query's length comes from its SQL, JSON has none.
            if (!RuleFacts.IsKnownTable(entity)) return;
            foreach (var property in entity.Properties)
            {
                if (!property.IsString || !property.MaxLength.Is(null) || !property.StoreType.Is(null)) continue;
                if (IsBoundedByTheProvider(context, entity, property)) continue;
                if (!context.Index.TryMatch(context.Options.ShortTextNames, property.Name, out var suggested) || suggested is null) continue;
                if (context.Index.Matches(context.Options.LongTextNames, property.Name)) continue;
                var length = suggested.Value.ToString(CultureInfo.InvariantCulture);
                context.Report(entity, property.Name, property.Location,
                    RuleFacts.Properties((FindingProperties.SuggestedMaxLength, length)), null,
                    entity.ShortName, property.Name, length);
            }
        }
    }
}
