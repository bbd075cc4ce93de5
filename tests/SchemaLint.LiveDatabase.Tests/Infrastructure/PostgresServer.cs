using Npgsql;

namespace SchemaLint.LiveDatabase.Tests.Infrastructure;

/// <summary>The server the live tests use, and throwaway databases on it.</summary>
public static class PostgresServer
{
    public const string Variable = "SCHEMALINT_TEST_POSTGRES";
    public const string RequireVariable = "SCHEMALINT_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set, but {RequireVariable}=1 says a PostgreSQL server must be there; start one with scripts/postgres.sh start.");

    /// <summary>The server's connection string pointed at another database.</summary>
    public static string ForDatabase(string database) => new NpgsqlConnectionStringBuilder(RequireConnectionString()) { Database = database, Pooling = false }.ConnectionString;

    public static void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(ForDatabase(database));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A database with a unique name, created on construction and dropped on dispose.</summary>
public sealed class ScratchDatabase : IDisposable
{
    public ScratchDatabase()
    {
        Name = "schemalint_" + Guid.NewGuid().ToString("N")[..16];
        PostgresServer.Execute("postgres", $"CREATE DATABASE \"{Name}\"");
        ConnectionString = PostgresServer.ForDatabase(Name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Execute(string sql) => PostgresServer.Execute(Name, sql);

    public void Dispose() => PostgresServer.Execute("postgres", $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
}
