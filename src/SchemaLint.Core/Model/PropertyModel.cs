using System;
using System.Collections.Generic;

namespace SchemaLint.Core.Model
{
    /// <summary>A scalar property and the column it maps to.</summary>
    public sealed class PropertyModel
    {
        public PropertyModel(string name, string clrType)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A property needs a name.", nameof(name));
            if (string.IsNullOrEmpty(clrType)) throw new ArgumentException("A property needs a CLR type.", nameof(clrType));
            Name = name;
            ClrType = clrType;
        }

        public string Name { get; }

        /// <summary>
        /// The full name of the CLR type with any <c>Nullable&lt;T&gt;</c> removed ("System.Decimal", "System.String");
        /// for enums, the enum's full name with <see cref="IsEnum"/> set.
        /// </summary>
        public string ClrType { get; }

        public bool IsEnum { get; set; }

        /// <summary><c>int?</c>, <c>decimal?</c>: the CLR type says null is allowed.</summary>
        public bool IsNullableValueType { get; set; }

        /// <summary>For reference types: how the declaration is annotated.</summary>
        public Fact<ReferenceNullability> ReferenceNullability { get; set; }

        /// <summary>A shadow property: the column exists, the CLR type has no member for it.</summary>
        public bool IsShadow { get; set; }

        public string? ColumnName { get; set; }

        /// <summary>Whether the column accepts NULL, after conventions, annotations and Fluent API.</summary>
        public Fact<bool> IsColumnNullable { get; set; }

        /// <summary>What the code said explicitly about requiredness (<c>[Required]</c>, <c>IsRequired(...)</c>).</summary>
        public Fact<DeclaredRequiredness> DeclaredRequiredness { get; set; }

        /// <summary>Max length in characters; known null means unbounded.</summary>
        public Fact<int?> MaxLength { get; set; }

        public Fact<int?> Precision { get; set; }

        public Fact<int?> Scale { get; set; }

        /// <summary>A column type configured explicitly (<c>HasColumnType</c>, <c>[Column(TypeName = ...)]</c>); known null means none.</summary>
        public Fact<string?> StoreType { get; set; }

        /// <summary>
        /// The column type the provider maps the property to, explicit or by convention, as the provider spells it
        /// (<c>character varying(100)</c>, <c>numeric(18,2)</c>, <c>timestamp with time zone</c>); known null means no relational mapping.
        /// </summary>
        public Fact<string?> ProviderStoreType { get; set; }

        /// <summary>A constant default (<c>HasDefaultValue</c>) as the provider writes it in SQL; known null means no constant default.</summary>
        public Fact<string?> DefaultValueLiteral { get; set; }

        /// <summary>A constant default in the database (<c>HasDefaultValue</c>).</summary>
        public Fact<bool> HasDefaultValue { get; set; }

        /// <summary>A SQL default in the database (<c>HasDefaultValueSql</c>); known null means none.</summary>
        public Fact<string?> DefaultValueSql { get; set; }

        /// <summary>A computed column's SQL; known null means not computed.</summary>
        public Fact<string?> ComputedColumnSql { get; set; }

        public Fact<ValueGeneration> ValueGenerated { get; set; }

        /// <summary>A validation range (<c>[Range]</c>) is declared on the member.</summary>
        public Fact<bool> HasRangeValidation { get; set; }

        /// <summary>The upper bound of the validation range (<c>[Range(0, 1)]</c>); known null means no range, or none a number states.</summary>
        public Fact<double?> RangeMaximum { get; set; }

        /// <summary>Application code assigns the property when a row is created (initializer, constructor, SaveChanges override).</summary>
        public Fact<bool> IsAssignedByCode { get; set; }

        /// <summary>Application code assigns the property when a row is modified (SaveChanges override, interceptor).</summary>
        public Fact<bool> IsUpdatedByCode { get; set; }

        /// <summary>Places where local time (<c>DateTime.Now</c>, <c>DateTime.Today</c>) flows into the property.</summary>
        public List<SourceLocation> LocalTimeWrites { get; } = new List<SourceLocation>();

        public SourceLocation? Location { get; set; }

        /// <summary>
        /// The package whose type declares the CLR member (a property an application type inherits from <c>IdentityUser</c>),
        /// or null when the application declares it, or it is a shadow property (see <see cref="PackageOwnership"/>).
        /// </summary>
        public string? Package { get; set; }

        /// <summary>The CLR type admits null (<c>int?</c> or <c>string?</c>); unknown for oblivious reference types.</summary>
        public Fact<bool> IsClrNullable
        {
            get
            {
                if (IsNullableValueType) return true;
                if (!ReferenceNullability.TryGet(out var annotation)) return Fact<bool>.Unknown;
                return annotation switch
                {
                    Model.ReferenceNullability.NotApplicable => false,
                    Model.ReferenceNullability.Annotated => true,
                    Model.ReferenceNullability.NotAnnotated => false,
                    _ => Fact<bool>.Unknown,
                };
            }
        }

        /// <summary>Whether the database fills the column when an insert leaves it out.</summary>
        public Fact<bool> HasDatabaseDefault
        {
            get
            {
                if (HasDefaultValue.Is(true)) return true;
                if (DefaultValueSql.TryGet(out var sql) && sql is not null) return true;
                if (ComputedColumnSql.TryGet(out var computed) && computed is not null) return true;
                if (!HasDefaultValue.IsKnown || !DefaultValueSql.IsKnown || !ComputedColumnSql.IsKnown) return Fact<bool>.Unknown;
                return false;
            }
        }

        public bool IsClrType(string fullName) => string.Equals(ClrType, fullName, StringComparison.Ordinal);

        public bool IsString => IsClrType(ClrTypeNames.String);

        public bool IsDecimal => IsClrType(ClrTypeNames.Decimal);

        public bool IsFloatingPoint => IsClrType(ClrTypeNames.Double) || IsClrType(ClrTypeNames.Single);

        public bool IsBoolean => IsClrType(ClrTypeNames.Boolean);

        public bool IsDateTimeLike =>
            IsClrType(ClrTypeNames.DateTime) || IsClrType(ClrTypeNames.DateTimeOffset) || IsClrType(ClrTypeNames.Instant) || IsClrType(ClrTypeNames.DateOnly);

        /// <summary>
        /// A copy of this property with other answers about the code that writes it, everything else shared: an edit that
        /// changed only what code writes gives the model this rather than a new extraction. Both stay frozen.
        /// </summary>
        public PropertyModel WithCodeFacts(Fact<bool> isAssignedByCode, Fact<bool> isUpdatedByCode)
        {
            var copy = (PropertyModel)MemberwiseClone();
            copy.IsAssignedByCode = isAssignedByCode;
            copy.IsUpdatedByCode = isUpdatedByCode;
            return copy;
        }

        public override string ToString() => Name;
    }

    public static class ClrTypeNames
    {
        public const string String = "System.String";
        public const string Decimal = "System.Decimal";
        public const string Double = "System.Double";
        public const string Single = "System.Single";
        public const string Boolean = "System.Boolean";
        public const string Int32 = "System.Int32";
        public const string Int64 = "System.Int64";
        public const string Guid = "System.Guid";
        public const string DateTime = "System.DateTime";
        public const string DateTimeOffset = "System.DateTimeOffset";
        public const string DateOnly = "System.DateOnly";
        public const string Instant = "NodaTime.Instant";
    }
}
