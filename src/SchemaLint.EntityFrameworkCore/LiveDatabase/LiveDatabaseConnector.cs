using System;
using System.Data.Common;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Opens a connection of the application's own provider type (no Npgsql reference here, so no version clash), and turns
    /// the ways that fails into <see cref="LiveDatabaseException"/>s with one-sentence messages.
    /// </summary>
    internal static class LiveDatabaseConnector
    {
        public const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

        private const int NpgsqlMaxConnectTimeoutSeconds = 1024;

        /// <summary>Npgsql's "Cancellation Timeout" for "send the cancel request, do not wait for the server's reply".</summary>
        private const int NoWaitForCancellation = -1;

        /// <summary>How long an abandoned connection may stay in the provider's own connect attempt before it is disposed regardless.</summary>
        private static readonly TimeSpan AbandonedConnectingLimit = TimeSpan.FromSeconds(NpgsqlMaxConnectTimeoutSeconds);

        public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

        /// <summary>The database kinds the check can read: PostgreSQL and SQLite.</summary>
        public static DatabaseProvider EnsureSupported(DbContext context)
        {
            var provider = context.Database.ProviderName;
            if (string.Equals(provider, NpgsqlProviderName, StringComparison.Ordinal)) return DatabaseProvider.PostgreSql;
            if (string.Equals(provider, SqliteProviderName, StringComparison.Ordinal)) return DatabaseProvider.Sqlite;
            throw new LiveDatabaseException(LiveDatabaseErrorKind.UnsupportedProvider,
                $"The database check reads PostgreSQL and SQLite databases only, but {context.GetType().Name} uses the provider '{provider ?? "none"}'; configure the context with UseNpgsql or UseSqlite.");
        }

        /// <summary>A new, closed connection of the context's provider; the context's own connection is left alone.</summary>
        public static DbConnection CreateConnection(DbContext context, DatabaseProvider provider, string? connectionString, TimeSpan timeout)
        {
            DbConnection prototype;
            try
            {
                prototype = context.Database.GetDbConnection();
            }
            catch (ArgumentException e)
            {
                throw InvalidConnectionString(e);
            }

            connectionString ??= context.Database.GetConnectionString();
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new LiveDatabaseException(LiveDatabaseErrorKind.InvalidConnectionString,
                    $"No connection string was given and {context.GetType().Name} is configured without one; pass the database's connection string.");

            var factory = DbProviderFactories.GetFactory(prototype);
            var connection = factory?.CreateConnection() ?? throw new LiveDatabaseException(LiveDatabaseErrorKind.UnsupportedProvider,
                $"The provider's connection type {prototype.GetType().Name} cannot create connections; pass an open DbConnection instead.");
            try
            {
                connection.ConnectionString = provider == DatabaseProvider.Sqlite
                    ? ReadOnlySqlite(factory!, connectionString!, timeout)
                    : WithSessionTimeouts(factory!, connectionString!, timeout);
            }
            catch (ArgumentException e)
            {
                connection.Dispose();
                throw InvalidConnectionString(e);
            }
            catch (LiveDatabaseException)
            {
                connection.Dispose();
                throw;
            }

            return connection;
        }

        /// <summary>
        /// Npgsql does not honour cancellation during its startup handshake, only its own connect timeout (15 s by default):
        /// set that to the audit's timeout unless the connection string chose one. And when the session's time runs out,
        /// Npgsql answers the cancelled token by sending the server a cancel request and waiting for its reply (2 s by default)
        /// on the thread that cancelled: the session abandons the connection anyway, so it does not wait (-1), unless the
        /// connection string chose otherwise.
        /// </summary>
        private static string WithSessionTimeouts(DbProviderFactory factory, string connectionString, TimeSpan timeout)
        {
            var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
            var connectTimeoutGiven = given.ContainsKey("Timeout") || given.ContainsKey("Connect Timeout") || given.ContainsKey("Connection Timeout");
            var cancellationTimeoutGiven = given.ContainsKey("Cancellation Timeout");
            if (connectTimeoutGiven && cancellationTimeoutGiven) return connectionString;
            var builder = factory.CreateConnectionStringBuilder();
            if (builder is null) return connectionString;
            builder.ConnectionString = connectionString;
            if (!connectTimeoutGiven) builder["Timeout"] = Math.Min(NpgsqlMaxConnectTimeoutSeconds, Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)));
            if (!cancellationTimeoutGiven) builder["Cancellation Timeout"] = NoWaitForCancellation;
            return builder.ConnectionString;
        }

        /// <summary>
        /// SQLite opens the file read-only whatever the connection string says (so the check can neither change nor create
        /// it), and waits for a writer's lock no longer than the session may last. A file that is not there is named plainly,
        /// rather than left to SQLite's "unable to open database file".
        /// </summary>
        private static string ReadOnlySqlite(DbProviderFactory factory, string connectionString, TimeSpan timeout)
        {
            var builder = factory.CreateConnectionStringBuilder() ?? new DbConnectionStringBuilder();
            builder.ConnectionString = connectionString;
            var dataSource = (builder.TryGetValue("Data Source", out var value) ? value?.ToString() : null) ?? string.Empty;
            if (dataSource.Length == 0 || dataSource == ":memory:" || (builder.TryGetValue("Mode", out var mode) && string.Equals(mode?.ToString(), "Memory", StringComparison.OrdinalIgnoreCase)))
                throw new LiveDatabaseException(LiveDatabaseErrorKind.InvalidConnectionString,
                    "The SQLite connection string names no database file (an in-memory database has no schema to check); give the file, as in 'Data Source=app.db'.");
            if (!dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !dataSource.Contains("|DataDirectory|") && !File.Exists(Path.GetFullPath(dataSource)))
                throw new LiveDatabaseException(LiveDatabaseErrorKind.DatabaseMissing,
                    $"There is no SQLite database file at {Path.GetFullPath(dataSource)}; check the Data Source in the connection string (a relative path is taken from {Directory.GetCurrentDirectory()}).");
            builder["Mode"] = "ReadOnly";
            if (!builder.ContainsKey("Default Timeout") && !builder.ContainsKey("Command Timeout"))
                builder["Default Timeout"] = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            return builder.ConnectionString;
        }

        private static LiveDatabaseException InvalidConnectionString(ArgumentException error) =>
            new(LiveDatabaseErrorKind.InvalidConnectionString,
                $"The connection string is not valid ({FirstSentence(error.Message)}); check its keywords, as in 'Host=localhost;Database=app;Username=app;Password=...'.", error);

        /// <summary>Some providers ignore cancellation while resolving a host or in a handshake: the session's deadline bounds the wait regardless.</summary>
        public static Task OpenAsync(DbConnection connection, SessionDeadline deadline, CancellationToken cancellationToken) =>
            deadline.Bound(connection.OpenAsync(cancellationToken), cancellationToken);

        /// <summary>
        /// Closes a connection the session gave up on, in the background: it may still be connecting (it cannot be closed
        /// until the provider's connect timeout, set to the session's, ends that) or waiting on a server that stopped answering.
        /// </summary>
        public static void Abandon(DbConnection connection, bool dispose)
        {
            _ = Task.Run(async () =>
            {
                var waiting = System.Diagnostics.Stopwatch.StartNew();
                while (connection.State == System.Data.ConnectionState.Connecting && waiting.Elapsed < AbandonedConnectingLimit)
                    await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
                try
                {
                    if (dispose) await connection.DisposeAsync().ConfigureAwait(false);
                    else await connection.CloseAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is DbException or InvalidOperationException or IOException or ObjectDisposedException or SocketException)
                {
                    // The session already failed and said why; a connection that cannot even be closed has nothing to add.
                }
            });
        }

        public static LiveDatabaseException Classify(Exception error, string? connectionString, TimeSpan timeout, bool timedOut)
        {
            if (error is LiveDatabaseException known) return known;
            var target = ConnectionTarget.Parse(connectionString);
            var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
            if (timedOut || error is TimeoutException || Find<TimeoutException>(error) is not null || SqlState(error) == "57014")
                return new LiveDatabaseException(LiveDatabaseErrorKind.Timeout,
                    $"The {target.DatabaseDescription} did not answer within {seconds} second{(seconds == 1 ? string.Empty : "s")}; check that the server is reachable, or allow more time with a longer timeout (--database-timeout).", error);

            switch (SqlState(error))
            {
                case "28P01":
                case "28000":
                    return new LiveDatabaseException(LiveDatabaseErrorKind.AuthenticationFailed,
                        $"The server at {target.Server} rejected the credentials{(target.User is null ? string.Empty : $" of user '{target.User}'")}; check the username and password in the connection string.", error);
                case "3D000":
                    return new LiveDatabaseException(LiveDatabaseErrorKind.DatabaseMissing,
                        $"The server at {target.Server} has no {(target.Database is null ? "such database" : $"database '{target.Database}'")}; check the Database in the connection string.", error);
                case "42501":
                    return new LiveDatabaseException(LiveDatabaseErrorKind.PermissionDenied,
                        $"The user{(target.User is null ? string.Empty : $" '{target.User}'")} was refused reading the {target.DatabaseDescription} ({ServerMessage(error)}); grant that privilege, or connect as a user that can read its tables' definitions.", error);
            }

            var socket = Find<SocketException>(error);
            if (socket is not null || (error is DbException && Find<IOException>(error) is not null))
                return new LiveDatabaseException(LiveDatabaseErrorKind.Unreachable,
                    $"Could not connect to the database server at {target.Server} ({FirstSentence(socket?.Message ?? error.Message)}); check that it is running and that the host and port in the connection string are right.", error);

            return new LiveDatabaseException(LiveDatabaseErrorKind.Failed,
                $"Reading the schema of the {target.DatabaseDescription} failed: {FirstSentence(error.Message)}.", error);
        }

        /// <summary>The server's own words (Npgsql prefixes the SQLSTATE: "42501: permission denied for table x"), which name the object.</summary>
        private static string ServerMessage(Exception error)
        {
            for (var current = error; current is not null; current = current.InnerException)
            {
                if (current is DbException { SqlState: { Length: > 0 } state } database)
                {
                    var message = FirstSentence(database.Message);
                    return message.StartsWith(state + ": ", StringComparison.Ordinal) ? message.Substring(state.Length + 2) : message;
                }
            }

            return FirstSentence(error.Message);
        }

        private static string? SqlState(Exception error)
        {
            for (var current = error; current is not null; current = current.InnerException)
            {
                if (current is DbException { SqlState: { Length: > 0 } state }) return state;
            }

            return null;
        }

        private static T? Find<T>(Exception error) where T : Exception
        {
            for (var current = error; current is not null; current = current.InnerException)
            {
                if (current is T match) return match;
            }

            return null;
        }

        private static string FirstSentence(string message)
        {
            var line = message.Split('\n')[0].Trim();
            return line.TrimEnd('.');
        }
    }
}
