using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>Every bad input the issue lists: its exit code and one clear sentence on stderr.</summary>
[Collection(CommandCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public BadInputTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Missing_path_is_an_input_error()
    {
        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", "no/such/App.dll"), 2);

        Assert.Contains("'no/such/App.dll' does not exist", message);
    }

    [Fact]
    public void File_that_is_not_a_NET_assembly_is_an_input_error()
    {
        File.WriteAllText(Path.Combine(_scratch, "notes.dll"), "not an assembly");

        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", "notes.dll"), 2);

        Assert.Contains("is not a .NET assembly", message);
    }

    [Fact]
    public void Assembly_without_a_DbContext_is_an_input_error()
    {
        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", _fixtures.NoContextApp), 2);

        Assert.Contains("No DbContext was found in 'NoContextApp.dll'", message);
    }

    [Fact]
    public void Context_whose_constructor_throws_cannot_be_created()
    {
        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.BrokenApp, "--context", "ThrowingConstructorContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("The constructor of ThrowingConstructorContext threw InvalidOperationException (The inventory database is not configured.)", message);
    }

    [Fact]
    public void Design_time_factory_that_throws_cannot_create_its_context()
    {
        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.BrokenApp, "--context", "FactoryFailureContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("The design-time factory FailingFactory threw InvalidOperationException while creating FactoryFailureContext (No connection string for design time.)", message);
    }

    [Fact]
    public void Model_that_EF_Core_cannot_build_is_a_load_error_naming_the_context()
    {
        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.BrokenApp, "--context", "BrokenModelContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("BrokenModelContext", message);
        Assert.Contains("requires a primary key", message);
    }

    [Fact]
    public void Assembly_without_its_deps_json_is_an_input_error()
    {
        File.Copy(_fixtures.FactoryApp, Path.Combine(_scratch, "FactoryApp.dll"));

        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", "FactoryApp.dll"), 2);

        Assert.Contains("'FactoryApp.deps.json' is missing", message);
    }

    [Fact]
    public void Project_that_fails_to_build_is_an_input_error_quoting_the_first_compiler_error()
    {
        var project = Path.Combine(_scratch, "Broken");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Broken.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "int x = ;");

        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", project), 2);

        Assert.Contains("Building 'Broken.csproj' failed", message);
        Assert.Contains("error CS", message);
    }

    [Fact]
    public void Context_option_naming_no_context_lists_the_contexts_found()
    {
        var result = SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--context", "OrdersContext");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("No DbContext named 'OrdersContext' was found in 'FactoryApp.dll'; found: FactoryApp.ShopContext", message);
    }

    [Fact]
    public void Application_on_an_older_EF_Core_major_is_told_which_versions_are_supported()
    {
        var copy = Path.Combine(_scratch, "OldEf");
        CopyDirectory(Path.GetDirectoryName(_fixtures.FactoryApp)!, copy);
        var manifest = Path.Combine(copy, "FactoryApp.deps.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("Microsoft.EntityFrameworkCore/10.0.", "Microsoft.EntityFrameworkCore/8.0."));

        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", Path.Combine(copy, "FactoryApp.dll")), 3);

        Assert.Contains("uses EF Core 8.0.", message);
        Assert.Contains("EF Core 10 (10.0.x)", message);
    }

    [Fact]
    public void Missing_configuration_file_is_an_input_error()
    {
        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--config", "missing.editorconfig"), 2);

        Assert.Contains("'missing.editorconfig' does not exist", message);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", _fixtures.FactoryApp, "--format", "xml"), 2);

        Assert.Contains("xml", message);
        Assert.Contains("schemalint audit --help", message);
    }

    [Fact]
    public void Folder_without_a_project_is_an_input_error()
    {
        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(_scratch, "audit", "."), 2);

        Assert.Contains("holds no .csproj", message);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }
}
