using System;
using System.Globalization;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Commands
{
    /// <summary>The live-database check <c>--database</c>/<c>--database-env</c> ask for: where the database is, and how long it may take.</summary>
    internal sealed class DatabaseCheck
    {
        public const int DefaultTimeoutSeconds = 30;

        /// <summary>An hour: longer means something is wrong, and the wait must stay within what timers accept.</summary>
        public const int MaxTimeoutSeconds = 3600;

        private DatabaseCheck(string connectionString, int timeoutSeconds, string? environmentVariable)
        {
            ConnectionString = connectionString;
            TimeoutSeconds = timeoutSeconds;
            EnvironmentVariable = environmentVariable;
        }

        public string ConnectionString { get; }

        /// <summary>The variable --database-env named: kept from the audited application, which has no business reading it.</summary>
        public string? EnvironmentVariable { get; }

        public int TimeoutSeconds { get; }

        public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

        /// <summary>The check the options ask for, or null when they ask for none; a contradiction is an input error.</summary>
        public static DatabaseCheck? FromOptions(string? connectionString, string? variable, string? timeout)
        {
            if (connectionString is not null && variable is not null)
                throw InputError("--database and --database-env both say where the database is; give only one of them.");

            int? timeoutSeconds = null;
            if (timeout is not null)
            {
                if (!int.TryParse(timeout, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var given) || given <= 0 || given > MaxTimeoutSeconds)
                    throw InputError($"--database-timeout must be a whole number of seconds from 1 to {MaxTimeoutSeconds}, not '{timeout}'; give for example --database-timeout {DefaultTimeoutSeconds}.");
                timeoutSeconds = given;
            }

            if (variable is not null)
            {
                if (variable.Trim().Length == 0)
                    throw InputError("--database-env needs the name of an environment variable that holds the connection string, as in --database-env DATABASE_URL.");
                connectionString = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw InputError($"The environment variable '{variable}' named by --database-env is {(connectionString is null ? "not set" : "empty")}; set it to the database's Npgsql connection string, or pass --database.");
            }
            else if (connectionString is not null && connectionString.Trim().Length == 0)
            {
                throw InputError("--database was given an empty connection string; pass one such as \"Host=localhost;Database=app;Username=app;Password=...\".");
            }

            if (connectionString is null)
            {
                if (timeoutSeconds is not null)
                    throw InputError("--database-timeout applies only to the live-database check; add --database or --database-env, or drop --database-timeout.");
                return null;
            }

            return new DatabaseCheck(connectionString, timeoutSeconds ?? DefaultTimeoutSeconds, variable);
        }

        private static CommandFailure InputError(string message) => new CommandFailure(ExitCodes.InputError, message);
    }
}
