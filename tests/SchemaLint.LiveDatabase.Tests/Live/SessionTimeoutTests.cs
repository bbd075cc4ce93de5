using System.Diagnostics;
using Npgsql;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>Clocks run alone: another test's work in this process would be measured with them.</summary>
[CollectionDefinition(nameof(SessionTimeoutTests), DisableParallelization = true)]
public sealed class SessionTimeoutCollection
{
}

/// <summary>The timeout bounds the whole session (connecting, every catalog query, the rollback), not each phase.</summary>
[Collection(nameof(SessionTimeoutTests))]
public class SessionTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How much later than the timeout the read may give up: time to notice on a machine busy with other test runs, and
    /// still short of a second timeout (the slow handshake alone takes 90% of one, so two would end after 7.6 s).
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    /// <summary>Guards the test run itself: a check that hangs fails here instead of stalling the suite.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads the database once through a direct connection, so that the clocked read runs code that is already compiled: on
    /// a loaded machine, compiling the provider's connect path can take longer than the slack and is not what the limit bounds.
    /// </summary>
    private static async Task WarmAsync(BudgetDatabase database)
    {
        using var context = database.CreateContext();
        _ = await LiveDatabaseReader.ReadAsync(context, database.ConnectionString, Timeout);
    }

    /// <summary>
    /// Clocks the session alone (the reader that owns the limit), awaited rather than blocked on: mapping the model and reading
    /// the application's migrations come before the session starts, and a blocked pool thread would measure the thread pool.
    /// </summary>
    private static async Task<(LiveDatabaseException Error, TimeSpan Elapsed)> ReadFailsAsync(BudgetDatabase database, string connectionString)
    {
        using var context = database.CreateContext();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LiveDatabaseException>(() => LiveDatabaseReader.ReadAsync(context, connectionString, Timeout).WaitAsync(Guard));
        return (error, clock.Elapsed);
    }

    [PostgresFact]
    public async Task A_server_that_stalls_after_the_handshake_times_out_within_the_given_time()
    {
        using var database = new BudgetDatabase();
        await WarmAsync(database);
        using var proxy = new StallingProxy(database.ConnectionString, marker: "current_database");

        var (error, elapsed) = await ReadFailsAsync(database, proxy.ConnectionString);

        Assert.True(proxy.Stalled, "The read never got past the handshake.");
        Assert.Equal(LiveDatabaseErrorKind.Timeout, error.Kind);
        Assert.True(elapsed < Timeout + Slack, $"The read took {elapsed} to give up after a {Timeout} timeout.");
    }

    [PostgresFact]
    public async Task A_slow_handshake_and_a_statement_blocked_by_a_lock_share_one_timeout()
    {
        using var database = new BudgetDatabase();
        await WarmAsync(database);
        database.Execute("CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)");
        using var locker = new NpgsqlConnection(database.ConnectionString);
        locker.Open();
        using var transaction = locker.BeginTransaction();
        using (var command = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", locker, transaction)) command.ExecuteNonQuery();
        using var slow = new StallingProxy(database.ConnectionString, marker: null, firstReplyDelay: Timeout * 0.9);

        // Connecting takes most of the time; the catalog queries follow, then the history read waits for the lock.
        var (error, elapsed) = await ReadFailsAsync(database, slow.ConnectionString);

        Assert.Equal(LiveDatabaseErrorKind.Timeout, error.Kind);
        Assert.True(elapsed < Timeout + Slack, $"The read took {elapsed} to give up after a {Timeout} timeout.");
    }
}
