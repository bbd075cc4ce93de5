using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Tests.Building;

/// <summary>
/// Entry point of the test DSL: hand-built schema models that hold the facts a front end would record for plain,
/// well-formed table entities, so that each test states only what makes its case different.
/// </summary>
public static class Schema
{
    public static SchemaBuilder PostgreSql() => new(DatabaseProvider.PostgreSql);

    public static SchemaBuilder SqlServer() => new(DatabaseProvider.SqlServer);

    public static SchemaBuilder Sqlite() => new(DatabaseProvider.Sqlite);

    public static SchemaBuilder MySql() => new(DatabaseProvider.MySql);

    public static SchemaBuilder UnknownProvider() => new(DatabaseProvider.Unknown);
}

public sealed class SchemaBuilder
{
    private readonly SchemaModel _model;

    internal SchemaBuilder(DatabaseProvider provider)
    {
        _model = new SchemaModel("AppDbContext", provider);
    }

    /// <summary>Nullable reference types are on unless <see cref="NullableOblivious"/> says otherwise, as in a new project.</summary>
    internal bool NullableReferenceTypes { get; private set; } = true;

    /// <summary>Whether entities are described by a front end that reads source (then code-only facts are known).</summary>
    internal bool SourceObserved => _model.Code.IsObserved;

    /// <summary>Entities declared after this call live where nullable reference types are off.</summary>
    public SchemaBuilder NullableOblivious()
    {
        NullableReferenceTypes = false;
        return this;
    }

    /// <summary>
    /// The model comes from a front end that reads source: code-only facts (assignments) are known for properties
    /// declared after this call, and source-only rules run.
    /// </summary>
    public SchemaBuilder FromSource()
    {
        _model.Code.IsObserved = true;
        return this;
    }

    public SchemaBuilder TestProject()
    {
        _model.Code.IsTestProject = true;
        return this;
    }

    /// <summary>Model-building code the front end could not follow may add entity types.</summary>
    public SchemaBuilder EntitySetIncomplete()
    {
        _model.IsEntitySetComplete = false;
        return this;
    }

    /// <summary>Only a package's own entity types (Identity's roles and claims) are missing from the model.</summary>
    public SchemaBuilder PackageEntityTypesUnseen()
    {
        _model.IsEntitySetComplete = false;
        _model.OnlyPackageEntityTypesUnseen = true;
        return this;
    }

    public SchemaBuilder Entity(string name, Action<EntityBuilder>? configure = null)
    {
        var entity = _model.AddEntity(new EntityTypeModel(name));
        var builder = new EntityBuilder(this, _model, entity);
        configure?.Invoke(builder);
        return this;
    }

    public SchemaBuilder EnsureCreatedCall(int line, bool isAsync = false)
    {
        _model.Code.EnsureCreatedCalls.Add(new CodeSite(Code.Line(line), "EnsureCreated") { IsAsync = isAsync, ContainingType = "Program" });
        return this;
    }

    public SchemaBuilder UndisposedContext(string contextType, int line)
    {
        _model.Code.UndisposedContexts.Add(new CodeSite(Code.Line(line), contextType) { ContainingType = "ReportService" });
        return this;
    }

    public SchemaModel Build() => _model;

    public IReadOnlyList<Finding> Lint(SchemaLintOptions? options = null) => SchemaLintEngine.Default.Analyze(_model, options);

    /// <summary>Findings of one rule only, so that a rule's test is not disturbed by the others.</summary>
    public IReadOnlyList<Finding> Lint(string ruleId, SchemaLintOptions? options = null) =>
        Lint(options).Where(f => f.RuleId == ruleId).ToList();
}

/// <summary>Source locations for tests that care where a finding points.</summary>
public static class Code
{
    public const string File = "Models.cs";

    public static SourceLocation Line(int line) => new(File, line);
}
