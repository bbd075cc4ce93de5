using System.Diagnostics;
using Npgsql;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>The timeout bounds the whole session (connecting, every catalog query, the rollback), not each phase.</summary>
public class SessionTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>How much later than the timeout the audit may give up: time to notice, not a second timeout.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>Guards the test run itself: a check that hangs fails here instead of stalling the suite.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static async Task<(LiveDatabaseException Error, TimeSpan Elapsed)> AuditFailsAsync(BudgetDatabase database, string connectionString)
    {
        var clock = Stopwatch.StartNew();
        var error = await Task.Run(() =>
        {
            using var context = database.CreateContext();
            return Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context, connectionString, timeout: Timeout));
        }).WaitAsync(Guard);
        return (error, clock.Elapsed);
    }

    [PostgresFact]
    public async Task A_server_that_stalls_after_the_handshake_times_out_within_the_given_time()
    {
        using var database = new BudgetDatabase();
        using var proxy = new StallingProxy(database.ConnectionString, marker: "current_database");

        var (error, elapsed) = await AuditFailsAsync(database, proxy.ConnectionString);

        Assert.True(proxy.Stalled, "The audit never got past the handshake.");
        Assert.Equal(LiveDatabaseErrorKind.Timeout, error.Kind);
        Assert.True(elapsed < Timeout + Slack, $"The audit took {elapsed} to give up after a {Timeout} timeout.");
    }

    [PostgresFact]
    public async Task A_statement_blocked_by_a_lock_late_in_the_session_times_out_within_the_given_time()
    {
        using var database = new BudgetDatabase();
        database.Execute("CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)");
        using var locker = new NpgsqlConnection(database.ConnectionString);
        locker.Open();
        using var transaction = locker.BeginTransaction();
        using (var command = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", locker, transaction)) command.ExecuteNonQuery();

        // Connecting and the catalog queries come first, then the history read waits for the lock.
        var (error, elapsed) = await AuditFailsAsync(database, database.ConnectionString);

        Assert.Equal(LiveDatabaseErrorKind.Timeout, error.Kind);
        Assert.True(elapsed < Timeout + Slack, $"The audit took {elapsed} to give up after a {Timeout} timeout.");
    }
}
