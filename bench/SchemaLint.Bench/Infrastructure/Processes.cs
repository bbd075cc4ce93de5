using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaLint.Bench.Infrastructure;

/// <param name="PeakResidentKilobytes">From /usr/bin/time -v when the run was measured with it: the largest resident set of the process or any child it waited for.</param>
public sealed record ProcessResult(int ExitCode, TimeSpan Wall, string Output, long? PeakResidentKilobytes)
{
    public ProcessResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
            throw new BenchmarkFailure($"{what} failed with exit code {ExitCode}; its output ends with:\n{Tail(Output, 40)}");
        return this;
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all[Math.Max(0, all.Length - lines)..]);
    }
}

/// <summary>A benchmark step that could not run; its message says which and why.</summary>
public sealed class BenchmarkFailure(string message) : Exception(message);

public static class Processes
{
    public const string GnuTime = "/usr/bin/time";

    private static readonly Regex MaxResident = new(@"Maximum resident set size \(kbytes\):\s*(\d+)", RegexOptions.Compiled);

    public static bool CanMeasureMemory => File.Exists(GnuTime);

    /// <summary>Runs a command to completion, capturing stdout and stderr together; wall time is the harness's own stopwatch.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, bool measureMemory = false)
    {
        string? timeFile = null;
        var info = new ProcessStartInfo { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (measureMemory && CanMeasureMemory)
        {
            timeFile = Path.GetTempFileName();
            info.FileName = GnuTime;
            info.ArgumentList.Add("-v");
            info.ArgumentList.Add("-o");
            info.ArgumentList.Add(timeFile);
            info.ArgumentList.Add(fileName);
        }
        else
        {
            info.FileName = fileName;
        }

        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        stopwatch.Stop();

        long? peak = null;
        if (timeFile is not null)
        {
            var match = MaxResident.Match(File.ReadAllText(timeFile));
            if (match.Success) peak = long.Parse(match.Groups[1].Value);
            File.Delete(timeFile);
        }

        return new ProcessResult(process.ExitCode, stopwatch.Elapsed, output.ToString(), peak);
    }

    public static ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        Run("dotnet", arguments, workingDirectory);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.Append(line).Append('\n');
    }
}
