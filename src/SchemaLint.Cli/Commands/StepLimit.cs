using System;
using System.Globalization;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Commands
{
    /// <summary>
    /// <c>--timeout</c>: how long each step that runs the application's code may take (its startup; creating, and building the
    /// model of, each context). Per step rather than in all, so that one slow context costs its own time, not the others'.
    /// </summary>
    internal static class StepLimit
    {
        /// <summary>Building the model of 5,000 entities takes about a minute on a slow machine (BENCHMARKS.md).</summary>
        public const int DefaultSeconds = 300;

        /// <summary>An hour: longer means something is wrong, and the wait must stay within what timers accept.</summary>
        public const int MaxSeconds = 3600;

        public static TimeSpan FromOption(string? value)
        {
            if (value is null) return TimeSpan.FromSeconds(DefaultSeconds);
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > MaxSeconds)
                throw new CommandFailure(ExitCodes.InputError, $"--timeout must be a whole number of seconds from 1 to {MaxSeconds}, not '{value}'; give for example --timeout {DefaultSeconds}.");
            return TimeSpan.FromSeconds(seconds);
        }
    }
}
