using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SchemaLint.Cli.Host
{
    /// <summary>
    /// Loads SchemaLint's assemblies from the folder the inner host ships in; the application's .deps.json does not list
    /// them. Everything else (EF Core, the provider, Microsoft.Extensions.*) resolves from the application's graph first.
    /// </summary>
    /// <remarks>
    /// SchemaLint is compiled against the newest EF Core 10 patch, and EF Core's assembly versions carry the patch number
    /// (10.0.14.0), while the application may run on an older patch (10.0.0.0). The runtime never binds a reference to an
    /// older version by itself, so within the same major version the application's copy is handed over here.
    /// </remarks>
    internal static class ToolAssemblyResolver
    {
        private static readonly string ToolDirectory = Path.GetDirectoryName(typeof(ToolAssemblyResolver).Assembly.Location)!;

        public static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

        /// <summary>The application's folder: a last resort for assemblies its .deps.json lists but the host could not place.</summary>
        public static string? ApplicationDirectory { get; set; }

        private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
        {
            if (name.Name is null) return null;
            if (name.Name.StartsWith("SchemaLint.", StringComparison.Ordinal))
            {
                var own = Path.Combine(ToolDirectory, name.Name + ".dll");
                if (File.Exists(own)) return context.LoadFromAssemblyPath(own);
            }

            if (name.Version is not null && TryLoadSameMajor(context, name) is Assembly available) return available;

            if (ApplicationDirectory is not null)
            {
                var local = Path.Combine(ApplicationDirectory, name.Name + ".dll");
                if (File.Exists(local)) return context.LoadFromAssemblyPath(local);
            }

            return null;
        }

        private static Assembly? TryLoadSameMajor(AssemblyLoadContext context, AssemblyName requested)
        {
            try
            {
                // Without a version the application's own copy binds, whatever its patch; this re-entry has no version, so it ends.
                var available = context.LoadFromAssemblyName(new AssemblyName(requested.Name!));
                return available.GetName().Version?.Major == requested.Version!.Major ? available : null;
            }
            catch (Exception e) when (e is FileNotFoundException || e is FileLoadException)
            {
                return null;
            }
        }
    }
}
