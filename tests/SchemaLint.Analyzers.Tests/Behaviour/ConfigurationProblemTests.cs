using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// SL0001: a configuration mistake is reported in the build and the IDE, with the sentence the audit and the test API use,
/// and the rest of the configuration still applies.
/// </summary>
public sealed class ConfigurationProblemTests
{
    private const string Payment = """
        using Microsoft.EntityFrameworkCore;
        public class Payment { public int Id { get; set; } public double Amount { get; set; } }
        public class AppDbContext : DbContext { public DbSet<Payment> Payments => Set<Payment>(); }
        """;

    [Fact]
    public async Task A_value_SchemaLint_cannot_read_is_a_warning_naming_the_key_and_the_value()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.long_text_threshold = long\n");

        var problem = Assert.Single(diagnostics, d => d.Id == "SL0001");
        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Equal("SchemaLint configuration problem, the option keeps its default: schemalint.long_text_threshold: 'long' is not a positive whole number.", problem.GetMessage());
    }

    [Fact]
    public async Task An_include_package_entities_value_that_is_not_true_or_false_is_a_warning()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.include_package_entities = yes\n");

        var problem = Assert.Single(diagnostics, d => d.Id == "SL0001");
        Assert.Equal("SchemaLint configuration problem, the option keeps its default: schemalint.include_package_entities: 'yes' is not true or false.", problem.GetMessage());
    }

    [Fact]
    public async Task An_unknown_key_is_a_warning()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.colour_names = red\n");

        var problem = Assert.Single(diagnostics, d => d.Id == "SL0001");
        Assert.StartsWith("SchemaLint configuration problem, the option keeps its default: schemalint.colour_names: unknown SchemaLint option", problem.GetMessage());
    }

    [Fact]
    public async Task A_problem_has_no_location_because_the_compiler_gives_analyzers_none()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.provider = oracle-ish\n");

        Assert.Equal(Location.None, Assert.Single(diagnostics, d => d.Id == "SL0001").Location);
    }

    [Fact]
    public async Task A_problem_in_a_global_config_is_reported()
    {
        var diagnostics = await AnalyzeAsync(globalConfig: "is_global = true\nschemalint.long_text_threshold = -3\n");

        var problem = Assert.Single(diagnostics, d => d.Id == "SL0001");
        Assert.Contains("schemalint.long_text_threshold: '-3' is not a positive whole number.", problem.GetMessage());
    }

    [Fact]
    public async Task The_same_problem_seen_by_many_files_is_reported_once()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.colour_names = red\n", extraFiles: 5);

        Assert.Single(diagnostics, d => d.Id == "SL0001");
    }

    [Fact]
    public async Task Valid_configuration_reports_nothing()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.long_text_threshold = 1000\nschemalint.money_names = +tip\n");

        Assert.DoesNotContain(diagnostics, d => d.Id == "SL0001");
    }

    [Fact]
    public async Task The_other_options_still_apply_beside_a_problem()
    {
        var diagnostics = await AnalyzeAsync(editorConfig: "[*.cs]\nschemalint.colour_names = red\nschemalint.exclude_entities = Pay*\n");

        Assert.Contains(diagnostics, d => d.Id == "SL0001");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SL2001");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string? editorConfig = null, string? globalConfig = null, int extraFiles = 0)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Shop", "Shop", LanguageNames.CSharp, filePath: "/shop/Shop.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: TestReferences.EntityFramework));
        solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "Payment.cs", SourceText.From(Payment), filePath: "/shop/Payment.cs");
        for (var i = 0; i < extraFiles; i++)
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Extra{i}.cs", SourceText.From($"public class Extra{i} {{ }}"), filePath: $"/shop/Sub{i}/Extra{i}.cs");
        if (editorConfig is not null)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From("root = true\n" + editorConfig), filePath: "/shop/.editorconfig");
        if (globalConfig is not null)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(globalConfig), filePath: "/shop/.globalconfig");

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = SchemaLintAnalyzers.All;
        return await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }
}
