using SchemaLint.Core.Model;

namespace SchemaLint.Core.Tests.Building;

/// <summary>
/// Describes a relationship from the dependent side. Unless told otherwise it is what EF Core's conventions make of
/// an FK property and a reference navigation: required when the FK columns are NOT NULL, Cascade when required and
/// ClientSetNull when optional, chosen by convention, nothing declared explicitly, and an index on the FK columns.
/// </summary>
public sealed class ForeignKeyBuilder
{
    private readonly string[] _propertyNames;
    private readonly string _principal;
    private Fact<bool>? _isRequired;
    private Fact<DeclaredRequiredness> _declared = DeclaredRequiredness.Unspecified;
    private Fact<DeleteBehaviorKind>? _deleteBehavior;
    private Fact<bool> _deleteBehaviorExplicit = false;
    private bool _conventionIndex = true;
    private bool _ownership;
    private bool _unique;
    private string? _dependentNavigation;
    private string? _principalNavigation;
    private string[]? _principalKey;
    private SourceLocation? _location;
    private Fact<ReferenceNullability> _navigationNullability;
    private string? _package;

    internal ForeignKeyBuilder(string[] propertyNames, string principal)
    {
        _propertyNames = propertyNames;
        _principal = principal;
        _dependentNavigation = propertyNames.Length == 1 && propertyNames[0].EndsWith("Id", StringComparison.Ordinal) && propertyNames[0].Length > 2
            ? propertyNames[0].Substring(0, propertyNames[0].Length - 2)
            : null;
    }

    /// <summary><c>IsRequired()</c> on the relationship (or <c>[Required]</c> on the navigation): the FK columns become NOT NULL.</summary>
    public ForeignKeyBuilder Required()
    {
        _isRequired = true;
        _declared = DeclaredRequiredness.Required;
        return this;
    }

    /// <summary><c>IsRequired(false)</c> on the relationship, or a nullable navigation under nullable reference types.</summary>
    public ForeignKeyBuilder Optional()
    {
        _isRequired = false;
        _declared = DeclaredRequiredness.Optional;
        return this;
    }

    /// <summary>A non-nullable navigation under nullable reference types says the relationship is required.</summary>
    public ForeignKeyBuilder Declared(DeclaredRequiredness declared)
    {
        _declared = declared;
        return this;
    }

    /// <summary><c>OnDelete(...)</c> or <c>[DeleteBehavior(...)]</c>.</summary>
    public ForeignKeyBuilder OnDelete(DeleteBehaviorKind behavior, int? line = null)
    {
        _deleteBehavior = Fact<DeleteBehaviorKind>.Known(behavior, line is null ? null : Code.Line(line.Value));
        _deleteBehaviorExplicit = true;
        return this;
    }

    /// <summary>A delete behavior EF Core chose by convention.</summary>
    public ForeignKeyBuilder ConventionDeleteBehavior(DeleteBehaviorKind behavior)
    {
        _deleteBehavior = behavior;
        _deleteBehaviorExplicit = false;
        return this;
    }

    /// <summary>EF Core's FK index was removed or overridden (or never added, as on a provider that adds none).</summary>
    public ForeignKeyBuilder WithoutIndex()
    {
        _conventionIndex = false;
        return this;
    }

    public ForeignKeyBuilder Navigation(string? dependentNavigation, string? principalNavigation = null)
    {
        _dependentNavigation = dependentNavigation;
        _principalNavigation = principalNavigation;
        return this;
    }

    /// <summary>How the dependent-to-principal navigation is annotated where it is declared.</summary>
    public ForeignKeyBuilder NavigationAnnotated(ReferenceNullability nullability)
    {
        _navigationNullability = nullability;
        return this;
    }

    public ForeignKeyBuilder PrincipalKey(params string[] propertyNames)
    {
        _principalKey = propertyNames;
        return this;
    }

    public ForeignKeyBuilder Ownership()
    {
        _ownership = true;
        _deleteBehavior = DeleteBehaviorKind.Cascade;
        return this;
    }

    public ForeignKeyBuilder OneToOne()
    {
        _unique = true;
        return this;
    }

    /// <summary>A package declares every part of the relationship (its foreign-key properties and navigations).</summary>
    public ForeignKeyBuilder FromPackage(string package)
    {
        _package = package;
        return this;
    }

    public ForeignKeyBuilder At(int line)
    {
        _location = Code.Line(line);
        return this;
    }

    public ForeignKeyBuilder UnknownRequiredness()
    {
        _isRequired = Fact<bool>.Unknown;
        return this;
    }

    public ForeignKeyBuilder UnknownDeclaredRequiredness()
    {
        _declared = Fact<DeclaredRequiredness>.Unknown;
        return this;
    }

    public ForeignKeyBuilder UnknownDeleteBehavior()
    {
        _deleteBehavior = Fact<DeleteBehaviorKind>.Unknown;
        _deleteBehaviorExplicit = Fact<bool>.Unknown;
        return this;
    }

    public ForeignKeyBuilder UnknownWhetherDeleteBehaviorExplicit()
    {
        _deleteBehaviorExplicit = Fact<bool>.Unknown;
        return this;
    }

    internal void AddTo(SchemaModel model, EntityTypeModel dependent)
    {
        var properties = _propertyNames.Select(n => model.FindProperty(dependent, n)!).ToList();
        if (_isRequired is { } required && required.Is(true))
        {
            // A required relationship makes its FK columns NOT NULL whatever the CLR type says.
            foreach (var property in properties) property.IsColumnNullable = false;
        }

        var isRequired = _isRequired ?? (properties.All(p => p.IsColumnNullable.Is(false)) ? Fact<bool>.Known(true)
            : properties.Any(p => p.IsColumnNullable.Is(true)) ? Fact<bool>.Known(false) : Fact<bool>.Unknown);
        var deleteBehavior = _deleteBehavior
            ?? (isRequired.TryGet(out var r) ? (r ? DeleteBehaviorKind.Cascade : DeleteBehaviorKind.ClientSetNull) : Fact<DeleteBehaviorKind>.Unknown);
        var principalKey = _principalKey ?? model.FindEntity(_principal)?.PrimaryKey?.PropertyNames.ToArray() ?? new[] { "Id" };

        dependent.ForeignKeys.Add(new ForeignKeyModel(_propertyNames, _principal, principalKey)
        {
            IsRequired = isRequired,
            DeclaredRequiredness = _declared,
            DependentNavigationNullability = _navigationNullability,
            DeleteBehavior = deleteBehavior,
            IsDeleteBehaviorExplicit = _deleteBehaviorExplicit,
            DependentNavigation = _dependentNavigation,
            PrincipalNavigation = _principalNavigation,
            IsOwnership = _ownership,
            IsUnique = _unique,
            Location = _location,
            Package = _package,
        });

        var covered = model.AllKeys(dependent).Any(k => StartsWith(k.PropertyNames, _propertyNames))
            || model.AllIndexes(dependent).Any(i => i.Filter is null && StartsWith(i.PropertyNames, _propertyNames));
        if (_conventionIndex && !_ownership && !covered) dependent.Indexes.Add(new IndexModel(_propertyNames, _unique) { IsPlain = true });
    }

    private static bool StartsWith(IReadOnlyList<string> candidate, IReadOnlyList<string> prefix) =>
        candidate.Count >= prefix.Count && prefix.Select((name, i) => candidate[i] == name).All(same => same);
}
