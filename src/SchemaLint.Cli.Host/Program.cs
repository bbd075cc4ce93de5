using System;
using System.Runtime.CompilerServices;

namespace SchemaLint.Cli.Host
{
    /// <summary>
    /// Runs inside the audited application's dependency graph (<c>dotnet exec --depsfile app.deps.json ...</c>). SchemaLint's
    /// own assemblies are not in that graph, so the resolver must be in place before any method that touches them is compiled.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            ToolAssemblyResolver.Install();
            var exitCode = Run(args);

            // The application's Main may still hold a foreground thread (a host we stopped, a timer): the audit is over.
            Environment.Exit(exitCode);
            return exitCode;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Run(string[] args) => InnerHost.Run(args);
    }
}
