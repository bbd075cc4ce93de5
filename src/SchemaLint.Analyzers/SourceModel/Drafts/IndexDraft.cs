using System.Collections.Generic;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>An index configured by <c>[Index]</c> or <c>HasIndex</c>, refined by the calls chained to it.</summary>
    internal sealed class IndexDraft
    {
        public IndexDraft(List<string> propertyNames, SourceLocation? location)
        {
            PropertyNames = propertyNames;
            Location = location;
        }

        public List<string> PropertyNames { get; }

        public bool IsUnique { get; set; }

        /// <summary>IsUnique was set explicitly (attribute or IsUnique call), not left at its default.</summary>
        public bool IsUniqueConfigured { get; set; }

        public string? Filter { get; set; }

        public string? Name { get; set; }

        /// <summary>
        /// Options that make it more than a plain index (a method, included columns, descending keys, operator classes,
        /// collations): such an index is not interchangeable with another on the same leading columns.
        /// </summary>
        public bool HasOptions { get; set; }

        /// <summary>Created by the foreign-key index convention rather than by code.</summary>
        public bool IsByConvention { get; set; }

        public SourceLocation? Location { get; set; }

        public IndexModel ToModel() => new IndexModel(PropertyNames, IsUnique) { Filter = Filter, Name = Name, Location = Location, IsPlain = !HasOptions };
    }
}
