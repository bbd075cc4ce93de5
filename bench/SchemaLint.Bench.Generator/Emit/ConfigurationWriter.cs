using System.Collections.Generic;
using System.Linq;
using SchemaLint.Bench.Generator.Plan;

namespace SchemaLint.Bench.Generator.Emit;

/// <summary>Writes the IEntityTypeConfiguration&lt;T&gt; class of a Fluent API style entity.</summary>
public static class ConfigurationWriter
{
    public static string Write(EntityPlan entity)
    {
        var w = new CodeWriter();
        w.Line("using BenchApp.Model;")
            .Line("using Microsoft.EntityFrameworkCore;")
            .Line("using Microsoft.EntityFrameworkCore.Metadata.Builders;")
            .Line()
            .Line("namespace BenchApp.Configurations;")
            .Line();
        w.Open($"public class {entity.Name}Configuration : IEntityTypeConfiguration<{entity.Name}>");
        w.Open($"public void Configure(EntityTypeBuilder<{entity.Name}> builder)");
        w.Line(entity.IsKeyless ? "builder.HasNoKey();" : "builder.HasKey(e => e.Id);");

        foreach (var property in entity.Properties)
        {
            var calls = PropertyCalls(property).ToList();
            if (calls.Count > 0) w.Line($"builder.Property(e => e.{property.Name}){string.Concat(calls)};");
        }

        foreach (var index in entity.Indexes)
        {
            var columns = index.Properties.Count == 1 ? $"e.{index.Properties[0]}" : $"new {{ {string.Join(", ", index.Properties.Select(p => "e." + p))} }}";
            w.Line($"builder.HasIndex(e => {columns}){(index.IsUnique ? ".IsUnique()" : string.Empty)};");
        }

        if (entity.CheckedMoneyProperty is { } money)
            w.Line($"builder.ToTable(t => t.HasCheckConstraint(\"CK_{entity.Name}_{money}\", \"\\\"{money}\\\" >= 0\"));");

        foreach (var reference in entity.References)
        {
            var inverse = reference.HasInverse ? $"p => p.{entity.PluralName}" : string.Empty;
            var line = $"builder.HasOne(e => e.{reference.NavigationName}).WithMany({inverse})";
            if (reference.IsWiredForeignKey) line += $".HasForeignKey(e => e.{reference.ForeignKeyName})";
            if (reference.DeleteBehavior is not null) line += $".OnDelete(DeleteBehavior.{reference.DeleteBehavior})";
            w.Line(line + ";");
        }

        // A many-to-many relationship is configured once, by the entity that introduced it.
        foreach (var partner in entity.ManyToMany.Where(p => p.Index < entity.Index))
            w.Line($"builder.HasMany(e => e.{partner.PluralName}).WithMany(p => p.{entity.PluralName});");

        if (entity.OwnedAddressNavigation is { } owned)
            w.Line($"builder.OwnsOne(e => e.{owned}, a => a.Property(x => x.Street).HasMaxLength(200));");

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static IEnumerable<string> PropertyCalls(PropertyPlan property)
    {
        if (property.Required) yield return ".IsRequired()";
        if (property.MaxLength is { } maxLength) yield return $".HasMaxLength({maxLength})";
        if (property.Precision is { } precision) yield return $".HasPrecision({precision.Precision}, {precision.Scale})";
        if (property.DefaultValue is { } value) yield return $".HasDefaultValue({value})";
        if (property.DefaultValueSql is { } sql) yield return $".HasDefaultValueSql(\"{sql}\")";
    }
}
