using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Bench.Generator.Plan;

public enum ConfigurationStyle
{
    /// <summary>Attributes on the entity class; relationships by convention.</summary>
    DataAnnotations,
    /// <summary>A plain class plus an IEntityTypeConfiguration&lt;T&gt; class.</summary>
    FluentApi,
}

/// <summary>Everything the writers need, decided up front so both configuration styles express the same model.</summary>
public sealed class AppPlan
{
    public AppPlan(int seed, IReadOnlyList<EntityPlan> entities, IReadOnlyList<ServicePlan> services)
    {
        Seed = seed;
        Entities = entities;
        Services = services;
    }

    public int Seed { get; }

    public IReadOnlyList<EntityPlan> Entities { get; }

    public IReadOnlyList<ServicePlan> Services { get; }

    /// <summary>How many of each mistake were planted, for the report to set beside what the tools found.</summary>
    public IReadOnlyDictionary<Violation, int> PlantedViolations =>
        Entities.SelectMany(e => e.Violations).Concat(Services.SelectMany(s => s.Violations))
            .GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}

public sealed class EntityPlan
{
    public EntityPlan(int index, string name, ConfigurationStyle style)
    {
        Index = index;
        Name = name;
        Style = style;
    }

    /// <summary>Position in the plan; a relationship is declared by its later entity.</summary>
    public int Index { get; }

    public string Name { get; }

    /// <summary>The DbSet and collection-navigation name.</summary>
    public string PluralName => Name + "s";

    public ConfigurationStyle Style { get; }

    public bool IsKeyless { get; set; }

    /// <summary>The file is written with <c>#nullable disable</c>, as older code often is.</summary>
    public bool NullableDisabled { get; set; }

    /// <summary>Implements IAuditable, so the context's SaveChanges override stamps UpdatedAt.</summary>
    public bool IsAuditable { get; set; }

    public List<PropertyPlan> Properties { get; } = new();

    public List<IndexPlan> Indexes { get; } = new();

    /// <summary>A check constraint on the money column (Fluent API only: data annotations cannot express one).</summary>
    public string? CheckedMoneyProperty { get; set; }

    /// <summary>An owned Address (shared owned type) under this navigation name.</summary>
    public string? OwnedAddressNavigation { get; set; }

    /// <summary>Relationships in which this entity is the dependent.</summary>
    public List<ReferencePlan> References { get; } = new();

    /// <summary>Collection navigations this entity has as principal, filled from the dependents' references.</summary>
    public List<ReferencePlan> Dependents { get; } = new();

    /// <summary>Many-to-many partners (skip navigations on both sides).</summary>
    public List<EntityPlan> ManyToMany { get; } = new();

    public List<Violation> Violations { get; } = new();

    public PropertyPlan? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

/// <summary>One scalar property and how it is configured; writers render it as attributes or Fluent calls.</summary>
public sealed class PropertyPlan
{
    public PropertyPlan(string name, string type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    /// <summary>The C# type as written (e.g. <c>decimal</c>, <c>string?</c>).</summary>
    public string Type { get; }

    public int? MaxLength { get; set; }

    public (int Precision, int Scale)? Precision { get; set; }

    /// <summary>Configured required ([Required] / IsRequired()).</summary>
    public bool Required { get; set; }

    /// <summary>A C# expression for HasDefaultValue (Fluent API only).</summary>
    public string? DefaultValue { get; set; }

    public string? DefaultValueSql { get; set; }

    /// <summary>The property initializer, without <c>=</c>.</summary>
    public string? Initializer { get; set; }
}

public sealed class IndexPlan
{
    public IndexPlan(bool isUnique, params string[] properties)
    {
        IsUnique = isUnique;
        Properties = properties;
    }

    public bool IsUnique { get; }

    public IReadOnlyList<string> Properties { get; }
}

public sealed class ReferencePlan
{
    public ReferencePlan(EntityPlan dependent, EntityPlan principal)
    {
        Dependent = dependent;
        Principal = principal;
    }

    public EntityPlan Dependent { get; }

    public EntityPlan Principal { get; }

    public string NavigationName => Principal.Name;

    /// <summary>The foreign-key property, or null for a shadow foreign key.</summary>
    public string? ForeignKeyName { get; set; }

    /// <summary>The foreign-key property's type; anything but the principal key's type (int) keeps EF Core from using it.</summary>
    public string ForeignKeyType { get; set; } = "int";

    /// <summary>The foreign-key property is the one EF Core uses (configured or found by convention).</summary>
    public bool IsWiredForeignKey => ForeignKeyName is not null && ForeignKeyType == "int";

    public bool IsOptional { get; set; }

    /// <summary>The principal has a collection navigation back to the dependent.</summary>
    public bool HasInverse { get; set; }

    /// <summary>The DeleteBehavior member configured, or null for EF Core's default.</summary>
    public string? DeleteBehavior { get; set; }
}

/// <summary>Application code that uses the context: where the source-only rules look.</summary>
public sealed class ServicePlan
{
    public ServicePlan(EntityPlan entity)
    {
        Entity = entity;
    }

    public EntityPlan Entity { get; }

    public string Name => Entity.Name + "Service";

    public List<Violation> Violations { get; } = new();
}
