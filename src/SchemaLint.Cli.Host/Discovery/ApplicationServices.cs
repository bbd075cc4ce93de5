using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
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
    /// host when it is built, and abort Main there, before the application starts serving. A Main that cannot build a host
    /// (nothing it can reach refers to Microsoft.Extensions.Hosting) is never run: it would only serve. One that starts
    /// accepting connections before it built a host serves by itself, and schemalint stops waiting for it there.
    /// </summary>
    internal static class ApplicationServices
    {
        private const string HostingListenerName = "Microsoft.Extensions.Hosting";
        private const string HostBuiltEvent = "HostBuilt";
        private const string HostingAssemblyName = "Microsoft.Extensions.Hosting";

        /// <summary>
        /// The application's services, or null and why there are none (a clause that follows "because"); a startup that
        /// throws is a <see cref="HostFailureException"/> whose message is such a clause too. No time limit here: the caller runs this as a step
        /// of its own and leaves it behind when the startup code takes too long.
        /// </summary>
        public static (IServiceProvider? Services, string? Unavailable) TryCreate(Assembly application, List<string> notes)
        {
            var entryPoint = application.EntryPoint;
            if (entryPoint is null)
            {
                notes.Add("The assembly has no entry point, so it has no application service provider.");
                return (null, "the assembly has no entry point");
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
                return (ServicesOf(built, $"{programType.Name}.{methodName}"), null);
            }

            if (!HostingEventsAvailable())
            {
                notes.Add("The application does not use Microsoft.Extensions.Hosting 6 or later, so its Main was not run.");
                return (null, "the application does not use Microsoft.Extensions.Hosting 6 or later, so schemalint did not run its Main");
            }

            // Main would only run the application: whatever it serves or waits for, it never hands over a host.
            if (!MayBuildHost(application))
            {
                var why = $"its Main builds no host (nothing in '{System.IO.Path.GetFileName(application.Location)}' or what it uses refers to {HostingAssemblyName}), so schemalint did not run it";
                notes.Add($"The application's services are unavailable: {why}.");
                return (null, why);
            }

            return FromEntryPoint(entryPoint, notes);
        }

        private static (IServiceProvider? Services, string? Unavailable) FromEntryPoint(MethodInfo entryPoint, List<string> notes)
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

            using var serving = new ServingListener();
            Task.WaitAny(hostBuilt.Task, mainEnded.Task, serving.Accepting.Task);
            if (hostBuilt.Task.IsCompleted)
            {
                notes.Add("Application services came from the host built by Main (stopped before it started).");
                return (ServicesOf(hostBuilt.Task.Result, "the host built by Main"), null);
            }

            if (!mainEnded.Task.IsCompleted)
            {
                // A host's servers start only after the host is built, which aborted Main already: this Main serves by itself.
                const string serves = "its Main began accepting connections without building a host, so schemalint stopped waiting for one";
                notes.Add($"The application's services are unavailable: {serves}.");
                return (null, serves);
            }

            var failure = mainEnded.Task.Result;
            if (failure is not null)
                throw new HostFailureException(Protocol.ExitCodes.LoadError,
                    $"its Main threw {failure.GetType().Name} before it built its host ({Protocol.Sentences.Quote(failure.Message)})", failure);
            notes.Add("Main returned without building a host; continuing without application services.");
            return (null, "its Main returned without building a host");
        }

        /// <summary>
        /// Whether anything the application's code can reach refers to Microsoft.Extensions.Hosting, the only place a host is
        /// built (Host, WebApplication and WebHost all build through it). Only the compiler's references are read: no code runs.
        /// When an assembly cannot be read, the answer is yes, and Main runs as dotnet ef would run it.
        /// </summary>
        private static bool MayBuildHost(Assembly application)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Queue<AssemblyName>(application.GetReferencedAssemblies());
            while (pending.Count > 0)
            {
                var name = pending.Dequeue();
                if (name.Name is null || !seen.Add(name.Name)) continue;
                if (string.Equals(name.Name, HostingAssemblyName, StringComparison.OrdinalIgnoreCase)) return true;
                if (IsRuntimeLibrary(name.Name)) continue;
                try
                {
                    foreach (var reference in System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(name).GetReferencedAssemblies()) pending.Enqueue(reference);
                }
                catch (Exception e) when (e is System.IO.FileNotFoundException || e is System.IO.FileLoadException || e is BadImageFormatException)
                {
                    return true;
                }
            }

            return false;
        }

        // The base class library never refers to hosting; not reading it saves loading a few hundred assemblies.
        private static bool IsRuntimeLibrary(string name) =>
            name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) || name is "System" or "mscorlib" or "netstandard" or "Microsoft.Win32.Primitives" or "Microsoft.Win32.Registry" or "Microsoft.CSharp" or "Microsoft.VisualBasic.Core";

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
                    $"{what} threw {e.InnerException.GetType().Name} ({Protocol.Sentences.Quote(e.InnerException.Message)})", e.InnerException);
            }
        }

        private static IServiceProvider ServicesOf(object host, string what)
        {
            var property = host.GetType().GetProperty("Services")
                ?? host.GetType().GetInterfaces().Select(i => i.GetProperty("Services")).FirstOrDefault(p => p is not null);
            if (property?.GetValue(host) is IServiceProvider services) return services;
            throw new HostFailureException(Protocol.ExitCodes.LoadError, $"{what} gave a host without services");
        }

        /// <summary>The runtime's socket telemetry: a socket starting to accept connections means Main is serving.</summary>
        private sealed class ServingListener : EventListener
        {
            private const string SocketsEventSource = "System.Net.Sockets";
            private const string AcceptStartEvent = "AcceptStart";

            public TaskCompletionSource Accepting { get; } = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            protected override void OnEventSourceCreated(EventSource eventSource)
            {
                if (eventSource.Name == SocketsEventSource) EnableEvents(eventSource, EventLevel.Informational);
            }

            protected override void OnEventWritten(EventWrittenEventArgs eventData)
            {
                if (eventData.EventName == AcceptStartEvent) Accepting.TrySetResult();
            }
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
