using System;

namespace SchemaLint.Cli.Commands
{
    /// <summary>A failure the command reports as one sentence on stderr and an exit code; never a stack trace unless --verbose.</summary>
    internal sealed class CommandFailure : Exception
    {
        public CommandFailure(int exitCode, string message, string? detail = null)
            : base(message)
        {
            ExitCode = exitCode;
            Detail = detail;
        }

        public int ExitCode { get; }

        /// <summary>Build output, the application's console output or an exception: shown with --verbose.</summary>
        public string? Detail { get; }
    }
}
