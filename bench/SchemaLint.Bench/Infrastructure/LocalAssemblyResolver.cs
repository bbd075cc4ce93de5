using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace SchemaLint.Bench.Infrastructure;

/// <summary>
/// SchemaLint.Analyzers adds SchemaLint.Core.dll to its build outputs so that analyzer consumers need one project reference;
/// a program that references both projects then gets Core copied beside it but left out of its .deps.json, and the runtime
/// only loads what .deps.json lists. This resolves SchemaLint's own assemblies from the program's folder.
/// </summary>
internal static class LocalAssemblyResolver
{
    [ModuleInitializer]
    internal static void Register() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || !name.Name.StartsWith("SchemaLint.", StringComparison.Ordinal)) return null;
        var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
