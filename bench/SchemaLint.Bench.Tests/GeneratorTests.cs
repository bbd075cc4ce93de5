using SchemaLint.Bench.Generator;
using SchemaLint.Bench.Generator.Plan;

namespace SchemaLint.Bench.Tests;

public sealed class GeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "schemalint-bench-generator-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Same_seed_writes_the_same_files()
    {
        var first = Generate(Path.Combine(_root, "a"));
        var second = Generate(Path.Combine(_root, "b"));

        Assert.Equal(Snapshot(first.ProjectDirectory), Snapshot(second.ProjectDirectory));
    }

    [Fact]
    public void Another_seed_writes_another_model()
    {
        var first = Planner.Create(50, 1);
        var second = Planner.Create(50, 2);

        Assert.NotEqual(Describe(first), Describe(second));
    }

    [Fact]
    public void Fifty_entities_plant_every_mistake()
    {
        var plan = Planner.Create(50, GeneratorOptions.DefaultSeed);

        Assert.Equal(Enum.GetValues<Violation>().Order(), plan.PlantedViolations.Keys.Order());
    }

    [Fact]
    public void Half_the_entities_use_data_annotations_and_half_configuration_classes()
    {
        var app = Generate(Path.Combine(_root, "styles"));

        Assert.Equal(25, app.Shape.DataAnnotationEntities);
        Assert.Equal(25, app.Shape.FluentApiEntities);
        Assert.Equal(25, Directory.GetFiles(Path.Combine(app.ProjectDirectory, "Configurations"), "*Configuration.cs").Length);
    }

    [Fact]
    public void Model_has_relationships_of_each_kind_and_owned_types()
    {
        var plan = Planner.Create(200, GeneratorOptions.DefaultSeed);

        Assert.Contains(plan.Entities, e => e.References.Count > 0);
        Assert.Contains(plan.Entities, e => e.ManyToMany.Count > 0);
        Assert.Contains(plan.Entities, e => e.OwnedAddressNavigation is not null);
    }

    private GeneratedApp Generate(string output) =>
        AppGenerator.Generate(new GeneratorOptions(50, GeneratorOptions.DefaultSeed, output, RepositoryRoot.Path));

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);

    private static string Describe(AppPlan plan) =>
        string.Join(";", plan.Entities.Select(e => $"{e.Name}:{string.Join(",", e.Properties.Select(p => p.Name))}:{string.Join(",", e.References.Select(r => r.Principal.Name))}"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
