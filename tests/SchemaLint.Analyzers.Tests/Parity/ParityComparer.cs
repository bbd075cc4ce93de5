using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Tests.Parity;

public enum Agreement
{
    Agree,
    /// <summary>The source model abstained (unknown); allowed, counted apart.</summary>
    Unknown,
    Mismatch,
}

public sealed record FactComparison(string Subject, string Fact, string Source, string EfCore, Agreement Outcome)
{
    public override string ToString() => $"{Subject} {Fact}: source {Source}, EF Core {EfCore}";
}

/// <summary>
/// Compares the model the analyzers read from source with the model EF Core built: entity set, keys, foreign keys
/// (properties, principal, required, delete behavior), indexes, and column facts. A fact the source left unknown is
/// never a mismatch; a collection the source marked incomplete only has to contain what the source claims.
/// </summary>
public static class ParityComparer
{
    public static List<FactComparison> Compare(SchemaModel source, SchemaModel ef)
    {
        var results = new List<FactComparison>();
        foreach (var efEntity in ef.Entities)
        {
            var sourceEntity = source.Entities.FirstOrDefault(e => e.Name == efEntity.Name);
            if (sourceEntity is null)
            {
                results.Add(new(efEntity.Name, "exists", "absent", "present", source.IsEntitySetComplete ? Agreement.Mismatch : Agreement.Unknown));
                continue;
            }

            results.Add(new(efEntity.Name, "exists", "present", "present", Agreement.Agree));
            CompareEntity(sourceEntity, efEntity, results);
        }

        foreach (var extra in source.Entities.Where(s => ef.Entities.All(e => e.Name != s.Name)))
            results.Add(new(extra.Name, "exists", "present", "absent", Agreement.Mismatch));
        return results;
    }

    private static void CompareEntity(EntityTypeModel source, EntityTypeModel ef, List<FactComparison> results)
    {
        var subject = ef.ShortName;
        Fact(results, subject, "keyless", source.IsKeyless, ef.IsKeyless);
        Value(results, subject, "owned", source.IsOwned, ef.IsOwned);
        Value(results, subject, "join entity", source.IsJoinEntity, ef.IsJoinEntity);
        Value(results, subject, "base type", source.BaseTypeName ?? "none", ef.BaseTypeName ?? "none");
        Fact(results, subject, "mapping", source.Mapping, ef.Mapping);

        Collection(results, subject, "primary key", source.Keys.Where(k => k.IsPrimary).Select(k => Names(k.PropertyNames)),
            ef.Keys.Where(k => k.IsPrimary).Select(k => Names(k.PropertyNames)), source.IsComplete(ModelCompleteness.Keys));
        Collection(results, subject, "alternate key", source.Keys.Where(k => !k.IsPrimary).Select(k => Names(k.PropertyNames)),
            ef.Keys.Where(k => !k.IsPrimary).Select(k => Names(k.PropertyNames)), source.IsComplete(ModelCompleteness.Keys));

        CompareForeignKeys(source, ef, results, subject);
        CompareIndexes(source, ef, results, subject);
        CompareProperties(source, ef, results, subject);
    }

    private static void CompareForeignKeys(EntityTypeModel source, EntityTypeModel ef, List<FactComparison> results, string subject)
    {
        foreach (var efKey in ef.ForeignKeys)
        {
            var name = $"{subject}.FK({Names(efKey.PropertyNames)})";
            var sourceKey = source.ForeignKeys.FirstOrDefault(k => Names(k.PropertyNames) == Names(efKey.PropertyNames) && k.PrincipalEntityName == efKey.PrincipalEntityName);
            if (sourceKey is null)
            {
                results.Add(new(name, "exists", "absent", "present", source.IsComplete(ModelCompleteness.ForeignKeys) ? Agreement.Mismatch : Agreement.Unknown));
                continue;
            }

            results.Add(new(name, "exists", "present", "present", Agreement.Agree));
            Value(results, name, "principal key", Names(sourceKey.PrincipalKeyPropertyNames), Names(efKey.PrincipalKeyPropertyNames));
            Fact(results, name, "required", sourceKey.IsRequired, efKey.IsRequired);
            Fact(results, name, "delete behavior", sourceKey.DeleteBehavior, efKey.DeleteBehavior);
            Value(results, name, "unique", sourceKey.IsUnique, efKey.IsUnique);
            Value(results, name, "ownership", sourceKey.IsOwnership, efKey.IsOwnership);
        }

        foreach (var extra in source.ForeignKeys.Where(s => !ef.ForeignKeys.Any(e => Names(e.PropertyNames) == Names(s.PropertyNames) && e.PrincipalEntityName == s.PrincipalEntityName)))
            results.Add(new($"{subject}.FK({Names(extra.PropertyNames)}) -> {extra.PrincipalEntityName}", "exists", "present", "absent", Agreement.Mismatch));
    }

