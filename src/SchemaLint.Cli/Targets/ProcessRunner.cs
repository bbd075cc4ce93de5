using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SchemaLint.Cli.Commands;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Targets
{
    internal sealed class ProcessOutcome
    {
        public ProcessOutcome(int exitCode, ProcessOutput output, bool timedOut)
        {
            ExitCode = exitCode;
            Output = output;
            TimedOut = timedOut;
        }

        public int ExitCode { get; }

        public ProcessOutput Output { get; }

        public bool TimedOut { get; }
    }

    /// <summary>
    /// What a child process printed, kept within a fixed size however much it prints: the last lines of stdout and stderr
    /// interleaved (for --verbose details), the first line that matters to the caller, and stdout in full only when asked for
    /// (MSBuild's JSON, which is small). An application that prints hundreds of megabytes costs nothing here.
    /// </summary>
    internal sealed class ProcessOutput
    {
        public const int KeptLines = 100;
        public const int LongestLine = 2000;

        /// <summary>Even a small stdout that the caller keeps is capped: past this, the rest is dropped.</summary>
        private const int LongestKeptStdout = 1 << 20;

        private readonly object _gate = new object();
        private readonly Queue<string> _tail = new Queue<string>();
        private readonly StringBuilder? _stdout;
        private readonly Func<string, bool>? _remember;
        private readonly Action<string>? _echo;

        public ProcessOutput(bool keepStdout = false, Func<string, bool>? remember = null, Action<string>? echo = null)
        {
            _stdout = keepStdout ? new StringBuilder() : null;
            _remember = remember;
            _echo = echo;
        }

        /// <summary>The first line (of either stream) that the caller's predicate picked, such as a compiler error.</summary>
        public string? Remembered { get; private set; }

        /// <summary>Lines of stderr seen at any point, matched exactly (after trimming) against <see cref="WatchedStderrLines"/>.</summary>
        public ISet<string> SeenOnStderr { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Lines whose appearance on stderr the caller needs to know about even when they scrolled out of the tail.</summary>
        public ISet<string> WatchedStderrLines { get; } = new HashSet<string>(StringComparer.Ordinal);

        public string Stdout
        {
            get { lock (_gate) return _stdout?.ToString() ?? string.Empty; }
        }

        public IReadOnlyList<string> Tail
        {
            get { lock (_gate) return _tail.ToArray(); }
        }

        public override string ToString() => string.Join(Environment.NewLine, Tail);

        internal void Add(string line, bool fromStderr)
        {
            lock (_gate)
            {
                if (_tail.Count == KeptLines) _tail.Dequeue();
                _tail.Enqueue(line);
                if (_stdout is not null && !fromStderr && _stdout.Length < LongestKeptStdout) _stdout.AppendLine(line);
                if (Remembered is null && _remember is not null && _remember(line)) Remembered = line;
                if (fromStderr && WatchedStderrLines.Contains(line.Trim())) SeenOnStderr.Add(line.Trim());
            }

            _echo?.Invoke(line);
        }

        /// <summary>Reads a stream to its end in fixed-size pieces; a line longer than <see cref="LongestLine"/> keeps its start only.</summary>
        internal async Task ReadAsync(TextReader reader, bool fromStderr)
        {
            var buffer = new char[8192];
            var line = new StringBuilder();
            var truncated = false;
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var c = buffer[i];
                    if (c == '\n')
                    {
                        Add(Finish(line, truncated), fromStderr);
                        line.Clear();
                        truncated = false;
                    }
                    else if (line.Length < LongestLine)
                    {
                        line.Append(c);
                    }
                    else
                    {
                        truncated = true;
                    }
                }
            }

            if (line.Length > 0) Add(Finish(line, truncated), fromStderr);
        }

        private static string Finish(StringBuilder line, bool truncated)
        {
            var text = line.ToString().TrimEnd('\r');
            return truncated ? text + "..." : text;
        }
    }

    /// <summary>A child process (dotnet build, msbuild, the inner host) whose output is read as it comes.</summary>
    internal sealed class ChildProcess : IDisposable
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

        private readonly Process _process;
        private readonly Task _readers;

        private ChildProcess(Process process, ProcessOutput output)
        {
            _process = process;
            Output = output;
            _readers = Task.WhenAll(
                Task.Run(() => output.ReadAsync(process.StandardOutput, fromStderr: false)),
                Task.Run(() => output.ReadAsync(process.StandardError, fromStderr: true)));
        }

        public ProcessOutput Output { get; }

        public int Id => _process.Id;

        public int ExitCode => _process.ExitCode;

        /// <summary>Starts the dotnet host; a variable mapped to null is removed from the child's environment.</summary>
        public static ChildProcess StartDotnet(IEnumerable<string> arguments, string workingDirectory, ProcessOutput output, IDictionary<string, string?>? environment = null)
        {
            Interruption.ThrowIfRequested();
            var start = new ProcessStartInfo(ProcessRunner.DotnetHostPath())
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
                foreach (var pair in environment)
                {
                    if (pair.Value is null) start.Environment.Remove(pair.Key);
                    else start.Environment[pair.Key] = pair.Value;
                }
            }

            // The SDK's build servers outlive the build and would keep our pipes open; nobody waits for them here.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            var process = new Process { StartInfo = start };
            process.Start();
            var child = new ChildProcess(process, output);
            Interruption.Track(child);
            process.StandardInput.Close(); // an application that reads the console must not wait for a user
            return child;
        }

        /// <summary>
        /// Waits until the process ends, <paramref name="keepWaiting"/> says to stop (checked every 100 ms), or the user
        /// interrupts schemalint; the latter kills the process and everything it started before the interruption is thrown.
        /// </summary>
        public bool WaitForExit(Func<bool> keepWaiting)
        {
            while (!_process.WaitForExit(PollInterval))
            {
                if (Interruption.IsRequested)
                {
                    Kill();
                    Interruption.ThrowIfRequested();
                }

                if (!keepWaiting()) return false;
            }

            // The process is gone; its pipes close once every process that inherited them is gone too.
            _readers.Wait(TimeSpan.FromSeconds(5));

            // A signal kills the children from its own thread: the process ended because of it, not on its own.
            Interruption.ThrowIfRequested();
            return true;
        }

        public void Kill()
        {
            var running = !_process.HasExited;
            try
            {
                if (running) _process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
            {
                // It ended meanwhile.
            }

            if (running) _process.WaitForExit(TimeSpan.FromSeconds(10));
            _readers.Wait(TimeSpan.FromSeconds(5));
        }

        /// <summary>Also removes what the runtime of a process that was killed or crashed could not (after a clean exit there is nothing).</summary>
        public void Dispose()
        {
            Interruption.Untrack(this);
            if (_process.HasExited) RuntimeFiles.RemoveFor(_process.Id);
            _process.Dispose();
        }
    }

    /// <summary>Runs the dotnet host (builds, property queries) to completion within a time limit.</summary>
    internal static class ProcessRunner
    {
        public static ProcessOutcome RunDotnet(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, ProcessOutput? output = null)
        {
            output ??= new ProcessOutput();
            using var child = ChildProcess.StartDotnet(arguments, workingDirectory, output);
            var deadline = DateTime.UtcNow + timeout;
            if (!child.WaitForExit(() => DateTime.UtcNow < deadline))
            {
                child.Kill();
                return new ProcessOutcome(-1, output, timedOut: true);
            }

            return new ProcessOutcome(child.ExitCode, output, timedOut: false);
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
