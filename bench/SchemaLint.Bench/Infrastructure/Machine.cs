using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SchemaLint.Bench.Infrastructure;

/// <summary>What the figures were measured on: every ratio in the report is only comparable within one machine and run.</summary>
/// <param name="Commit">The code measured: the repository's commit, marked when its tracked files had changes; null when git could not say (results saved before it was recorded, too).</param>
public sealed record Machine(int Processors, string Memory, string Cpu, string Os, string Sdk, string Runtime, DateTime StartedUtc, string? Commit = null)
{
    public static Machine Describe(string repositoryRoot)
    {
        var sdk = Processes.Dotnet(repositoryRoot, "--version").Output.Trim();
        return new Machine(Environment.ProcessorCount, MemoryTotal(), CpuModel(), RuntimeInformation.OSDescription, sdk, RuntimeInformation.FrameworkDescription, DateTime.UtcNow, CommitOf(repositoryRoot));
    }

    /// <summary>
    /// The commit checked out, with a note when tracked files differ from it: a figure is only worth comparing with the run
    /// of another commit when the reader knows which code each measured. Null outside a git work tree or without git.
    /// </summary>
    private static string? CommitOf(string repositoryRoot)
    {
        try
        {
            var head = Processes.Run("git", ["rev-parse", "--short", "HEAD"], repositoryRoot);
            if (head.ExitCode != 0) return null;
            var changes = Processes.Run("git", ["status", "--porcelain", "--untracked-files=no"], repositoryRoot);
            return head.Output.Trim() + (changes.ExitCode == 0 && changes.Output.Trim().Length > 0 ? " with uncommitted changes" : string.Empty);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The 1-minute load average: other processes on the machine compete for the same cores.</summary>
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static string MemoryTotal()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        if (line is null) return "unknown";
        var kilobytes = long.Parse(new string(line.Where(char.IsDigit).ToArray()));
        return $"{kilobytes / 1024.0 / 1024.0:F1} GiB";
    }

    private static string CpuModel()
    {
        var line = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
}
