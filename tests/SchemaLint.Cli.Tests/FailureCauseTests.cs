using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// What ended or stalled the application is told apart, each in one correct sentence naming the step it happened in: a stack
/// overflow, Environment.Exit, an exception on the application's own thread, a model that never finishes building, a startup
/// that never builds its host, an exception. Never the application's own output as the reason, never "install the runtime".
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class FailureCauseTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public FailureCauseTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Missing_runtime_is_still_told_as_a_missing_runtime_quoting_the_dotnet_host()
    {
        var copy = Path.Combine(_scratch, "FutureRuntime");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_fixtures.FactoryApp)!)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var runtimeConfig = Path.Combine(copy, "FactoryApp.runtimeconfig.json");
        File.WriteAllText(runtimeConfig, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(runtimeConfig), "\"version\": \"[^\"]+\"", "\"version\": \"99.0.0\""));

        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", Path.Combine(copy, "FactoryApp.dll"));

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("'FactoryApp.dll' could not be started with its own runtime configuration (You must install or update .NET", message);
        Assert.Contains("check that its target framework's runtime is installed", message);
    }

    [Fact]
    public void Stack_overflow_while_building_a_model_is_told_as_a_stack_overflow_in_that_context()
    {
        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", _fixtures.PartialApp, "--context", "OverflowingContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("The application's code overflowed the stack while building the model of OverflowingContext", message);
        Assert.DoesNotContain("runtime", message);
    }

    [Fact]
    public void Environment_Exit_in_a_factory_is_told_as_Environment_Exit_and_not_by_the_application_s_last_words()
    {
        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", _fixtures.UnrulyApp, "--context", "ExitingContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("The application called Environment.Exit(42) while creating ExitingContext", message);
        Assert.DoesNotContain("No tenant is configured", message);
        Assert.DoesNotContain("runtime", message);
    }

    [Fact]
    public void Exception_on_a_thread_of_the_application_s_own_is_told_with_its_type_and_message()
    {
        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", _fixtures.UnrulyApp, "--context", "CrashingThreadContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("threw InvalidOperationException (The cache warm-up found no cache) on a thread of its own while creating CrashingThreadContext", message);
    }

    [Fact]
    public void Endless_OnModelCreating_is_given_up_after_the_timeout_and_blamed_on_model_building()
    {
        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", _fixtures.PartialApp, "--context", "EndlessModelContext", "--timeout", "2");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("Building the model of EndlessModelContext did not finish within 2 seconds", message);
        Assert.DoesNotContain("startup", message);
    }

    [Fact]
    public void Startup_that_never_builds_its_host_is_given_up_after_the_timeout_and_the_factory_made_context_is_still_reported()
    {
        // The limit also applies to AuditTrailContext's own steps: room for a busy machine.
        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", _fixtures.SlowStartupApp, "--timeout", "5", "--format", "json");

        Assert.True(result.ExitCode == 3, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("AuditTrailContext", "SL2001", (string?)"SlowStartupApp.Loan", (string?)"Fee"), CommandAssert.Findings(report));
        var failure = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("LibraryContext cannot be created", failure);
        Assert.Contains("the application's startup code did not build its host within 5 seconds", failure);
    }

    [Fact]
    public void Exception_from_OnModelCreating_is_one_sentence_quoting_it_without_gluing_the_next_sentence_on()
    {
        var result = SchemaLintCommand.RunWithin(Guard, FixtureApplications.Root, "audit", _fixtures.PartialApp, "--context", "RejectedModelContext");

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Equal(
            "schemalint: The model of RejectedModelContext could not be built (InvalidOperationException: The tenant schema says no); fix the model configuration (OnModelCreating, attributes, options) so that EF Core accepts it.",
            message);
    }
}
