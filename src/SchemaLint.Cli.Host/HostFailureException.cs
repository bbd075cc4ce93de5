using System;

namespace SchemaLint.Cli.Host
{
    /// <summary>A failure the command shows as one sentence, with the exit code it documents.</summary>
    internal sealed class HostFailureException : Exception
    {
        public HostFailureException(int exitCode, string message, Exception? inner = null)
            : base(message, inner)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }
}
