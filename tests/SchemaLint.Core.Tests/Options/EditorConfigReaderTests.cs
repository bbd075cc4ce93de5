using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Options;

public class EditorConfigReaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "schemalint-tests-" + Guid.NewGuid().ToString("N"));

    public EditorConfigReaderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Reads_sections_that_apply_to_every_CSharp_file()
    {
        var pairs = EditorConfigReader.ReadPairs("[*]\na = 1\n[*.cs]\nb = 2\n[*.{cs,vb}]\nc = 3\n[**/*.cs]\nd = 4");

        Assert.Equal(new[] { "a", "b", "c", "d" }, pairs.Select(p => p.Key));
    }

    [Fact]
    public void Skips_sections_for_other_files_or_paths()
    {
        var pairs = EditorConfigReader.ReadPairs("[*.vb]\na = 1\n[tests/**.cs]\nb = 2\n[*.{json,xml}]\nc = 3");

        Assert.Empty(pairs);
    }

    [Fact]
    public void Reads_the_preamble_of_a_global_config()
    {
        var pairs = EditorConfigReader.ReadPairs("is_global = true\nschemalint.long_text_threshold = 1000\n");

        Assert.Contains(pairs, p => p.Key == "schemalint.long_text_threshold" && p.Value == "1000");
    }

    [Fact]
    public void Ignores_comments_blank_lines_and_trailing_comments()
    {
        var pairs = EditorConfigReader.ReadPairs("# comment\r\n; comment\r\n\r\n[*.cs]\r\nschemalint.provider = sqlserver # production database\r\n");

        var pair = Assert.Single(pairs);
        Assert.Equal("sqlserver", pair.Value);
    }

    [Fact]
    public void Reads_a_file_into_options()
    {
        var path = Write(_root, "[*.cs]\ndotnet_diagnostic.SL2001.severity = error\n");

        var options = EditorConfigReader.ReadFile(path);

        Assert.Equal(Severity.Error, options.EffectiveSeverity(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint)));
    }

    [Fact]
    public void Reports_a_missing_file_by_name()
    {
        var missing = Path.Combine(_root, "nope.editorconfig");

        var error = Assert.Throws<FileNotFoundException>(() => EditorConfigReader.ReadFile(missing));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Nearer_files_win_over_farther_ones()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "App")).FullName;
        Write(_root, "root = true\n[*.cs]\nschemalint.long_text_threshold = 300\nschemalint.provider = mysql\n");
        Write(project, "[*.cs]\nschemalint.long_text_threshold = 800\n");

        var options = EditorConfigReader.ReadForDirectory(project);

        Assert.Equal(800, options.LongTextThreshold);
        Assert.Equal(Model.DatabaseProvider.MySql, options.Provider);
    }

    [Fact]
    public void Stops_at_a_file_marked_root()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName;
        Write(_root, "[*.cs]\nschemalint.provider = mysql\n");
        Write(project, "root = true\n[*.cs]\nschemalint.long_text_threshold = 800\n");

        var options = EditorConfigReader.ReadForDirectory(project);

        Assert.Null(options.Provider);
    }

    [Fact]
    public void A_root_key_inside_a_section_does_not_make_the_file_root()
    {
        // The .editorconfig format reads root only from the preamble; inside a section it is an ordinary key.
        var project = Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName;
        Write(_root, "[*.cs]\nschemalint.provider = mysql\n");
        Write(project, "[*.cs]\nroot = true\nschemalint.long_text_threshold = 800\n");

        var options = EditorConfigReader.ReadForDirectory(project);

        Assert.Equal(Model.DatabaseProvider.MySql, options.Provider);
    }

    [Fact]
    public void A_nearer_vocabulary_edit_replaces_a_farther_one_as_the_compiler_does()
    {
        // The compiler hands analyzers one value per key, the nearest; the audit must see the same options.
        var project = Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName;
        Write(_root, "root = true\n[*.cs]\nschemalint.money_names = +bounty\n");
        Write(project, "[*.cs]\nschemalint.money_names = +reward\n");

        var options = EditorConfigReader.ReadForDirectory(project);

        Assert.True(options.MoneyNames.Matches("Reward"));
        Assert.False(options.MoneyNames.Matches("Bounty"));
        Assert.True(options.MoneyNames.Matches("Amount"));
    }

    [Fact]
    public void A_relative_baseline_path_is_read_from_the_folder_of_the_editorconfig_that_names_it()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "Shop")).FullName;
        Write(_root, "root = true\n[*.cs]\nschemalint.baseline = build/schemalint.baseline.json\n");

        var options = EditorConfigReader.ReadForDirectory(project);

        Assert.Equal(Path.Combine(_root, "build", "schemalint.baseline.json"), options.BaselinePath);
    }

    [Fact]
    public void A_relative_baseline_path_in_a_given_config_file_is_read_from_that_file_s_folder()
    {
        var config = Write(Directory.CreateDirectory(Path.Combine(_root, "ci")).FullName, "[*.cs]\nschemalint.baseline = schemalint.baseline.json\n");

        var options = EditorConfigReader.ReadFile(config);

        Assert.Equal(Path.Combine(_root, "ci", "schemalint.baseline.json"), options.BaselinePath);
    }

    private static string Write(string directory, string text)
    {
        var path = Path.Combine(directory, ".editorconfig");
        File.WriteAllText(path, text);
        return path;
    }
}
