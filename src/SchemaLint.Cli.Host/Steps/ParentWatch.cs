using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host.Steps
{
    /// <summary>
    /// Ends the host when the command that started it is gone. The command kills the host when it is interrupted, but a
    /// command that is itself killed (SIGKILL) cannot; the host would otherwise run on, re-parented, with nobody to read it.
    /// </summary>
    internal static class ParentWatch
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

        public static void Start(Dictionary<string, string> arguments, string resultPath)
        {
            if (!arguments.TryGetValue(HostArgumentNames.ParentProcessId, out var value)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parentId)) return;

            Process parent;
            try
            {
                parent = Process.GetProcessById(parentId);
            }
            catch (ArgumentException)
            {
                EndOrphan(resultPath);
                return;
            }

            var watch = new Thread(() =>
            {
                while (!HasExited(parent)) Thread.Sleep(Interval);
                EndOrphan(resultPath);
            })
            {
                IsBackground = true,
                Name = "schemalint parent watch",
            };
            watch.Start();
        }

        private static bool HasExited(Process parent)
        {
            try
            {
                return parent.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        /// <summary>Nobody will read the result: remove it, and end at once, without running the application's exit handlers.</summary>
        private static void EndOrphan(string resultPath)
        {
            foreach (var path in new[] { resultPath, HostResult.PartialPath(resultPath) })
            {
                try { File.Delete(path); } catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { /* the process ends either way */ }
            }

            RuntimeFiles.RemoveFor(Environment.ProcessId);
            Process.GetCurrentProcess().Kill();
        }
    }
}
