using Npgsql;

namespace SchemaLint.LiveDatabase.Tests.Infrastructure;

/// <summary>A login role with no privileges beyond PUBLIC's, created on construction and dropped on dispose (roles are cluster-wide).</summary>
public sealed class ScratchRole : IDisposable
{
    private readonly string _password = Guid.NewGuid().ToString("N");

    public ScratchRole()
    {
        Name = "schemalint_reader_" + Guid.NewGuid().ToString("N")[..12];
        PostgresServer.Execute("postgres", $"CREATE ROLE \"{Name}\" LOGIN PASSWORD '{_password}'");
    }

    public string Name { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ForDatabase(database)) { Username = Name, Password = _password }.ConnectionString;

    public void Dispose() => PostgresServer.Execute("postgres", $"DROP ROLE IF EXISTS \"{Name}\"");
}
