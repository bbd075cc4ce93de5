using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SchemaLint.Cli.Protocol;
using SchemaLint.Cli.Targets;

namespace SchemaLint.Cli.Commands
{
    /// <summary>
    /// SIGINT, SIGTERM, SIGHUP and SIGQUIT stop the audit: every child process (a build, the inner host and whatever the
    /// application started) is killed at once, the command's temporary files are removed as the stack unwinds, and the
    /// command exits with 128 + the signal's number, as a shell reports a process the signal ended.
    /// </summary>
    internal static class Interruption
    {
        private static readonly object Gate = new object();
        private static readonly HashSet<ChildProcess> Children = new HashSet<ChildProcess>();
        private static readonly List<PosixSignalRegistration> Registrations = new List<PosixSignalRegistration>();
        private static volatile string? _signal;
        private static int _exitCode;

        public static bool IsRequested => _signal is not null;

        public static void Install()
        {
            foreach (var (signal, name, number) in new[] { (PosixSignal.SIGINT, "SIGINT", 2), (PosixSignal.SIGTERM, "SIGTERM", 15), (PosixSignal.SIGHUP, "SIGHUP", 1), (PosixSignal.SIGQUIT, "SIGQUIT", 3) })
            {
                try
                {
                    Registrations.Add(PosixSignalRegistration.Create(signal, context =>
                    {
                        // Handled here, so the runtime does not end the process before the children are gone.
                        context.Cancel = true;
                        Request(name, 128 + number);
                    }));
                }
                catch (PlatformNotSupportedException)
                {
                    // Windows has no SIGHUP or SIGQUIT; Ctrl+C and closing the console still arrive as SIGINT and SIGTERM.
                }
            }
        }

        public static void ThrowIfRequested()
        {
            if (_signal is { } signal)
                throw new CommandFailure(_exitCode, $"Stopped by {signal}: the audit and the processes it started were ended, and no report was written.");
        }

        internal static void Track(ChildProcess child)
        {
            lock (Gate)
            {
                Children.Add(child);
                // A signal that came while the child was starting would otherwise miss it.
                if (IsRequested) child.Kill();
            }
        }

        internal static void Untrack(ChildProcess child)
        {
            lock (Gate) Children.Remove(child);
        }

        private static void Request(string signal, int exitCode)
        {
            lock (Gate)
            {
                if (_signal is not null) return;
                _exitCode = exitCode;
                _signal = signal;
                foreach (var child in Children) child.Kill();
            }
        }
    }
}
