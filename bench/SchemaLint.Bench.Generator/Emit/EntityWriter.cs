using System.Collections.Generic;
using System.Linq;
using SchemaLint.Bench.Generator.Plan;

namespace SchemaLint.Bench.Generator.Emit;

/// <summary>Writes an entity class: with attributes for the data-annotation style, plain for the Fluent API style.</summary>
public static class EntityWriter
{
    public static string Write(EntityPlan entity)
    {
        var annotated = entity.Style == ConfigurationStyle.DataAnnotations;
        var w = new CodeWriter();
        if (entity.NullableDisabled) w.Line("#nullable disable");
        w.Line("using System;").Line("using System.Collections.Generic;");
        if (annotated)
        {
            w.Line("using System.ComponentModel.DataAnnotations;");
            w.Line("using System.ComponentModel.DataAnnotations.Schema;");
            w.Line("using Microsoft.EntityFrameworkCore;");
        }

        w.Line().Line("namespace BenchApp.Model;").Line();
        w.Line($"/// <summary>Synthetic entity {entity.Index + 1} ({(annotated ? "data annotations" : "Fluent API")}).</summary>");
        if (annotated)
        {
            foreach (var index in entity.Indexes)
            {
                var columns = string.Join(", ", index.Properties.Select(p => $"nameof({p})"));
                w.Line(index.IsUnique ? $"[Index({columns}, IsUnique = true)]" : $"[Index({columns})]");
            }

            if (entity.IsKeyless) w.Line("[Keyless]");
        }

        w.Open($"public class {entity.Name}{(entity.IsAuditable ? " : IAuditable" : string.Empty)}");
        var first = true;
        foreach (var property in entity.Properties)
        {
            Separate(w, ref first);
            if (annotated) WriteAttributes(w, property);
            w.Line($"public {TypeText(entity, property.Type)} {property.Name} {{ get; set; }}{Initializer(property.Initializer)}");
        }

        foreach (var reference in entity.References) WriteReference(w, entity, reference, annotated, ref first);

        if (entity.OwnedAddressNavigation is not null)
        {
            Separate(w, ref first);
            w.Line($"public Address {entity.OwnedAddressNavigation} {{ get; set; }} = new();");
        }

        foreach (var dependent in entity.Dependents)
        {
            Separate(w, ref first);
            w.Line($"public List<{dependent.Dependent.Name}> {dependent.Dependent.PluralName} {{ get; set; }} = new();");
        }

        foreach (var partner in entity.ManyToMany)
        {
            Separate(w, ref first);
            w.Line($"public List<{partner.Name}> {partner.PluralName} {{ get; set; }} = new();");
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteReference(CodeWriter w, EntityPlan entity, ReferencePlan reference, bool annotated, ref bool first)
    {
        Separate(w, ref first);
        if (reference.ForeignKeyName is not null)
        {
            w.Line($"public {reference.ForeignKeyType}{(reference.IsOptional ? "?" : string.Empty)} {reference.ForeignKeyName} {{ get; set; }}");
            w.Line();
        }

        if (annotated)
        {
            // Every fourth annotated entity names its foreign key explicitly; the rest rely on EF Core's convention.
            if (reference.IsWiredForeignKey && entity.Index % 4 == 0) w.Line($"[ForeignKey(nameof({reference.ForeignKeyName}))]");
            if (reference.DeleteBehavior is not null) w.Line($"[DeleteBehavior(DeleteBehavior.{reference.DeleteBehavior})]");
        }

        var type = reference.Principal.Name;
        if (entity.NullableDisabled) w.Line($"public {type} {reference.NavigationName} {{ get; set; }}");
        else if (reference.IsOptional) w.Line($"public {type}? {reference.NavigationName} {{ get; set; }}");
        else w.Line($"public {type} {reference.NavigationName} {{ get; set; }} = null!;");
    }

    private static void WriteAttributes(CodeWriter w, PropertyPlan property)
    {
        if (property.Required) w.Line("[Required]");
        if (property.MaxLength is { } maxLength) w.Line($"[MaxLength({maxLength})]");
        if (property.Precision is { } precision) w.Line($"[Precision({precision.Precision}, {precision.Scale})]");
    }

    private static void Separate(CodeWriter w, ref bool first)
    {
        if (!first) w.Line();
        first = false;
    }

    /// <summary>Nullable annotations on reference types only make sense where nullable reference types are on.</summary>
    public static string TypeText(EntityPlan entity, string type) =>
        entity.NullableDisabled && type == "string?" ? "string" : type;

    private static string Initializer(string? initializer) => initializer is null ? string.Empty : $" = {initializer};";

    public static IEnumerable<(string Path, string Text)> SharedModelFiles()
    {
        yield return ("Model/Address.cs", """
            using System.ComponentModel.DataAnnotations;
            using Microsoft.EntityFrameworkCore;

            namespace BenchApp.Model;

            /// <summary>A postal address owned by the entity that holds it (stored in the owner's table).</summary>
            [Owned]
            public class Address
            {
                [MaxLength(200)]
                public string Street { get; set; } = string.Empty;

                [MaxLength(100)]
                public string City { get; set; } = string.Empty;

                [MaxLength(16)]
                public string PostalCode { get; set; } = string.Empty;

                [MaxLength(2)]
                public string CountryCode { get; set; } = string.Empty;
            }

            """);
        yield return ("Model/EntityStatus.cs", """
            namespace BenchApp.Model;

            public enum EntityStatus
            {
                Draft,
                Active,
                Archived,
            }

            """);
        yield return ("Model/IAuditable.cs", """
            using System;

            namespace BenchApp.Model;

            /// <summary>Entities whose UpdatedAt the context stamps in SaveChanges.</summary>
            public interface IAuditable
            {
                DateTime UpdatedAt { get; set; }
            }

            """);
    }
}
