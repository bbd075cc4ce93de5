using Npgsql;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Providers.Mapping;

namespace SchemaLint.EntityFrameworkCore.Tests.Providers;

/// <summary>The connection the database check opens to PostgreSQL gives up within the session's time, at every step.</summary>
public class SessionConnectionTests
{
    private static NpgsqlConnectionStringBuilder SessionConnection(string connectionString, TimeSpan timeout)
    {
        using var context = ModelContext.Npgsql(b => b.Entity<Invoice>());
        using var connection = LiveDatabaseConnector.CreateConnection(context, DatabaseProvider.PostgreSql, connectionString, timeout);
        return new NpgsqlConnectionStringBuilder(connection.ConnectionString);
    }

    [Fact]
    public void Connecting_is_given_the_session_s_time_in_whole_seconds()
    {
        var connection = SessionConnection("Host=db.example;Database=app;Username=app", TimeSpan.FromSeconds(2.5));

        Assert.Equal(3, connection.Timeout);
    }

    [Fact]
    public void A_query_cancelled_when_the_time_runs_out_does_not_wait_for_the_server_to_confirm()
    {
        var connection = SessionConnection("Host=db.example;Database=app;Username=app", TimeSpan.FromSeconds(2));

        Assert.Equal(-1, connection.CancellationTimeout);
    }

    [Fact]
    public void Timeouts_the_connection_string_chooses_are_kept()
    {
        var connection = SessionConnection("Host=db.example;Database=app;Username=app;Timeout=7;Cancellation Timeout=500", TimeSpan.FromSeconds(2));

        Assert.Equal(7, connection.Timeout);
        Assert.Equal(500, connection.CancellationTimeout);
    }
}
