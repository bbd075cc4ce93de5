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

            if (ApplicationDirectory is not null)
            {
                var local = Path.Combine(ApplicationDirectory, name.Name + ".dll");
                if (File.Exists(local)) return context.LoadFromAssemblyPath(local);
            }

            return null;
        }
    }
}
