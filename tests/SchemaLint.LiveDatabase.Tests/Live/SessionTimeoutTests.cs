using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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
        // The model is built before the session starts; build it first, so that the clock measures the session alone.
        using (var warm = database.CreateContext()) _ = warm.GetService<IDesignTimeModel>().Model;
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
    public async Task A_slow_handshake_and_a_statement_blocked_by_a_lock_share_one_timeout()
    {
        using var database = new BudgetDatabase();
        database.Execute("CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)");
        using var locker = new NpgsqlConnection(database.ConnectionString);
        locker.Open();
        using var transaction = locker.BeginTransaction();
        using (var command = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", locker, transaction)) command.ExecuteNonQuery();
        using var slow = new StallingProxy(database.ConnectionString, marker: null, firstReplyDelay: Timeout * 0.9);

        // Connecting takes most of the time; the catalog queries follow, then the history read waits for the lock.
        var (error, elapsed) = await AuditFailsAsync(database, slow.ConnectionString);

        Assert.Equal(LiveDatabaseErrorKind.Timeout, error.Kind);
        Assert.True(elapsed < Timeout + Slack, $"The audit took {elapsed} to give up after a {Timeout} timeout.");
    }
}
