using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>
/// <c>schemalint</c> running as a process the test can watch (its peak memory, its child processes) and signal, as a user's
/// shell or CI runner would. Linux only: it reads /proc and sends signals with kill(1).
/// </summary>
internal sealed class RunningCommand : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public RunningCommand(IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?>? environment)
    {
        // Started as a shell starts a command in the foreground, with SIGINT and SIGQUIT at their defaults: a test run
        // launched in the background of a script (`dotnet test ... &`) ignores both, the command inherits that, and
        // interrupting it would test nothing. env(1) resets them and execs dotnet, so the process is still the command.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT,QUIT");
        start.ArgumentList.Add("dotnet");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            if (pair.Value is null) start.Environment.Remove(pair.Key);
            else start.Environment[pair.Key] = pair.Value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>The largest resident set the command has had so far (VmHWM), or null once it has exited.</summary>
    public long? PeakMemoryBytes
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Waits for the command to end, reading its peak memory until then.</summary>
    public (ProcessResult Result, long PeakMemoryBytes) WaitWatchingMemory(TimeSpan limit)
    {
        long peak = 0;
        var deadline = DateTime.UtcNow + limit;
        while (!_process.WaitForExit(PollInterval))
        {
            peak = Math.Max(peak, PeakMemoryBytes ?? 0);
            if (DateTime.UtcNow > deadline) Fail(limit);
        }

        return (Finish(), peak);
    }

    public ProcessResult WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit)) Fail(limit);
        return Finish();
    }

    /// <summary>The command's direct child processes (the builds, the inner host), from their parent ids in /proc.</summary>
    public IReadOnlyList<int> ChildProcessIds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == Id)
            .ToList();

    /// <summary>Waits until the command has a child process running and returns its id.</summary>
    public int WaitForChild(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (ChildProcessIds() is [var child, ..]) return child;
            if (_process.HasExited) throw new Xunit.Sdk.XunitException("The command ended before it started a child process." + Environment.NewLine + Finish());
            Thread.Sleep(PollInterval);
        }

        Fail(limit);
        return 0;
    }

    public void Signal(string signal)
    {
        var kill = ProcessResult.Run("kill", new[] { "-s", signal, Id.ToString(CultureInfo.InvariantCulture) }, Path.GetTempPath());
        Assert.True(kill.ExitCode == 0, kill.ToString());
    }

    public static bool IsRunning(int processId) => Directory.Exists($"/proc/{processId}") && ParentOf(processId) is not null && !IsZombie(processId);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private ProcessResult Finish()
    {
        _process.WaitForExit();
        lock (_stdout) lock (_stderr) return new ProcessResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
    }

    private void Fail(TimeSpan limit)
    {
        _process.Kill(entireProcessTree: true);
        throw new TimeoutException($"schemalint did not finish within {limit}.{Environment.NewLine}{Finish()}");
    }

    // /proc/PID/stat: "pid (name) state ppid ..."; the name may hold spaces and parentheses, so read after the last ')'.
    private static string[]? StatFields(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int? ParentOf(int processId) => StatFields(processId) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static bool IsZombie(int processId) => StatFields(processId) is { } fields && fields[0] == "Z";
}
