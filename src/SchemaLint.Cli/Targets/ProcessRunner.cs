using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SchemaLint.Cli.Targets
{
    internal sealed class ProcessOutcome
    {
        public ProcessOutcome(int exitCode, string output, bool timedOut)
        {
            ExitCode = exitCode;
            Output = output;
            TimedOut = timedOut;
        }

        public int ExitCode { get; }

        /// <summary>Stdout and stderr interleaved as they arrived.</summary>
        public string Output { get; }

        public bool TimedOut { get; }
    }

    /// <summary>Runs the dotnet host (builds, property queries, the inner host) and collects its output.</summary>
    internal static class ProcessRunner
    {
        public static ProcessOutcome RunDotnet(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null, Action<string>? echo = null)
        {
            var start = new ProcessStartInfo(DotnetHostPath())
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            if (environment is not null)
            {
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            }

            // The SDK's build servers outlive the build and would keep our pipes open; nobody waits for them here.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            void Collect(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is null) return;
                lock (output) output.AppendLine(e.Data);
                echo?.Invoke(e.Data);
            }

            process.OutputDataReceived += Collect;
            process.ErrorDataReceived += Collect;
            process.Start();
            process.StandardInput.Close(); // an application that reads the console must not wait for a user
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* it ended meanwhile */ }
                process.WaitForExit();
                return new ProcessOutcome(-1, output.ToString(), timedOut: true);
            }

            process.WaitForExit(); // flushes the asynchronous readers
            return new ProcessOutcome(process.ExitCode, output.ToString(), timedOut: false);
        }

        /// <summary>
        /// The dotnet host that runs this command: the CLI sets DOTNET_HOST_PATH for tools; an installed tool runs
        /// through its apphost, which finds the runtime through DOTNET_ROOT or PATH, as we do.
        /// </summary>
        public static string DotnetHostPath()
        {
            var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
            var processPath = Environment.ProcessPath;
            if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return processPath;
            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, executable))) return Path.Combine(root, executable);
            return executable;
        }
    }
}
