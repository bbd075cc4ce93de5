using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SchemaLint.Bench.Infrastructure;

/// <summary>What the figures were measured on: every ratio in the report is only comparable within one machine and run.</summary>
public sealed record Machine(int Processors, string Memory, string Cpu, string Os, string Sdk, string Runtime, DateTime StartedUtc)
{
    public static Machine Describe(string repositoryRoot)
    {
        var sdk = Processes.Dotnet(repositoryRoot, "--version").Output.Trim();
        return new Machine(Environment.ProcessorCount, MemoryTotal(), CpuModel(), RuntimeInformation.OSDescription, sdk, RuntimeInformation.FrameworkDescription, DateTime.UtcNow);
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
