using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaLint.Cli.Host.Discovery
{
    /// <summary>
    /// The application's service provider, found the way dotnet ef finds it (Microsoft.Extensions.Hosting's
    /// HostFactoryResolver): a <c>BuildWebHost</c>, <c>CreateWebHostBuilder</c> or <c>CreateHostBuilder</c> method beside
    /// Main; otherwise Main itself runs on a separate thread while we listen to the hosting DiagnosticListener, take the
    /// host when it is built, and abort Main there, before the application starts serving.
    /// </summary>
    internal static class ApplicationServices
    {
        private const string HostingListenerName = "Microsoft.Extensions.Hosting";
        private const string HostBuiltEvent = "HostBuilt";
        private static readonly TimeSpan HostBuildTimeout = TimeSpan.FromMinutes(2);

        public static IServiceProvider? TryCreate(Assembly application, List<string> notes)
        {
            var entryPoint = application.EntryPoint;
            if (entryPoint is null)
            {
                notes.Add("The assembly has no entry point, so it has no application service provider.");
                return null;
            }

            var programType = entryPoint.DeclaringType!;
            var args = Array.Empty<string>();
            foreach (var (methodName, needsBuild) in new[] { ("BuildWebHost", false), ("CreateWebHostBuilder", true), ("CreateHostBuilder", true) })
            {
                var method = programType.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, null, new[] { typeof(string[]) }, null);
                if (method is null || method.ReturnType == typeof(void)) continue;
                var built = Invoke(() => method.Invoke(null, new object[] { args }), $"{programType.Name}.{methodName}");
                if (needsBuild) built = Invoke(() => Build(built), $"{programType.Name}.{methodName}(...).Build()");
                notes.Add($"Application services came from {programType.Name}.{methodName}.");
                return ServicesOf(built, $"{programType.Name}.{methodName}");
            }

            if (!HostingEventsAvailable())
            {
                notes.Add("The application does not use Microsoft.Extensions.Hosting 6 or later, so its Main was not run.");
                return null;
            }

            return FromEntryPoint(entryPoint, notes);
        }

        private static IServiceProvider? FromEntryPoint(MethodInfo entryPoint, List<string> notes)
        {
            var hostBuilt = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mainEnded = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var abort = AbortException();
            using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(host =>
            {
                hostBuilt.TrySetResult(host);
                throw abort;
            }));

            var thread = new Thread(() =>
            {
                try
                {
                    var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
                    entryPoint.Invoke(null, parameters);
                    mainEnded.TrySetResult(null);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    mainEnded.TrySetResult(ReferenceEquals(Unwrap(e.InnerException), abort) ? null : e.InnerException);
                }
                catch (Exception e)
                {
                    mainEnded.TrySetResult(e);
                }
            })
            {
                IsBackground = true,
                Name = "Application Main (schemalint)",
            };
            thread.Start();

            var finished = Task.WaitAny(new Task[] { hostBuilt.Task, mainEnded.Task }, HostBuildTimeout);
            if (hostBuilt.Task.IsCompleted)
            {
                notes.Add("Application services came from the host built by Main (stopped before it started).");
                return ServicesOf(hostBuilt.Task.Result, "the host built by Main");
            }

            if (finished < 0)
            {
                notes.Add($"Main did not build a host within {HostBuildTimeout.TotalSeconds:0} seconds; continuing without application services.");
                return null;
            }

            var failure = mainEnded.Task.Result;
            if (failure is not null)
                throw new HostFailureException(Protocol.ExitCodes.LoadError,
                    $"The application's Main threw {failure.GetType().Name} before it built its host ({failure.Message}); fix the startup code or add an IDesignTimeDbContextFactory so schemalint need not run it.", failure);
            notes.Add("Main returned without building a host; continuing without application services.");
            return null;
        }

        private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;

        /// <summary>Hosting's own HostAbortedException when it has one (.NET 7+), so applications that log and rethrow at startup recognise it.</summary>
        private static Exception AbortException()
        {
            var type = Type.GetType("Microsoft.Extensions.Hosting.HostAbortedException, Microsoft.Extensions.Hosting.Abstractions", throwOnError: false);
            if (type is not null && Activator.CreateInstance(type) is Exception aborted) return aborted;
            return new OperationCanceledException("schemalint stopped the application once its host was built.");
        }

        private static bool HostingEventsAvailable()
        {
            try
            {
                var hosting = Assembly.Load(new AssemblyName("Microsoft.Extensions.Hosting"));
                return hosting.GetName().Version is { Major: >= 6 };
            }
            catch (Exception e) when (e is System.IO.FileNotFoundException || e is System.IO.FileLoadException)
            {
                return false;
            }
        }

        private static object Build(object? builder)
        {
            if (builder is null) throw new InvalidOperationException("The builder method returned null.");
            var build = builder.GetType().GetMethod("Build", Type.EmptyTypes)
                ?? builder.GetType().GetInterfaces().Select(i => i.GetMethod("Build", Type.EmptyTypes)).FirstOrDefault(m => m is not null);
            if (build is null) throw new InvalidOperationException($"{builder.GetType().Name} has no Build() method.");
            return build.Invoke(builder, null)!;
        }

        private static object Invoke(Func<object?> call, string what)
        {
            try
            {
                return call() ?? throw new InvalidOperationException($"{what} returned null.");
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new HostFailureException(Protocol.ExitCodes.LoadError,
                    $"{what} threw {e.InnerException.GetType().Name} ({e.InnerException.Message}); fix the startup code or add an IDesignTimeDbContextFactory so schemalint need not run it.", e.InnerException);
            }
        }

        private static IServiceProvider ServicesOf(object host, string what)
        {
            var property = host.GetType().GetProperty("Services")
                ?? host.GetType().GetInterfaces().Select(i => i.GetProperty("Services")).FirstOrDefault(p => p is not null);
            if (property?.GetValue(host) is IServiceProvider services) return services;
            throw new HostFailureException(Protocol.ExitCodes.LoadError, $"{what} gave a host without services; add an IDesignTimeDbContextFactory for your DbContext.");
        }

        private sealed class ListenerObserver : IObserver<DiagnosticListener>
        {
            private readonly Action<object> _onHostBuilt;
            private readonly List<IDisposable> _subscriptions = new List<IDisposable>();

            public ListenerObserver(Action<object> onHostBuilt) => _onHostBuilt = onHostBuilt;

            public void OnNext(DiagnosticListener listener)
            {
                if (listener.Name == HostingListenerName) _subscriptions.Add(listener.Subscribe(new EventObserver(_onHostBuilt)));
            }

            public void OnCompleted() { }

            public void OnError(Exception error) { }
        }

        private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
        {
            private readonly Action<object> _onHostBuilt;

            public EventObserver(Action<object> onHostBuilt) => _onHostBuilt = onHostBuilt;

            public void OnNext(KeyValuePair<string, object?> value)
            {
                if (value.Key == HostBuiltEvent && value.Value is not null) _onHostBuilt(value.Value);
            }

            public void OnCompleted() { }

            public void OnError(Exception error) { }
        }
    }
}
