using System.Text;
using SchemaLint.Core.Model;

namespace SchemaLint.Core.Rules
{
    /// <summary>
    /// Writes down the facts a rule reads of an entity type (<see cref="SchemaRule.FactsReadOf"/>) as one string, so that two
    /// versions of the entity type compare equal exactly when every fact written is. Values are separated, and an absent or
    /// unknown value is told apart from every value, so that no two different lists of facts write the same string.
    /// </summary>
    internal sealed class FactsRead
    {
        private const char Separator = '\u0001';
        private const string Absent = "\u0002";
        private const string Unknown = "\u0003";

        private readonly StringBuilder _text = new StringBuilder();

        public FactsRead Add(string? value)
        {
            _text.Append(value ?? Absent).Append(Separator);
            return this;
        }

        public FactsRead Add(bool value) => Add(value ? "1" : "0");

        public FactsRead Add(int value) => Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public FactsRead Add<T>(Fact<T> fact) => Add(fact.TryGet(out var value) ? value?.ToString() : Unknown);

        public FactsRead Add(SourceLocation? location)
        {
            if (location is null) return Add((string?)null);
            return Add(location.FilePath).Add(location.Line).Add(location.Column).Add(location.EndLine).Add(location.EndColumn)
                .Add(location.SpanStart ?? -1).Add(location.SpanLength ?? -1);
        }

        /// <summary>
        /// What <see cref="RuleContext.Report"/> reads of an entity type to tell whether a finding about it is about what a
        /// package declares: nothing at all when nothing in its chain of types comes from a package, the chain's members otherwise.
        /// </summary>
        public FactsRead AddPackageFacts(ModelIndex index, EntityTypeModel entity)
        {
            if (!index.MayBeAboutPackage(entity)) return Add("no package");
            Add(entity.Package);
            foreach (var property in index.AllProperties(entity)) Add(property.Name).Add(property.Package);
            foreach (var foreignKey in index.AllForeignKeys(entity))
            {
                Add(foreignKey.DependentNavigation).Add(string.Join(",", foreignKey.PropertyNames)).Add(foreignKey.Package);
            }

            foreach (var modelIndex in index.AllIndexes(entity)) Add(modelIndex.Name).Add(string.Join(",", modelIndex.PropertyNames));
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
