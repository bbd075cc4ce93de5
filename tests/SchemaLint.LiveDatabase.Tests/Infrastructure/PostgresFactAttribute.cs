namespace SchemaLint.LiveDatabase.Tests.Infrastructure;

/// <summary>
/// A fact that needs a real PostgreSQL server: skipped, with the reason, unless <see cref="PostgresServer.Variable"/> holds
/// a connection string. CI sets <see cref="PostgresServer.RequireVariable"/>, so there a missing server fails instead of skipping.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.IsRequired)
            Skip = $"No PostgreSQL server: set {PostgresServer.Variable} to an Npgsql connection string (scripts/postgres.sh start prints one).";
    }
}
