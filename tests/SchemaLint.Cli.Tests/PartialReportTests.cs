using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>A context that cannot be audited costs its own report only: the others are reported, it is one sentence, exit code 3.</summary>
[Collection(CommandCollection.Name)]
public sealed class PartialReportTests
{
    private readonly FixtureApplications _fixtures;

    public PartialReportTests(FixtureApplications fixtures) => _fixtures = fixtures;

    [Fact]
    public void Context_after_a_rejected_model_an_endless_model_and_a_stack_overflow_is_still_reported()
    {
        // The limit also applies to StoreContext's own steps, the first model EF Core builds in its process: room for a busy machine.
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(2), FixtureApplications.Root, "audit", _fixtures.PartialApp, "--timeout", "5", "--format", "json");

        Assert.True(result.ExitCode == 3, result.ToString());
        using var report = CommandAssert.Json(result);
        var context = Assert.Single(report.RootElement.GetProperty("contexts").EnumerateArray());
        Assert.Equal("StoreContext", context.GetProperty("name").GetString());
        Assert.Contains(("StoreContext", "SL2001", (string?)"PartialApp.Invoice", (string?)"Total"), CommandAssert.Findings(report));
        var failures = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Collection(failures,
            f => Assert.StartsWith("schemalint: The model of RejectedModelContext could not be built", f),
            f => Assert.StartsWith("schemalint: Building the model of EndlessModelContext did not finish within 5 seconds", f),
            f => Assert.StartsWith("schemalint: The application's code overflowed the stack while building the model of OverflowingContext", f));
    }

    [Fact]
    public void Every_context_that_fails_is_one_sentence_of_its_own_and_no_report_is_printed_without_a_context_audited()
    {
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(2), FixtureApplications.Root, "audit", _fixtures.BrokenApp);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(string.Empty, result.Stdout.Trim());
        var failures = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, failures.Length);
        Assert.All(failures, f => Assert.StartsWith("schemalint: ", f));
        Assert.Contains(failures, f => f.Contains("ThrowingConstructorContext", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FactoryFailureContext", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("BrokenModelContext", StringComparison.Ordinal));
    }
}
