using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// Stopping schemalint stops its inner host too, and leaves no files: interrupted with SIGINT or SIGTERM, it kills the host and
/// removes its temporary files; killed outright, the host notices its command is gone and ends itself. The audited context's
/// OnModelCreating never returns, so only the stop can end the audit (the timeout is far away).
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class InterruptionTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly FixtureApplications _fixtures;
    private readonly string _temp = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public InterruptionTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void Signal_stops_the_inner_host_and_leaves_no_files(string signal, int exitCode)
    {
        using var command = StartEndlessAudit();
        var host = WaitUntilTheHostIsBuildingTheModel(command);

        command.Signal(signal);
        var result = command.WaitForExit(Guard);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal($"schemalint: Stopped by SIG{signal}: the audit and the processes it started were ended, and no report was written.", result.Stderr.Trim());
        Assert.False(RunningCommand.IsRunning(host), "The inner host is still running.");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp));
    }

    [Fact]
    public void Inner_host_ends_itself_when_schemalint_is_killed()
    {
        using var command = StartEndlessAudit();
        var host = WaitUntilTheHostIsBuildingTheModel(command);

        command.Signal("KILL");
        command.WaitForExit(Guard);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (RunningCommand.IsRunning(host) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Assert.False(RunningCommand.IsRunning(host), "The inner host outlived schemalint by 10 seconds.");
        // The killed command could not clean up its own runtime files; the host's result file and runtime files are gone.
        Assert.Empty(Directory.EnumerateFiles(_temp, "schemalint-*"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp, $"*-{host}-*"));
    }

    private RunningCommand StartEndlessAudit() =>
        SchemaLintCommand.Start(FixtureApplications.Root, new Dictionary<string, string?> { ["TMPDIR"] = _temp },
            "audit", _fixtures.PartialApp, "--context", "EndlessModelContext", "--timeout", "600");

    /// <summary>The host is running once it is a child of the command and has written its result file.</summary>
    private int WaitUntilTheHostIsBuildingTheModel(RunningCommand command)
    {
        var host = command.WaitForChild(Guard);
        var deadline = DateTime.UtcNow + Guard;
        while (!Directory.EnumerateFiles(_temp, "schemalint-*.json").Any() || !File.ReadAllText(Directory.EnumerateFiles(_temp, "schemalint-*.json").First()).Contains("BuildingModel", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The inner host never started building the model.");
            Thread.Sleep(100);
        }

        return host;
    }
}
