using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// Every option value is checked before the build starts: a bad one is exit code 2 and one sentence, never a stack trace,
/// and costs no build (with --verbose, a build would have said "Building ..." on stderr before the sentence).
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class OptionValidationTests : IDisposable
{
    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public OptionValidationTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Empty_output_path_is_an_input_error_before_anything_is_built()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "FactoryApp", "--output", "", "--verbose");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("--output was given an empty path", message);
    }

    [Fact]
    public void Output_in_a_missing_folder_is_an_input_error_before_anything_is_built()
    {
        var output = Path.Combine(_scratch, "no-such-folder", "report.json");

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "FactoryApp", "--output", output, "--verbose");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains($"The folder of --output '{output}' does not exist", message);
    }

    [Fact]
    public void Output_that_is_a_folder_is_an_input_error_before_anything_is_built()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "FactoryApp", "--output", _scratch, "--verbose");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("is a folder; give the path of a file", message);
    }

    [Fact]
    public void Checking_that_the_output_can_be_written_leaves_no_file_behind_when_the_audit_fails()
    {
        var output = Path.Combine(_scratch, "report.json");

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.BrokenApp, "--context", "BrokenModelContext", "--output", output);

        CommandAssert.FailsWithOneSentence(result, 3);
        Assert.False(File.Exists(output), "The report file exists although no context was audited.");
    }

    [Theory]
    [InlineData("--context")]
    [InlineData("--config")]
    public void Empty_option_value_is_an_input_error_before_anything_is_built(string option)
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "FactoryApp", option, "", "--verbose");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains($"{option} was given an empty", message);
    }

    [Fact]
    public void Empty_path_is_an_input_error()
    {
        var message = CommandAssert.FailsWithOneSentence(SchemaLintCommand.Run(FixtureApplications.Root, "audit", ""), 2);

        Assert.Contains("The path to audit is empty", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3601")]
    [InlineData("soon")]
    public void Timeout_that_is_not_a_positive_number_of_seconds_is_an_input_error_before_anything_is_built(string timeout)
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "FactoryApp", "--timeout", timeout, "--verbose");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains($"--timeout must be a whole number of seconds from 1 to 3600, not '{timeout}'", message);
    }

    [Fact]
    public void Help_describes_the_timeout()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--timeout <seconds>", result.Stdout);
    }
}
