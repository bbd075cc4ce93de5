using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>
/// Describes one test project for what the official harness (<see cref="Official.SchemaLintAnalyzerTest"/>) does not cover:
/// the diagnostics themselves (their properties and messages) and the IDE's analysis of one open document.
/// <see cref="ValidateAsync"/> checks the analyzers' diagnostics against the markup and returns them.
/// </summary>
public sealed class ProjectBuilder
{
    public const string SourceDirectory = "/0/";

    private readonly List<(string Path, string Markup)> _sources = new();
    private readonly List<MetadataReference> _references = new();
    private readonly List<DiagnosticAnalyzer> _analyzers = new();
    private string? _editorConfig;
    private string? _globalConfig;
    private readonly List<(string Path, string Text)> _additionalFiles = new();
    private bool _entityFramework = true;
    private OutputKind _outputKind = OutputKind.DynamicallyLinkedLibrary;
    private NullableContextOptions _nullable = NullableContextOptions.Enable;
    private string? _defaultId;
    private HashSet<string>? _onlyIds;

    public ProjectBuilder WithSourceCode(string markup) => WithSourceCode($"{SourceDirectory}Test{_sources.Count}.cs", markup);

    /// <summary>A source at a given path; relative paths are placed in the test project's directory.</summary>
    public ProjectBuilder WithSourceCode(string path, string markup)
    {
        _sources.Add((path.StartsWith('/') ? path : SourceDirectory + path, markup));
        return this;
    }

    /// <summary>An .editorconfig in the project directory; a <c>[*.cs]</c> header is added when the text has no section.</summary>
    public ProjectBuilder WithEditorConfig(string text)
    {
        _editorConfig = text.TrimStart().StartsWith('[') ? text : "[*.cs]\n" + text;
        return this;
    }

    /// <summary>An AdditionalFiles item, as MSBuild passes one to the compiler; a relative path is placed in the project directory.</summary>
    public ProjectBuilder WithAdditionalFile(string path, string text)
    {
        _additionalFiles.Add((path.StartsWith('/') ? path : SourceDirectory + path, text));
        return this;
    }

    /// <summary>A global analyzer config (<c>is_global = true</c>), whose keys reach analyzers as global options.</summary>
    public ProjectBuilder WithGlobalConfig(string text)
    {
        _globalConfig = "is_global = true\n" + text;
        return this;
    }

    /// <summary>An application (top-level statements allowed) rather than a library.</summary>
    public ProjectBuilder AsConsoleApplication()
    {
        _outputKind = OutputKind.ConsoleApplication;
        return this;
    }

    public ProjectBuilder WithoutEntityFramework()
    {
        _entityFramework = false;
        return this;
    }

    public ProjectBuilder WithReferences(IEnumerable<MetadataReference> references)
    {
        _references.AddRange(references);
        return this;
    }

    /// <summary>Nullable reference types: enabled unless the test turns them off (nullable-oblivious code).</summary>
    public ProjectBuilder WithNullableReferenceTypes(bool enabled)
    {
        _nullable = enabled ? NullableContextOptions.Enable : NullableContextOptions.Disable;
        return this;
    }

    /// <summary>The id that <c>[|...|]</c> markup expects.</summary>
    public ProjectBuilder WithDefaultDiagnosticId(string id)
    {
        _defaultId = id;
        return this;
    }

    /// <summary>Restricts the run to these analyzers; by default every SchemaLint analyzer runs.</summary>
    public ProjectBuilder WithAnalyzer(DiagnosticAnalyzer analyzer)
    {
        _analyzers.Add(analyzer);
        return this;
    }

    /// <summary>
    /// Compares only these rules' diagnostics with the markup, so a test about one rule is not about every other rule
    /// that the same model happens to trigger. Analyzer exceptions and compile errors still fail the test.
    /// </summary>
    public ProjectBuilder WithOnlyRules(params string[] ids)
    {
        _onlyIds = new HashSet<string>(ids, StringComparer.Ordinal);
        return this;
    }

    /// <summary>Runs the analyzers and checks their diagnostics against the markup; returns them for further assertions.</summary>
    public async Task<ImmutableArray<Diagnostic>> ValidateAsync()
    {
        var project = BuildProject(_sources);
        var run = await AnalyzerRun.RunAsync(project, Analyzers);
        var diagnostics = Compared(run.Diagnostics);
        DiagnosticComparison.AssertMatch(Expected(_sources), diagnostics, project);
        return diagnostics;
    }

    /// <summary>Runs the analyzers and returns their diagnostics (of the compared rules) without checking them against markup.</summary>
    public async Task<ImmutableArray<Diagnostic>> ValidateUnmarkedAsync()
    {
        var run = await AnalyzerRun.RunAsync(BuildProject(_sources), Analyzers);
        return Compared(run.Diagnostics);
    }

    /// <summary>Runs the analyzers the way the IDE does for one open document: semantic diagnostics of that tree only.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeDocumentAsync(int documentIndex, TextSpan? span = null)
    {
        var project = BuildProject(_sources);
        var document = project.Documents.Single(d => d.FilePath == _sources[documentIndex].Path);
        return await AnalyzerRun.RunOnDocumentAsync(project, document, span, Analyzers);
    }

    internal ImmutableArray<DiagnosticAnalyzer> Analyzers =>
        _analyzers.Count > 0 ? _analyzers.ToImmutableArray() : SchemaLintAnalyzers.All;

    private ImmutableArray<Diagnostic> Compared(ImmutableArray<Diagnostic> diagnostics) =>
        _onlyIds is null ? diagnostics : diagnostics.Where(d => _onlyIds.Contains(d.Id)).ToImmutableArray();

    private IReadOnlyList<ExpectedDiagnostic> Expected(IEnumerable<(string Path, string Markup)> sources)
    {
        var expected = new List<ExpectedDiagnostic>();
        foreach (var (path, markup) in sources)
        {
            foreach (var (id, span) in Markup.Parse(markup).Spans)
            {
                var resolved = id ?? _defaultId ?? throw new InvalidOperationException("[|...|] markup needs a default id: call WithDefaultDiagnosticId.");
                expected.Add(new ExpectedDiagnostic(resolved, path, span));
            }
        }

        return expected;
    }

    private Project BuildProject(IEnumerable<(string Path, string Markup)> sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = (_entityFramework ? TestReferences.EntityFramework : TestReferences.Framework).AddRange(_references);
        var compilationOptions = new CSharpCompilationOptions(_outputKind, nullableContextOptions: _nullable);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
            filePath: SourceDirectory + "TestProject.csproj",
            compilationOptions: compilationOptions, parseOptions: parseOptions, metadataReferences: references));

        foreach (var (path, markup) in sources)
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(Markup.Parse(markup).Source), filePath: path);
        if (_editorConfig is not null)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(_editorConfig), filePath: SourceDirectory + ".editorconfig");
        foreach (var (path, text) in _additionalFiles)
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        if (_globalConfig is not null)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(_globalConfig), filePath: SourceDirectory + ".globalconfig");

        return solution.GetProject(projectId)!;
    }
}
