using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host.Steps
{
    /// <summary>
    /// Runs each step of the audit that executes the application's code on a thread of its own, and gives up on it after the
    /// time limit. A hung step (an endless OnModelCreating, a Main that waits) cannot be aborted in .NET, but it can be left
    /// behind: the audit goes on with the next context, and the process ends when the audit does.
    /// </summary>
    internal sealed class StepRunner
    {
        /// <summary>As much stack as the main thread has on Linux: model building is deep recursion for large models.</summary>
        private const int StackSize = 8 * 1024 * 1024;

        private readonly ResultFile _file;

        public StepRunner(ResultFile file, TimeSpan limit)
        {
            _file = file;
            Limit = limit;
        }

        public TimeSpan Limit { get; }

        public T Run<T>(HostPhaseKind kind, string? context, string? contextFullName, Func<T> work, TimeSpan extra = default)
        {
            _file.Enter(kind, context, contextFullName);
            var finished = new ManualResetEventSlim();
            T value = default!;
            ExceptionDispatchInfo? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    value = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    finished.Set();
                }
            }, StackSize)
            {
                IsBackground = true,
                Name = $"schemalint {kind} {context}".TrimEnd(),
            };
            thread.Start();

            var limit = Limit + extra;
            if (!finished.Wait(limit)) throw new StepTimeoutException(kind, context, limit);
            failure?.Throw();
            return value;
        }
    }

    /// <summary>A step did not finish within its limit; its thread is left behind.</summary>
    internal sealed class StepTimeoutException : Exception
    {
        public StepTimeoutException(HostPhaseKind kind, string? context, TimeSpan limit)
            : base($"{kind} {context} did not finish within {limit}.")
        {
            Kind = kind;
            Context = context;
            Limit = limit;
        }

        public HostPhaseKind Kind { get; }

        public string? Context { get; }

        public TimeSpan Limit { get; }
    }
}
