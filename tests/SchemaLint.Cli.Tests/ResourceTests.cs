using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>What the audit costs and what the audited application gets to see: bounded memory, no serving, no secrets.</summary>
[Collection(CommandCollection.Name)]
public sealed class ResourceTests : IDisposable
{
    /// <summary>schemalint needs about 70 MB for a small audit; keeping the application's 200 MB of output would need far more.</summary>
    private const long MemoryLimitBytes = 150L * 1024 * 1024;

    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public ResourceTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Application_printing_200_MB_is_audited_without_schemalint_keeping_its_output()
    {
        using var command = SchemaLintCommand.Start(FixtureApplications.Root, null, "audit", _fixtures.UnrulyApp, "--context", "ChattyContext", "--format", "json");

        var (result, peak) = command.WaitWatchingMemory(TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("ChattyContext", "SL2001", (string?)"UnrulyApp.Payment", (string?)"Amount"), CommandAssert.Findings(report));
        Assert.True(peak < MemoryLimitBytes, $"schemalint peaked at {peak / (1024 * 1024)} MB while the application printed 200 MB.");
    }

    [Fact]
    public void Main_that_serves_without_building_a_host_is_never_run_and_the_failure_says_why()
    {
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(1), FixtureApplications.Root, "audit", _fixtures.NoHostApp, "--verbose");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain("NoHostApp is serving", result.Stderr);
        var failure = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("schemalint: ", StringComparison.Ordinal));
        Assert.Contains("TicketsContext cannot be created", failure);
        Assert.Contains("its Main builds no host (nothing in 'NoHostApp.dll' or what it uses refers to Microsoft.Extensions.Hosting), so schemalint did not run it", failure);
    }

    [Fact]
    public void Main_that_could_build_a_host_but_serves_by_itself_is_given_up_on_as_soon_as_it_accepts_connections()
    {
        // The default --timeout is 300 seconds: only noticing the accepting socket ends this within the guard.
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(1), FixtureApplications.Root, "audit", _fixtures.SelfServingApp);

        var message = CommandAssert.FailsWithOneSentence(result, 3);
        Assert.Contains("QuotesContext cannot be created", message);
        Assert.Contains("its Main began accepting connections without building a host, so schemalint stopped waiting for one", message);
    }

    [Fact]
    public void Variable_named_by_database_env_is_removed_from_the_audited_application_s_environment()
    {
        var probe = Path.Combine(_scratch, "probe.txt");
        var environment = new Dictionary<string, string?>
        {
            // Nothing listens there: the check fails fast after the factory ran, which is all this test needs.
            ["PROBE_DATABASE"] = $"Host=127.0.0.1;Port={LoopbackEndpoints.UnusedPort()};Database=probe;Username=probe;Password=probe-secret",
            ["PROBE_REPORT"] = probe,
        };

        var result = SchemaLintCommand.Run(FixtureApplications.Root, environment, "audit", _fixtures.UnrulyApp, "--context", "EnvironmentProbeContext", "--database-env", "PROBE_DATABASE", "--database-timeout", "5");

        Assert.True(File.Exists(probe), "The factory did not run." + Environment.NewLine + result);
        Assert.Equal("PROBE_DATABASE is hidden", File.ReadAllText(probe));
        Assert.DoesNotContain("probe-secret", result.Stderr);
    }
}
