using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>Misused database options: each an input error (exit code 2) in one sentence, before anything is built or connected.</summary>
[Collection(CommandCollection.Name)]
public sealed class DatabaseOptionTests
{
    private readonly FixtureApplications _fixtures;

    public DatabaseOptionTests(FixtureApplications fixtures) => _fixtures = fixtures;

    [Fact]
    public void Database_env_naming_an_unset_variable_is_an_input_error()
    {
        var environment = new Dictionary<string, string?> { ["SCHEMALINT_UNSET_DATABASE"] = null };

        var result = SchemaLintCommand.Run(FixtureApplications.Root, environment, "audit", _fixtures.FactoryApp, "--no-build", "--database-env", "SCHEMALINT_UNSET_DATABASE");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("The environment variable 'SCHEMALINT_UNSET_DATABASE' named by --database-env is not set", message);
    }

    [Fact]
    public void Database_env_naming_an_empty_variable_is_an_input_error()
    {
        var environment = new Dictionary<string, string?> { ["SCHEMALINT_EMPTY_DATABASE"] = "" };

        var result = SchemaLintCommand.Run(FixtureApplications.Root, environment, "audit", _fixtures.FactoryApp, "--no-build", "--database-env", "SCHEMALINT_EMPTY_DATABASE");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("'SCHEMALINT_EMPTY_DATABASE' named by --database-env is empty", message);
    }

    [Fact]
    public void Database_and_database_env_together_are_an_input_error()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--no-build", "--database", "Host=localhost", "--database-env", "DATABASE_URL");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("--database and --database-env both say where the database is; give only one of them", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3601")]
    [InlineData("soon")]
    public void Database_timeout_that_is_not_a_positive_number_of_seconds_is_an_input_error(string timeout)
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--no-build", "--database", "Host=localhost", "--database-timeout", timeout);

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains($"--database-timeout must be a whole number of seconds from 1 to 3600, not '{timeout}'", message);
    }

    [Fact]
    public void Database_timeout_without_a_database_is_an_input_error()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.FactoryApp, "--no-build", "--database-timeout", "10");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("--database-timeout applies only to the live-database check", message);
    }

    [Fact]
    public void Database_with_several_contexts_and_no_context_option_is_an_input_error()
    {
        // BrokenApp's contexts cannot even be created: the command must stop before it tries.
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.BrokenApp, "--no-build", "--database", "Host=localhost;Database=shop");

        var message = CommandAssert.FailsWithOneSentence(result, 2);
        Assert.Contains("'BrokenApp.dll' has 3 DbContexts", message);
        Assert.Contains("name its context with --context", message);
    }

    [Fact]
    public void Help_describes_the_database_options()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--database <connection-string>", result.Stdout);
        Assert.Contains("--database-env <variable>", result.Stdout);
        Assert.Contains("--database-timeout <seconds>", result.Stdout);
        Assert.Contains("changes nothing", result.Stdout);
    }
}
