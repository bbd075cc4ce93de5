using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Generator;

namespace SchemaLint.Bench.Tests;

/// <summary>The editing benchmark's edits: enough of them, spread over every kind of file, deterministic, and valid C#.</summary>
public sealed class EditPlanTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "schemalint-bench-editplan-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Twenty_edits_by_default_ten_entity_six_configuration_four_context()
    {
        var plan = Plan(Generate());

        Assert.Equal(EditPlan.DefaultEdits, plan.Count);
        Assert.Equal(20, plan.Count);
        Assert.Equal(10, plan.Count(e => e.Kind == EditKind.Entity));
        Assert.Equal(6, plan.Count(e => e.Kind == EditKind.Configuration));
        Assert.Equal(4, plan.Count(e => e.Kind == EditKind.Context));
    }

    [Fact]
    public void Entity_and_configuration_edits_go_to_different_files()
    {
        var plan = Plan(Generate());

        Assert.Equal(10, plan.Where(e => e.Kind == EditKind.Entity).Select(e => e.File).Distinct().Count());
        Assert.Equal(6, plan.Where(e => e.Kind == EditKind.Configuration).Select(e => e.File).Distinct().Count());
        Assert.All(plan.Where(e => e.Kind == EditKind.Configuration), e => Assert.Contains($"{Path.DirectorySeparatorChar}Configurations{Path.DirectorySeparatorChar}", e.File));
        Assert.All(plan.Where(e => e.Kind == EditKind.Context), e => Assert.EndsWith("BenchContext.cs", e.File));
        // Both edits of configurations and of the context are used.
        Assert.Equal([0, 1], plan.Where(e => e.Kind == EditKind.Configuration).Select(e => e.Variant).Distinct().Order());
        Assert.Equal([0, 1], plan.Where(e => e.Kind == EditKind.Context).Select(e => e.Variant).Distinct().Order());
    }

    [Fact]
    public void Every_kind_is_measured_in_both_halves_of_the_run()
    {
        var plan = Plan(Generate(), services: EditPlan.DefaultServiceEdits);

        Assert.Equal(Enumerable.Range(1, plan.Count), plan.Select(e => e.Number));
        Assert.Equal(Enum.GetValues<EditKind>(), plan.Take(plan.Count / 2).Select(e => e.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<EditKind>(), plan.Skip(plan.Count / 2).Select(e => e.Kind).Distinct().Order());
    }

    [Fact]
    public void Same_seed_same_plan_another_seed_another()
    {
        var app = Generate();

        Assert.Equal(Plan(app, seed: 7), Plan(app, seed: 7));
        Assert.NotEqual(Plan(app, seed: 7), Plan(app, seed: 8));
    }

    [Theory]
    [InlineData(3, 1, 1, 1)]
    [InlineData(10, 5, 3, 2)]
    [InlineData(20, 10, 6, 4)]
    [InlineData(40, 20, 12, 8)]
    public void Other_counts_keep_the_shares_with_every_kind_from_three_edits(int edits, int entity, int configuration, int context)
    {
        Assert.Equal((entity, configuration, context), EditPlan.Counts(edits));
    }

    [Fact]
    public void Every_edit_changes_its_file_and_leaves_valid_CSharp()
    {
        var app = Generate();
        foreach (var edit in Plan(app))
        {
            var before = File.ReadAllText(edit.File);
            var after = edit.Apply(before);

            Assert.NotEqual(before, after);
            var errors = CSharpSyntaxTree.ParseText(after).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"edit {edit.Number} ({edit.Describe(before)}) of {edit.File}: {string.Join("; ", errors)}\n{after}");
        }
    }

    [Fact]
    public void Service_edits_come_beside_the_model_edits_and_leave_the_model_edits_as_they_were()
    {
        var app = Generate();
        var withServices = Plan(app, services: EditPlan.DefaultServiceEdits);
        var without = Plan(app);

        Assert.Equal(EditPlan.DefaultServiceEdits, withServices.Count(e => e.Kind == EditKind.Service));
        Assert.Equal(without.Select(e => (e.Kind, e.File, e.Variant)).OrderBy(e => e.File), withServices.Where(e => e.Kind != EditKind.Service).Select(e => (e.Kind, e.File, e.Variant)).OrderBy(e => e.File));
        Assert.Equal([0, 1], withServices.Where(e => e.Kind == EditKind.Service).Select(e => e.Variant).Distinct().Order());
    }

    [Fact]
    public void A_service_edit_types_a_query_or_a_write_of_a_mapped_property_into_a_method_body()
    {
        var plan = Plan(Generate(), services: EditPlan.DefaultServiceEdits);
        var query = plan.First(e => e.Kind == EditKind.Service && e.Variant == 0);
        var write = plan.First(e => e.Kind == EditKind.Service && e.Variant == 1);

        var queried = query.Apply(File.ReadAllText(query.File));
        var written = write.Apply(File.ReadAllText(write.File));
        Assert.Contains($"var existing{query.Number} = _context.Set<{query.Entity}>().Count();", queried);
        Assert.Contains("draft.Name = name.ToUpperInvariant();", written);
        Assert.All(new[] { queried, written }, text => Assert.DoesNotContain(CSharpSyntaxTree.ParseText(text).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_configuration_edit_adds_or_changes_a_Fluent_call()
    {
        var app = Generate();
        var plan = Plan(app);
        var added = plan.First(e => e.Kind == EditKind.Configuration && e.Variant == 0);
        var changed = plan.First(e => e.Kind == EditKind.Configuration && e.Variant == 1);

        Assert.Contains($"builder.HasComment(\"edit {added.Number}\");", added.Apply(File.ReadAllText(added.File)));
        var text = File.ReadAllText(changed.File);
        Assert.Contains("HasMaxLength(100)", text);
        Assert.Contains($"HasMaxLength({100 + changed.Number})", changed.Apply(text));
    }

    private GeneratedApp Generate() =>
        AppGenerator.Generate(new GeneratorOptions(50, GeneratorOptions.DefaultSeed, _root, RepositoryRoot.Path));

    private static List<PlannedEdit> Plan(GeneratedApp app, int seed = EditPlan.DefaultSeed, int services = 0)
    {
        var model = Path.Combine(app.ProjectDirectory, "Model");
        var entities = app.Plan.Entities.Select(e => Path.Combine(model, e.Name + ".cs")).ToList();
        var configurations = Directory.GetFiles(Path.Combine(app.ProjectDirectory, "Configurations"), "*.cs").ToList();
        var serviceFiles = Directory.GetFiles(Path.Combine(app.ProjectDirectory, "Services"), "*.cs").ToList();
        return EditPlan.Create(entities, configurations, Path.Combine(app.ProjectDirectory, "BenchContext.cs"), seed: seed, serviceFiles: serviceFiles, serviceEdits: services).ToList();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
