using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// One time limit for the whole database session: connecting, every query and the rollback share it, so a server that
    /// stalls at any point costs the limit once, not once per phase. Waits are bounded here, not by the provider: providers
    /// answer cancellation by asking the (stalled) server to cancel, and wait for that too.
    /// </summary>
    internal sealed class SessionDeadline
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public SessionDeadline(TimeSpan limit)
        {
            Limit = limit;
        }

        public TimeSpan Limit { get; }

        public TimeSpan Remaining
        {
            get
            {
                var left = Limit - _clock.Elapsed;
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        public bool HasPassed => Remaining == TimeSpan.Zero;

        /// <summary>What is left in whole seconds, at least one: for provider settings that count in seconds.</summary>
        public int RemainingSeconds => Math.Max(1, (int)Math.Ceiling(Remaining.TotalSeconds));

        /// <exception cref="TimeoutException">The session's time ran out first; <paramref name="operation"/> is abandoned.</exception>
        public Task Bound(Task operation, CancellationToken cancellationToken) => Observed(operation).WaitAsync(Remaining, cancellationToken);

        /// <inheritdoc cref="Bound(Task, CancellationToken)"/>
        public Task<T> Bound<T>(Task<T> operation, CancellationToken cancellationToken)
        {
            Observed(operation);
            return operation.WaitAsync(Remaining, cancellationToken);
        }

        /// <summary>An abandoned operation may fail long after the session gave up; nobody waits for it then, so its failure is observed here.</summary>
        private static Task Observed(Task operation)
        {
            if (!operation.IsCompleted) operation.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return operation;
        }
    }
}
