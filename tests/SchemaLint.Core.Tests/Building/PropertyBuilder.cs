using SchemaLint.Core.Model;

namespace SchemaLint.Core.Tests.Building;

/// <summary>
/// Describes one property. By default every fact a runtime front end can establish is known: column nullability
/// from the CLR type, no max length, no precision, no store type, no default, never generated, no [Range].
/// Code-only facts (assignments) are known only when the schema is built <see cref="SchemaBuilder.FromSource"/>.
/// </summary>
public sealed class PropertyBuilder
{
    private readonly EntityTypeModel _entity;

    internal PropertyBuilder(PropertyModel property, EntityTypeModel entity)
    {
        Property = property;
        _entity = entity;
    }

    public PropertyModel Property { get; }

    internal static PropertyModel Plain(string name, Type clrType, bool nullableReferenceTypes, bool sourceObserved)
    {
        var underlying = System.Nullable.GetUnderlyingType(clrType);
        var type = underlying ?? clrType;
        var property = new PropertyModel(name, type.FullName!)
        {
            IsEnum = type.IsEnum,
            IsNullableValueType = underlying is not null,
            ReferenceNullability = type.IsValueType ? ReferenceNullability.NotApplicable
                : nullableReferenceTypes ? ReferenceNullability.NotAnnotated : ReferenceNullability.Oblivious,
            // EF Core's convention: value types follow Nullable<T>; strings are NOT NULL under nullable reference types only.
            IsColumnNullable = type.IsValueType ? underlying is not null : !nullableReferenceTypes,
            DeclaredRequiredness = DeclaredRequiredness.Unspecified,
            MaxLength = Fact<int?>.Known(null),
            Precision = Fact<int?>.Known(null),
            Scale = Fact<int?>.Known(null),
            StoreType = Fact<string?>.Known(null),
            HasDefaultValue = false,
            DefaultValueSql = Fact<string?>.Known(null),
            ComputedColumnSql = Fact<string?>.Known(null),
            ValueGenerated = ValueGeneration.Never,
            HasRangeValidation = false,
        };
        if (sourceObserved)
        {
            property.IsAssignedByCode = false;
            property.IsUpdatedByCode = false;
        }

        return property;
    }

    /// <summary><c>string?</c> under nullable reference types (or a plain string where they are off): the column accepts NULL.</summary>
    public PropertyBuilder Nullable()
    {
        if (Property.ReferenceNullability.Is(ReferenceNullability.NotAnnotated)) Property.ReferenceNullability = ReferenceNullability.Annotated;
        Property.IsColumnNullable = true;
        return this;
    }

    /// <summary><c>[Required]</c> or <c>IsRequired()</c>.</summary>
    public PropertyBuilder Required()
    {
        Property.DeclaredRequiredness = DeclaredRequiredness.Required;
        Property.IsColumnNullable = false;
        return this;
    }

    /// <summary><c>IsRequired(false)</c>.</summary>
    public PropertyBuilder Optional()
    {
        Property.DeclaredRequiredness = DeclaredRequiredness.Optional;
        Property.IsColumnNullable = true;
        return this;
    }

    public PropertyBuilder MaxLength(int length)
    {
        Property.MaxLength = length;
        return this;
    }

    public PropertyBuilder Precision(int precision, int scale)
    {
        Property.Precision = precision;
        Property.Scale = scale;
        return this;
    }

    public PropertyBuilder StoreType(string storeType)
    {
        Property.StoreType = storeType;
        return this;
    }

    public PropertyBuilder DefaultValue()
    {
        Property.HasDefaultValue = true;
        return this;
    }

    public PropertyBuilder DefaultSql(string sql)
    {
        Property.DefaultValueSql = sql;
        return this;
    }

    public PropertyBuilder Computed(string sql)
    {
        Property.ComputedColumnSql = sql;
        Property.ValueGenerated = ValueGeneration.OnAddOrUpdate;
        return this;
    }

    public PropertyBuilder Generated(ValueGeneration generation)
    {
        Property.ValueGenerated = generation;
        return this;
    }

    public PropertyBuilder Range()
    {
        Property.HasRangeValidation = true;
        return this;
    }

    /// <summary><c>[Range(0, maximum)]</c>.</summary>
    public PropertyBuilder Range(double maximum)
    {
        Property.HasRangeValidation = true;
        Property.RangeMaximum = maximum;
        return this;
    }

    public PropertyBuilder AssignedByCode(bool assigned = true)
    {
        Property.IsAssignedByCode = assigned;
        return this;
    }

    public PropertyBuilder UpdatedByCode(bool updated = true)
    {
        Property.IsUpdatedByCode = updated;
        return this;
    }

    public PropertyBuilder LocalTimeWriteAt(int line)
    {
        Property.LocalTimeWrites.Add(Code.Line(line));
        return this;
    }

    public PropertyBuilder Column(string name)
    {
        Property.ColumnName = name;
        return this;
    }

    public PropertyBuilder Shadow()
    {
        Property.IsShadow = true;
        return this;
    }

    /// <summary>A package's type declares the member the entity inherits (<c>IdentityUser.Email</c> on <c>AppUser</c>).</summary>
    public PropertyBuilder FromPackage(string package)
    {
        Property.Package = package;
        return this;
    }

    public PropertyBuilder At(int line)
    {
        Property.Location = Code.Line(line);
        return this;
    }

    public PropertyBuilder UnknownMaxLength() => Set(p => p.MaxLength = Fact<int?>.Unknown);

    public PropertyBuilder UnknownPrecision() => Set(p =>
    {
        p.Precision = Fact<int?>.Unknown;
        p.Scale = Fact<int?>.Unknown;
    });

    public PropertyBuilder UnknownStoreType() => Set(p => p.StoreType = Fact<string?>.Unknown);

    public PropertyBuilder UnknownColumnNullability() => Set(p => p.IsColumnNullable = Fact<bool>.Unknown);

    public PropertyBuilder UnknownReferenceNullability() => Set(p => p.ReferenceNullability = Fact<ReferenceNullability>.Unknown);

    public PropertyBuilder UnknownDeclaredRequiredness() => Set(p => p.DeclaredRequiredness = Fact<DeclaredRequiredness>.Unknown);

    /// <summary>Neither constant, SQL nor computed defaults are known.</summary>
    public PropertyBuilder UnknownDefault() => Set(p =>
    {
        p.HasDefaultValue = Fact<bool>.Unknown;
        p.DefaultValueSql = Fact<string?>.Unknown;
        p.ComputedColumnSql = Fact<string?>.Unknown;
    });

    public PropertyBuilder UnknownValueGeneration() => Set(p => p.ValueGenerated = Fact<ValueGeneration>.Unknown);

    public PropertyBuilder UnknownRange() => Set(p => p.HasRangeValidation = Fact<bool>.Unknown);

    public PropertyBuilder UnknownAssignment() => Set(p =>
    {
        p.IsAssignedByCode = Fact<bool>.Unknown;
        p.IsUpdatedByCode = Fact<bool>.Unknown;
    });

    /// <summary>Any other fact, set directly.</summary>
    public PropertyBuilder Set(Action<PropertyModel> change)
    {
        change(Property);
        return this;
    }

    public override string ToString() => $"{_entity.ShortName}.{Property.Name}";
}
