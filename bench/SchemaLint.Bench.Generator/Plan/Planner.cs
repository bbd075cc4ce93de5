using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Bench.Generator.Plan;

/// <summary>
/// Decides a synthetic application from a seed: the same (entity count, seed) always gives the same plan.
/// Shares are chosen to look like a line-of-business app: most entities clean, roughly one in three with a mistake.
/// </summary>
public static class Planner
{
    private static readonly string[] Nouns =
    {
        "Customer", "Order", "Invoice", "Product", "Supplier", "Shipment", "Payment", "Account", "Ticket", "Project",
        "Employee", "Department", "Contract", "Warehouse", "Vehicle", "Booking", "Course", "Student", "Article", "Review",
        "Campaign", "Lead", "Subscription", "Refund", "Voucher", "Branch", "Asset", "Policy", "Claim", "Device",
    };

    private static readonly string[] MoneyNames = { "Amount", "Price", "Total", "Balance", "Fee", "Cost" };

    /// <summary>Mistakes an entity can carry, and whether it needs a relationship to carry it.</summary>
    private static readonly (Violation Violation, bool NeedsReference)[] EntityViolations =
    {
        (Violation.NullableForeignKey, true),
        (Violation.ClientOnlyDeleteBehavior, true),
        (Violation.ShadowForeignKey, true),
        (Violation.MoneyAsDouble, false),
        (Violation.DecimalWithoutPrecision, false),
        (Violation.LongTextCappedShort, false),
        (Violation.ShortTextUnbounded, false),
        (Violation.NullableByOmission, false),
        (Violation.NullabilityMismatch, false),
        (Violation.UniqueWithoutIndex, false),
        (Violation.MissingTimestamps, false),
        (Violation.UpdatedNeverSet, false),
        (Violation.LocalTime, false),
        (Violation.RedundantIndex, false),
    };

    public static AppPlan Create(int entityCount, int seed)
    {
        if (entityCount < 2) throw new ArgumentOutOfRangeException(nameof(entityCount), entityCount, "A benchmark application needs at least 2 entity types.");
        var random = new Random(seed);
        var entities = new List<EntityPlan>(entityCount);
        var related = new HashSet<(int, int)>();
        for (var i = 0; i < entityCount; i++)
        {
            var style = i % 2 == 0 ? ConfigurationStyle.DataAnnotations : ConfigurationStyle.FluentApi;
            var entity = new EntityPlan(i, $"{Nouns[i % Nouns.Length]}{i + 1:D4}", style);
            entities.Add(entity);

            // Entities 1..14 each plant one entity-level mistake and entity 15 is keyless, so even a small app covers every rule.
            // The first entity stays an ordinary table so every later one has a principal to choose.
            Violation? forced = i >= 1 && i <= EntityViolations.Length ? EntityViolations[i - 1].Violation : null;
            entity.IsKeyless = i == EntityViolations.Length + 1 || (i > 0 && random.NextDouble() < 0.015);
            if (!entity.IsKeyless) PlanRelationships(random, entities, i, related, atLeastOneReference: forced is not null);

            var violations = ChooseViolations(random, entity, forced);
            entity.Violations.AddRange(violations);
            entity.NullableDisabled = violations.Contains(Violation.NullableByOmission) || violations.Contains(Violation.NullableForeignKey);
            PlanProperties(random, entity);
            ApplyReferenceViolations(entity);
            if (!entity.IsKeyless && random.NextDouble() < 0.15) entity.OwnedAddressNavigation = random.Next(2) == 0 ? "ShippingAddress" : "PostalAddress";
        }

        var services = entities.Where((e, i) => !e.IsKeyless && i % 5 == 2).Select(e => PlanService(random, e)).ToList();

        // As with the entities: the first services plant the code mistakes, so even a small app has each.
        if (services.Count > 0 && !services[0].Violations.Contains(Violation.EnsureCreated)) services[0].Violations.Add(Violation.EnsureCreated);
        if (services.Count > 1 && !services[1].Violations.Contains(Violation.UndisposedContext)) services[1].Violations.Add(Violation.UndisposedContext);
        return new AppPlan(seed, entities, services);
    }

