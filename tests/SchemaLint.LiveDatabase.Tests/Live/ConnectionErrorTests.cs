using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using BudgetTracker.Reviewed;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>Each way the database can be out of reach gives its own kind and one sentence, never a provider's stack trace.</summary>
public class ConnectionErrorTests
{
    private static BudgetContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<BudgetContext>().UseNpgsql(connectionString).Options);

    private static LiveDatabaseException AuditFails(string connectionString, TimeSpan? timeout = null)
    {
        using var context = Context(connectionString);
        return Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context, connectionString, timeout: timeout));
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public void An_unreachable_server_is_named_with_its_host_and_port()
    {
        var port = UnusedPort();

        var error = AuditFails($"Host=127.0.0.1;Port={port};Database=budget;Username=budget;Password=secret");

        Assert.Equal(LiveDatabaseErrorKind.Unreachable, error.Kind);
        Assert.StartsWith($"Could not connect to the database server at 127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_after_the_given_time()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var clock = Stopwatch.StartNew();

        var error = AuditFails($"Host=127.0.0.1;Port={port};Database=budget;Username=budget;Password=secret", TimeSpan.FromSeconds(1));

        Assert.Equal(LiveDatabaseErrorKind.Timeout, error.Kind);
        Assert.Contains("did not answer within 1 second;", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The audit took {clock.Elapsed} to give up.");
    }

    [Fact]
    public void A_connection_string_with_an_unknown_keyword_is_invalid()
    {
        var error = AuditFails("Host=127.0.0.1;Databse=budget");

        Assert.Equal(LiveDatabaseErrorKind.InvalidConnectionString, error.Kind);
    }

    [PostgresFact]
    public void Wrong_credentials_name_the_user_but_never_the_password()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.RequireConnectionString()) { Password = "not-the-password" }.ConnectionString;

        var error = AuditFails(connectionString);

        Assert.Equal(LiveDatabaseErrorKind.AuthenticationFailed, error.Kind);
        Assert.Contains("rejected the credentials of user 'postgres'", error.Message);
        Assert.DoesNotContain("not-the-password", error.Message);
    }

    [PostgresFact]
    public void A_database_that_does_not_exist_is_named()
    {
        var error = AuditFails(PostgresServer.ForDatabase("schemalint_no_such_database"));

        Assert.Equal(LiveDatabaseErrorKind.DatabaseMissing, error.Kind);
        Assert.Contains("no database 'schemalint_no_such_database'", error.Message);
    }

    [PostgresFact]
    public void A_database_without_any_of_the_models_tables_is_refused()
    {
        using var empty = new ScratchDatabase();

        var error = AuditFails(empty.ConnectionString);

        Assert.Equal(LiveDatabaseErrorKind.SchemaMissing, error.Kind);
        Assert.StartsWith($"The database '{empty.Name}' has none of the 3 tables the model maps", error.Message);
    }

    [PostgresFact]
    public void A_connection_the_caller_opened_stays_open_and_outside_any_transaction()
    {
        using var database = new BudgetDatabase();
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var context = database.CreateContext();

        var report = LiveDatabaseAudit.RunAsync(context, connection).GetAwaiter().GetResult();

        Assert.NotNull(report.Model.LiveDatabase);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        using var command = new NpgsqlCommand("SHOW transaction_read_only", connection);
        Assert.Equal("off", command.ExecuteScalar());
    }
}
