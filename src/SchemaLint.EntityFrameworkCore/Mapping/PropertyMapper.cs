using System;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Sources;
using EfValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>A scalar property and its column, as the design-time model and the provider's type mapping describe them.</summary>
    internal sealed class PropertyMapper
    {
        private readonly ClrNullability _nullability;
        private readonly bool _isRelational;
        private readonly ApplicationAssemblies _assemblies;

        public PropertyMapper(ClrNullability nullability, bool isRelational, ApplicationAssemblies assemblies)
        {
            _assemblies = assemblies;
            _nullability = nullability;
            _isRelational = isRelational;
        }

        public PropertyModel Map(IProperty property, EntityTypeModel entity)
        {
            var clrType = property.ClrType;
            var underlying = Nullable.GetUnderlyingType(clrType);
            var valueType = underlying ?? clrType;
            var member = ClrMember(property);
            var convention = property as IConventionProperty;

            var mapped = new PropertyModel(property.Name, valueType.FullName ?? valueType.Name)
            {
                IsEnum = valueType.IsEnum,
                IsNullableValueType = underlying is not null,
                IsShadow = property.IsShadowProperty(),
                ReferenceNullability = clrType.IsValueType ? ReferenceNullability.NotApplicable : _nullability.Of(member, clrType),
                IsColumnNullable = ColumnNullability(property),
                DeclaredRequiredness = convention is null ? Fact<DeclaredRequiredness>.Unknown : DeclaredRequirednessOf(convention.GetIsNullableConfigurationSource(), property.IsNullable),
                MaxLength = Fact<int?>.Known(MaxLengthOf(property)),
                Precision = Fact<int?>.Known(property.GetPrecision()),
                Scale = Fact<int?>.Known(property.GetScale()),
                StoreType = convention is null ? Fact<string?>.Unknown : Fact<string?>.Known(IsExplicit(convention.GetColumnTypeConfigurationSource()) ? property.GetColumnType() : null),
                HasDefaultValue = property.FindAnnotation(RelationalAnnotationNames.DefaultValue) is not null,
                DefaultValueSql = Fact<string?>.Known(property.GetDefaultValueSql()),
                ComputedColumnSql = Fact<string?>.Known(property.GetComputedColumnSql()),
                ValueGenerated = ValueGenerationOf(property.ValueGenerated),
                HasRangeValidation = RangeValidation(property, member),
                RangeMaximum = RangeMaximumOf(property, member),
                Location = SourceLocator.ForMember(member) ?? entity.Location,
                Package = _assemblies.PackageOf(member?.DeclaringType),
            };
            if (_isRelational)
            {
                mapped.ColumnName = ColumnName(property);
                mapped.ProviderStoreType = Fact<string?>.Known(property.GetColumnType());
                mapped.DefaultValueLiteral = DefaultValueLiteral(property);
            }
            else
            {
                // No relational mapping: no column type, no SQL to write a default in.
                mapped.ProviderStoreType = Fact<string?>.Known(null);
                mapped.DefaultValueLiteral = Fact<string?>.Known(null);
            }

            return mapped;
        }

        /// <summary>The CLR member behind a property; none for shadow and indexer (property bag) properties.</summary>
        internal static MemberInfo? ClrMember(IPropertyBase property)
        {
            if (property.IsShadowProperty() || property.IsIndexerProperty()) return null;
            return (MemberInfo?)property.PropertyInfo ?? property.FieldInfo;
        }

        internal static bool IsExplicit(ConfigurationSource? source) =>
            source == ConfigurationSource.Explicit || source == ConfigurationSource.DataAnnotation;

        /// <summary>Explicit configuration (<c>IsRequired</c>, <c>[Required]</c>) states intent; conventions (including nullable reference types) do not.</summary>
        internal static DeclaredRequiredness DeclaredRequirednessOf(ConfigurationSource? source, bool isNullable) =>
            !IsExplicit(source) ? DeclaredRequiredness.Unspecified : isNullable ? DeclaredRequiredness.Optional : DeclaredRequiredness.Required;

        /// <summary>
        /// The column's nullability from the relational model: a TPH-derived or table-split column is nullable even when the
        /// property is not. Without a relational model the property's own nullability is the column's, except in a TPH
        /// hierarchy, where the shared column's nullability cannot be told.
        /// </summary>
        private Fact<bool> ColumnNullability(IProperty property)
        {
            if (_isRelational)
            {
                var columns = property.GetTableColumnMappings().Select(m => (IColumnBase)m.Column)
                    .Concat(property.GetViewColumnMappings().Select(m => (IColumnBase)m.Column))
                    .Concat(property.GetSqlQueryColumnMappings().Select(m => (IColumnBase)m.Column))
                    .ToList();
                if (columns.Count > 0) return columns.Any(c => c.IsNullable);
            }

            var declaringType = property.DeclaringType as IEntityType;
            if (declaringType?.BaseType is not null && EntityFacts.InheritanceStrategyOf(declaringType).Is(InheritanceStrategy.Tph)) return Fact<bool>.Unknown;
            return property.IsNullable;
        }

        /// <summary>The configured max length, else the size the provider maps a string to (<c>HasColumnType("varchar(50)")</c>, SQL Server's 450 for keys).</summary>
        private int? MaxLengthOf(IProperty property)
        {
            var configured = property.GetMaxLength();
            if (configured is not null || !_isRelational || property.ClrType != typeof(string)) return configured;
            var size = property.FindRelationalTypeMapping()?.Size;
            return size > 0 ? size : null;
        }

        /// <summary>A constant default (<c>HasDefaultValue</c>) as the provider's type mapping writes it in SQL.</summary>
        private static Fact<string?> DefaultValueLiteral(IProperty property)
        {
            if (property.FindAnnotation(RelationalAnnotationNames.DefaultValue) is null) return Fact<string?>.Known(null);
            var value = property.GetDefaultValue();
            var mapping = property.FindRelationalTypeMapping();
            if (mapping is null) return Fact<string?>.Unknown;
            try
            {
                return Fact<string?>.Known(value is null ? "NULL" : mapping.GenerateSqlLiteral(value));
            }
            catch (Exception e) when (e is InvalidCastException || e is NotSupportedException || e is InvalidOperationException)
            {
                // A default the type mapping cannot print (an odd converter): the default exists, its SQL is unknown.
                return Fact<string?>.Unknown;
            }
        }

        private static string? ColumnName(IProperty property)
        {
            var column = property.GetTableColumnMappings().Select(m => m.Column.Name).FirstOrDefault();
            return column ?? property.GetColumnName();
        }

        private static Fact<ValueGeneration> ValueGenerationOf(EfValueGenerated generated) => generated switch
        {
            EfValueGenerated.Never => ValueGeneration.Never,
            EfValueGenerated.OnAdd => ValueGeneration.OnAdd,
            EfValueGenerated.OnUpdate => ValueGeneration.OnUpdate,
            EfValueGenerated.OnAddOrUpdate => ValueGeneration.OnAddOrUpdate,

            // OnUpdateSometimes: generated on some updates only; none of the core's values says that.
            _ => Fact<ValueGeneration>.Unknown,
        };

        /// <summary>[Range]'s upper bound as a number; a range over dates or other types states none.</summary>
        private static Fact<double?> RangeMaximumOf(IProperty property, MemberInfo? member)
        {
            if (property.IsShadowProperty()) return Fact<double?>.Known(null);
            if (member is null) return Fact<double?>.Unknown;
            var range = member.GetCustomAttribute<RangeAttribute>(inherit: true);
            return Fact<double?>.Known(range?.Maximum switch
            {
                int whole => whole,
                double real => real,
                string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            });
        }

        private static Fact<bool> RangeValidation(IProperty property, MemberInfo? member)
        {
            if (property.IsShadowProperty()) return false;
            if (member is null) return Fact<bool>.Unknown;
            return member.IsDefined(typeof(RangeAttribute), inherit: true);
        }
    }
}