    private static void PlanRelationships(Random random, List<EntityPlan> entities, int index, HashSet<(int, int)> related, bool atLeastOneReference)
    {
        var dependent = entities[index];
        var references = random.NextDouble() < 0.75 ? (random.NextDouble() < 0.2 ? 2 : 1) : 0;
        if (atLeastOneReference) references = Math.Max(references, 1);
        for (var r = 0; r < references; r++)
        {
            var principalIndex = PickPartner(random, entities, index, related);
            if (principalIndex < 0) break;
            var principal = entities[principalIndex];
            var reference = new ReferencePlan(dependent, principal)
            {
                ForeignKeyName = principal.Name + "Id",
                HasInverse = random.NextDouble() < 0.8,
                DeleteBehavior = random.NextDouble() < 0.3 ? "Restrict" : null,
            };
            dependent.References.Add(reference);
            if (reference.HasInverse) principal.Dependents.Add(reference);
        }

        if (random.NextDouble() < 0.08)
        {
            var partnerIndex = PickPartner(random, entities, index, related);
            if (partnerIndex >= 0)
            {
                dependent.ManyToMany.Add(entities[partnerIndex]);
                entities[partnerIndex].ManyToMany.Add(dependent);
            }
        }
    }

    /// <summary>An earlier, keyed entity not yet related to this one: two relationships between one pair would need disambiguation.</summary>
    private static int PickPartner(Random random, List<EntityPlan> entities, int index, HashSet<(int, int)> related)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = random.Next(Math.Max(0, index - 40), index);
            if (entities[candidate].IsKeyless || !related.Add((candidate, index))) continue;
            return candidate;
        }

        return -1;
    }

    private static List<Violation> ChooseViolations(Random random, EntityPlan entity, Violation? forced)
    {
        var chosen = new List<Violation>();
        if (entity.IsKeyless)
        {
            chosen.Add(Violation.KeylessTable);
            return chosen;
        }

        if (forced is { } mustHave && (!EntityViolations.First(v => v.Violation == mustHave).NeedsReference || entity.References.Count > 0)) chosen.Add(mustHave);

        var count = random.NextDouble() < 0.35 ? (random.NextDouble() < 0.25 ? 2 : 1) : 0;
        var candidates = EntityViolations.Where(v => !v.NeedsReference || entity.References.Count > 0).Select(v => v.Violation).ToList();
        for (var n = 0; n < count; n++)
        {
            var violation = candidates[random.Next(candidates.Count)];
            if (chosen.Contains(violation) || Conflicts(chosen, violation)) continue;
            chosen.Add(violation);
        }

        return chosen;
    }

    /// <summary>Pairs that cannot be planted together (nullability mismatch needs nullable reference types on; timestamps present or absent).</summary>
    private static bool Conflicts(List<Violation> chosen, Violation violation) =>
        (violation == Violation.NullabilityMismatch && (chosen.Contains(Violation.NullableByOmission) || chosen.Contains(Violation.NullableForeignKey)))
        || ((violation == Violation.NullableByOmission || violation == Violation.NullableForeignKey) && chosen.Contains(Violation.NullabilityMismatch))
        || (violation == Violation.MissingTimestamps && (chosen.Contains(Violation.LocalTime) || chosen.Contains(Violation.UpdatedNeverSet)))
        || ((violation == Violation.LocalTime || violation == Violation.UpdatedNeverSet) && chosen.Contains(Violation.MissingTimestamps));

    private static void PlanProperties(Random random, EntityPlan entity)
    {
        var fluent = entity.Style == ConfigurationStyle.FluentApi;
        var has = new HashSet<Violation>(entity.Violations);
        entity.Properties.Add(new PropertyPlan("Id", "int"));

        var name = new PropertyPlan("Name", "string") { Initializer = "string.Empty", MaxLength = 100, Required = true };
        if (has.Contains(Violation.ShortTextUnbounded)) name.MaxLength = null;
        if (has.Contains(Violation.NullableByOmission))
        {
            name.Required = false;
            name.Initializer = null;
        }

        entity.Properties.Add(name);

        var optional = new List<Func<PropertyPlan>>
        {
            () => new PropertyPlan("Email", "string") { Initializer = "string.Empty", MaxLength = 254, Required = true },
            () => new PropertyPlan("Code", "string") { Initializer = "string.Empty", MaxLength = 50, Required = true },
            () => new PropertyPlan("Title", "string?") { MaxLength = 200 },
            () => new PropertyPlan("Description", "string?"),
            () => new PropertyPlan("Notes", "string?"),
            () => new PropertyPlan("Quantity", "int"),
            () => new PropertyPlan("IsActive", "bool") { Initializer = "true", DefaultValue = fluent ? "true" : null },
            () => new PropertyPlan("Status", "EntityStatus"),
            () => new PropertyPlan("Rating", "double"),
            () => new PropertyPlan("ExternalId", "Guid"),
            () => new PropertyPlan("Priority", "int"),
            () => new PropertyPlan("Nickname", "string?") { MaxLength = 50 },
            () => Money(random),
        };
        var extras = random.Next(3, 7);
        foreach (var make in optional.OrderBy(_ => random.Next()).Take(extras)) entity.Properties.Add(make());

        // Each mistake needs the property it is about; add it when the random pick left it out.
        if (has.Contains(Violation.MoneyAsDouble) || has.Contains(Violation.DecimalWithoutPrecision)) Ensure(entity, () => Money(random));
        if (has.Contains(Violation.LongTextCappedShort)) Ensure(entity, () => new PropertyPlan("Description", "string?")).MaxLength = 50;
        if (has.Contains(Violation.NullabilityMismatch)) Ensure(entity, () => new PropertyPlan("Nickname", "string?") { MaxLength = 50 }).Required = true;
        if (has.Contains(Violation.UniqueWithoutIndex)) Ensure(entity, () => new PropertyPlan("Email", "string") { Initializer = "string.Empty", MaxLength = 254, Required = true });
        if (has.Contains(Violation.RedundantIndex)) Ensure(entity, () => new PropertyPlan("Code", "string") { Initializer = "string.Empty", MaxLength = 50, Required = true });

        var money = entity.Properties.FirstOrDefault(p => Array.IndexOf(MoneyNames, p.Name) >= 0);
        if (money is not null)
        {
            var index = entity.Properties.IndexOf(money);
            if (has.Contains(Violation.MoneyAsDouble)) entity.Properties[index] = new PropertyPlan(money.Name, "double");
            else if (has.Contains(Violation.DecimalWithoutPrecision)) money.Precision = null;
            else if (fluent && !entity.IsKeyless && random.NextDouble() < 0.5) entity.CheckedMoneyProperty = money.Name;
        }

        if (!has.Contains(Violation.MissingTimestamps))
        {
            var created = new PropertyPlan("CreatedAt", "DateTime");
            if (has.Contains(Violation.LocalTime)) created.Initializer = "DateTime.Now";
            else if (fluent) created.DefaultValueSql = "now()";
            else created.Initializer = "DateTime.UtcNow";
            entity.Properties.Add(created);
            entity.Properties.Add(new PropertyPlan("UpdatedAt", "DateTime") { Initializer = "DateTime.UtcNow" });
            entity.IsAuditable = !has.Contains(Violation.UpdatedNeverSet);
        }

        if (entity.IsKeyless) return;
        if (entity.Find("Email") is not null) entity.Indexes.Add(new IndexPlan(!has.Contains(Violation.UniqueWithoutIndex), "Email"));
        if (has.Contains(Violation.RedundantIndex))
        {
            entity.Indexes.Add(new IndexPlan(false, "Code"));
            entity.Indexes.Add(new IndexPlan(false, "Code", "Name"));
        }
        else if (entity.Find("Code") is not null)
        {
            entity.Indexes.Add(new IndexPlan(true, "Code"));
        }
    }

    private static PropertyPlan Money(Random random) =>
        new(MoneyNames[random.Next(MoneyNames.Length)], "decimal") { Precision = (18, 2) };

    private static PropertyPlan Ensure(EntityPlan entity, Func<PropertyPlan> make)
    {
        var probe = make();
        var existing = Array.IndexOf(MoneyNames, probe.Name) >= 0 ? entity.Properties.FirstOrDefault(p => Array.IndexOf(MoneyNames, p.Name) >= 0) : entity.Find(probe.Name);
        if (existing is not null) return existing;
        entity.Properties.Add(probe);
        return probe;
    }

    private static void ApplyReferenceViolations(EntityPlan entity)
    {
        if (entity.References.Count == 0) return;
        var first = entity.References[0];
        if (entity.Violations.Contains(Violation.NullableForeignKey)) first.IsOptional = true;
        if (entity.Violations.Contains(Violation.ShadowForeignKey)) first.ForeignKeyType = "long";
        if (entity.Violations.Contains(Violation.ClientOnlyDeleteBehavior)) first.DeleteBehavior = "ClientCascade";
    }

    private static ServicePlan PlanService(Random random, EntityPlan entity)
    {
        var service = new ServicePlan(entity);
        if (random.NextDouble() < 0.25) service.Violations.Add(Violation.UndisposedContext);
        if (random.NextDouble() < 0.05) service.Violations.Add(Violation.EnsureCreated);
        return service;
    }
}