    private static void CompareIndexes(EntityTypeModel source, EntityTypeModel ef, List<FactComparison> results, string subject)
    {
        foreach (var efIndex in ef.Indexes)
        {
            var name = $"{subject}.IX({Names(efIndex.PropertyNames)})";
            var sourceIndex = source.Indexes.FirstOrDefault(i => Names(i.PropertyNames) == Names(efIndex.PropertyNames));
            if (sourceIndex is null)
            {
                results.Add(new(name, "exists", "absent", "present", source.IsComplete(ModelCompleteness.Indexes) ? Agreement.Mismatch : Agreement.Unknown));
                continue;
            }

            results.Add(new(name, "exists", "present", "present", Agreement.Agree));
            Value(results, name, "unique", sourceIndex.IsUnique, efIndex.IsUnique);
            Value(results, name, "filter", sourceIndex.Filter ?? "none", efIndex.Filter ?? "none");
        }

        foreach (var extra in source.Indexes.Where(s => ef.Indexes.All(e => Names(e.PropertyNames) != Names(s.PropertyNames))))
            results.Add(new($"{subject}.IX({Names(extra.PropertyNames)})", "exists", "present", "absent", Agreement.Mismatch));
    }

    private static void CompareProperties(EntityTypeModel source, EntityTypeModel ef, List<FactComparison> results, string subject)
    {
        foreach (var efProperty in ef.Properties)
        {
            var name = $"{subject}.{efProperty.Name}";
            var sourceProperty = source.FindDeclaredProperty(efProperty.Name);
            if (sourceProperty is null)
            {
                results.Add(new(name, "exists", "absent", "present", source.IsComplete(ModelCompleteness.Properties) ? Agreement.Mismatch : Agreement.Unknown));
                continue;
            }

            results.Add(new(name, "exists", "present", "present", Agreement.Agree));
            Value(results, name, "CLR type", sourceProperty.ClrType, efProperty.ClrType);
            Value(results, name, "shadow", sourceProperty.IsShadow, efProperty.IsShadow);
            Fact(results, name, "column nullable", sourceProperty.IsColumnNullable, efProperty.IsColumnNullable);
            Fact(results, name, "max length", sourceProperty.MaxLength, efProperty.MaxLength);
            Fact(results, name, "precision", sourceProperty.Precision, efProperty.Precision);
            Fact(results, name, "scale", sourceProperty.Scale, efProperty.Scale);
            Fact(results, name, "store type", sourceProperty.StoreType, efProperty.StoreType);
            Fact(results, name, "default value", sourceProperty.HasDefaultValue, efProperty.HasDefaultValue);
            Fact(results, name, "default SQL", sourceProperty.DefaultValueSql, efProperty.DefaultValueSql);
            Fact(results, name, "computed SQL", sourceProperty.ComputedColumnSql, efProperty.ComputedColumnSql);
            Fact(results, name, "value generation", sourceProperty.ValueGenerated, efProperty.ValueGenerated);
        }

        foreach (var extra in source.Properties.Where(s => ef.FindDeclaredProperty(s.Name) is null))
            results.Add(new($"{subject}.{extra.Name}", "exists", "present", "absent", Agreement.Mismatch));
    }

    private static void Collection(List<FactComparison> results, string subject, string fact, IEnumerable<string> source, IEnumerable<string> ef, bool complete)
    {
        var sourceSet = source.ToHashSet();
        var efSet = ef.ToHashSet();
        foreach (var item in efSet)
            results.Add(new(subject, fact, sourceSet.Contains(item) ? item : "absent", item, sourceSet.Contains(item) ? Agreement.Agree : complete ? Agreement.Mismatch : Agreement.Unknown));
        foreach (var item in sourceSet.Where(s => !efSet.Contains(s)))
            results.Add(new(subject, fact, item, "absent", Agreement.Mismatch));
    }

    private static void Fact<T>(List<FactComparison> results, string subject, string fact, Fact<T> source, Fact<T> ef)
    {
        if (!ef.IsKnown) return;
        if (!source.IsKnown)
        {
            results.Add(new(subject, fact, "unknown", ef.ToString(), Agreement.Unknown));
            return;
        }

        results.Add(new(subject, fact, source.ToString(), ef.ToString(), source.Equals(ef) ? Agreement.Agree : Agreement.Mismatch));
    }

    private static void Value<T>(List<FactComparison> results, string subject, string fact, T source, T ef) =>
        results.Add(new(subject, fact, source?.ToString() ?? "null", ef?.ToString() ?? "null", EqualityComparer<T>.Default.Equals(source, ef) ? Agreement.Agree : Agreement.Mismatch));

    private static string Names(IReadOnlyList<string> names) => string.Join(",", names);
}
