using System;
using System.Data.Common;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>Where a connection string points, in words an error message can use; never the password.</summary>
    internal sealed class ConnectionTarget
    {
        private ConnectionTarget(string server, string? database, string? user)
        {
            Server = server;
            Database = database;
            User = user;
        }

        public string Server { get; }
        public string? Database { get; }
        public string? User { get; }

        public static ConnectionTarget Parse(string? connectionString)
        {
            var builder = new DbConnectionStringBuilder();
            try
            {
                builder.ConnectionString = connectionString ?? string.Empty;
            }
            catch (ArgumentException)
            {
                return new ConnectionTarget("the server", null, null);
            }

            var host = Value(builder, "Host", "Server", "Data Source") ?? "localhost";
            var port = Value(builder, "Port");
            return new ConnectionTarget(port is null ? host : host + ":" + port, Value(builder, "Database", "Initial Catalog", "DB"), Value(builder, "Username", "User Id", "User Name", "User", "UserId"));
        }

        public string DatabaseDescription => Database is null ? "the database on " + Server : $"database '{Database}' on {Server}";

        private static string? Value(DbConnectionStringBuilder builder, params string[] keys)
        {
            foreach (var key in keys)
            {
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text) return text;
            }

            return null;
        }
    }
}
