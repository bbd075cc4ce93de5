using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host
{
    /// <summary>The live database the command asked to check: the connection string from the host's environment, and the timeout.</summary>
    internal sealed class LiveDatabaseSettings
    {
        /// <summary>Shorter passwords are not masked: replacing every two-letter run in a stack trace would hide the trace, not the secret.</summary>
        private const int ShortestMaskedSecret = 4;

        private readonly string? _password;

        private LiveDatabaseSettings(string connectionString, TimeSpan timeout)
        {
            ConnectionString = connectionString;
            Timeout = timeout;
            _password = PasswordOf(connectionString);
        }

        public string ConnectionString { get; }

        public TimeSpan Timeout { get; }

        /// <summary>
        /// Reads the settings, and removes the connection string from the environment before the application's code runs: it
        /// need not see it, nor pass it to processes it starts. Null when the command asked for no database check.
        /// </summary>
        public static LiveDatabaseSettings? Take(Dictionary<string, string> arguments)
        {
            var connectionString = Environment.GetEnvironmentVariable(HostEnvironmentNames.DatabaseConnectionString);
            Environment.SetEnvironmentVariable(HostEnvironmentNames.DatabaseConnectionString, null);
            if (!arguments.TryGetValue(HostArgumentNames.DatabaseTimeoutSeconds, out var seconds)) return null;

            if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var timeoutSeconds) || timeoutSeconds <= 0)
                throw new HostFailureException(ExitCodes.InputError, $"schemalint's inner host was given the database timeout '{seconds}' instead of a number of seconds; report it.");
            if (string.IsNullOrEmpty(connectionString))
                throw new HostFailureException(ExitCodes.InputError, $"schemalint's inner host did not receive the connection string in {HostEnvironmentNames.DatabaseConnectionString}; run it through 'schemalint audit --database'.");
            return new LiveDatabaseSettings(connectionString, TimeSpan.FromSeconds(timeoutSeconds));
        }

        /// <summary>Text with the password (and the whole connection string) masked, for messages and --verbose details.</summary>
        public string Mask(string text)
        {
            if (text.Length == 0) return text;
            var masked = text.Replace(ConnectionString, "(connection string)", StringComparison.Ordinal);
            return _password is { Length: >= ShortestMaskedSecret } ? masked.Replace(_password, "***", StringComparison.Ordinal) : masked;
        }

        private static string? PasswordOf(string connectionString)
        {
            try
            {
                var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
                foreach (var key in new[] { "Password", "PWD" })
                {
                    if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } password) return password;
                }
            }
            catch (ArgumentException)
            {
                // Not a valid connection string: the database check reports that itself.
            }

            return null;
        }
    }
}
