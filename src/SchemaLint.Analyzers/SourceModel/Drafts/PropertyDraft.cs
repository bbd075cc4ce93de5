using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>What configuration said about one property before conventions fill the rest. Null means "not configured".</summary>
    internal sealed class PropertyDraft
    {
        public PropertyDraft(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>A copy the conventions can write into without writing into this one.</summary>
        public PropertyDraft Copy()
        {
            var copy = (PropertyDraft)MemberwiseClone();
            copy._facets = _facets?.Copy();
            return copy;
        }

        /// <summary>The CLR member that holds the value: a property, or a backing field mapped by name (<c>Property&lt;string&gt;("_name")</c> in a DDD configuration); null for a shadow property.</summary>
        public ClrMember? Member { get; set; }

        /// <summary>The CLR type (a shadow property's from <c>Property&lt;T&gt;("Name")</c>); null when no code says.</summary>
        public ClrType? Type { get; set; }

        /// <summary>No CLR member holds the value: neither a property nor a field mapped by name.</summary>
        public bool IsShadow => Member is null;

        /// <summary>How the CLR member's declaration annotates its type; None for a shadow property.</summary>
        public NullableAnnotation DeclaredAnnotation => Member?.DeclaredAnnotation ?? NullableAnnotation.None;

        public SourceLocation? Location { get; set; }

        /// <summary>Configuration this reader could not follow touched the property: its facts are unknown.</summary>
        public bool IsOpaque { get; set; }

        public Configured<bool>? Required { get; set; }
        public Configured<int?>? MaxLength { get; set; }

        public Configured<(int? Precision, int? Scale)>? Precision
        {
            get => _facets?.Precision;
            set { if (value is not null || _facets is not null) Facets.Precision = value; }
        }

        public Configured<string?>? StoreType
        {
            get => _facets?.StoreType;
            set { if (value is not null || _facets is not null) Facets.StoreType = value; }
        }

        public Configured<bool>? HasDefaultValue
        {
            get => _facets?.HasDefaultValue;
            set { if (value is not null || _facets is not null) Facets.HasDefaultValue = value; }
        }

        public Configured<string?>? DefaultValueSql
        {
            get => _facets?.DefaultValueSql;
            set { if (value is not null || _facets is not null) Facets.DefaultValueSql = value; }
        }

        public Configured<string?>? ComputedColumnSql
        {
            get => _facets?.ComputedColumnSql;
            set { if (value is not null || _facets is not null) Facets.ComputedColumnSql = value; }
        }

        public Configured<ValueGeneration>? ValueGenerated { get; set; }

        public string? ColumnName
        {
            get => _facets?.ColumnName;
            set { if (value is not null || _facets is not null) Facets.ColumnName = value; }
        }

        public bool HasRange
        {
            get => _facets?.HasRange == true;
            set { if (value || _facets is not null) Facets.HasRange = value; }
        }

        /// <summary>[Range]'s upper bound when it is a number (null when there is no range or it is not one).</summary>
        public double? RangeMaximum
        {
            get => _facets?.RangeMaximum;
            set { if (value is not null || _facets is not null) Facets.RangeMaximum = value; }
        }

        /// <summary>The TPH discriminator column; EF Core sizes it from values this reader does not evaluate.</summary>
        public bool IsDiscriminator
        {
            get => _facets?.IsDiscriminator == true;
            set { if (value || _facets is not null) Facets.IsDiscriminator = value; }
        }

        /// <summary>A key discovered by name, configured by [Key]/HasKey, or a part of one: not nullable.</summary>
        public bool IsKeyPart { get; set; }

        /// <summary>Set once the property became a foreign key; value generation by convention stops there.</summary>
        public bool IsForeignKeyPart { get; set; }

        /// <summary>A string foreign key whose principal key has a length: EF Core gives the foreign key the principal's column facets.</summary>
        public bool SharesPrincipalFacets
        {
            get => _facets?.SharesPrincipalFacets == true;
            set { if (value || _facets is not null) Facets.SharesPrincipalFacets = value; }
        }

        /// <summary>The relationship that made this (shadow) property required or optional, when it is a foreign key.</summary>
        public bool? RequiredByRelationship { get; set; }

        // What few properties are configured with, apart: a model edit makes a draft of every property again, and each one
        // lives until the edit ends, so every collection in it copies them (bench/ANALYSIS.md, run 17).
        private RareFacets? _facets;

        /// <summary>The rare facts, made when the first of them is set to something other than its default.</summary>
        private RareFacets Facets => _facets ??= new RareFacets();

        private sealed class RareFacets
        {
            public Configured<(int? Precision, int? Scale)>? Precision;
            public Configured<string?>? StoreType;
            public Configured<bool>? HasDefaultValue;
            public Configured<string?>? DefaultValueSql;
            public Configured<string?>? ComputedColumnSql;
            public string? ColumnName;
            public double? RangeMaximum;
            public bool HasRange;
            public bool IsDiscriminator;
            public bool SharesPrincipalFacets;

            public RareFacets Copy() => (RareFacets)MemberwiseClone();
        }
    }

    /// <summary>A value set by an attribute or a Fluent call, with the place that set it.</summary>
    internal sealed class Configured<T>
    {
        public Configured(T value, SourceLocation? location, bool fromAnnotation = false)
        {
            Value = value;
            Location = location;
            FromAnnotation = fromAnnotation;
        }

        /// <summary>Set by a data annotation: model-wide conventions (ConfigureConventions) take precedence over it, Fluent API does not.</summary>
        public bool FromAnnotation { get; }

        public T Value { get; }

        public SourceLocation? Location { get; }

        public Fact<T> ToFact() => Fact<T>.Known(Value, Location);
    }
}
