using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.Json;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>
    /// Which of the running process's assemblies are the application's and which a package's (the rule is
    /// <see cref="PackageAssemblies"/>'s). An application's package assemblies are copied next to its own in bin, so their
    /// location says nothing; the <c>.deps.json</c> the process was started with lists every library as a <c>project</c> (the
    /// application and its project references) or a <c>package</c>. The context's own assembly is always the application's;
    /// an assembly the file does not list (the shared framework) is classified by its path.
    /// </summary>
    internal sealed class ApplicationAssemblies
    {
        private static readonly Lazy<IReadOnlyDictionary<string, string?>> ProcessLibraries = new Lazy<IReadOnlyDictionary<string, string?>>(() => LibrariesOf(ProcessDependencyFiles()));

        private readonly Assembly _contextAssembly;
        private readonly IReadOnlyDictionary<string, string?> _libraries;
        private readonly Dictionary<Assembly, string?> _cache = new Dictionary<Assembly, string?>();

        internal ApplicationAssemblies(Assembly contextAssembly, IReadOnlyDictionary<string, string?> libraries)
        {
            _contextAssembly = contextAssembly;
            _libraries = libraries;
        }

        /// <summary>The process's own: the .deps.json files the runtime was started with (the audited application's in the audit's host, the test project's in a test).</summary>
        public static ApplicationAssemblies ForContext(Type contextType) => new ApplicationAssemblies(contextType.Assembly, ProcessLibraries.Value);

        /// <summary>The package that declares <paramref name="type"/>, or null when the application does.</summary>
        public string? PackageOf(Type? type) => type is null ? null : PackageOf(type.Assembly);

        public string? PackageOf(Assembly assembly)
        {
            if (_cache.TryGetValue(assembly, out var known)) return known;
            string? package;
            if (assembly == _contextAssembly || assembly.IsDynamic) package = null;
            else if (assembly.GetName().Name is { } name && _libraries.TryGetValue(name, out var listed)) package = listed;
            else package = PackageAssemblies.PackageOfAssemblyPath(assembly.Location);
            _cache[assembly] = package;
            return package;
        }

        /// <summary>
        /// Assembly simple name to the package that brings it (its id as the .deps.json spells it), or null for a library of
        /// the application's own (<c>project</c>, or a <c>reference</c> to a file it keeps with its code).
        /// </summary>
        internal static IReadOnlyDictionary<string, string?> LibrariesOf(IEnumerable<string> dependencyFileTexts)
        {
            var libraries = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var text in dependencyFileTexts)
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                }
                catch (JsonException)
                {
                    continue;
                }

                using var parsed = document;
                var root = document.RootElement;
                if (!root.TryGetProperty("targets", out var targets) || !root.TryGetProperty("libraries", out var described)) continue;
                foreach (var target in targets.EnumerateObject())
                {
                    foreach (var library in target.Value.EnumerateObject())
                    {
                        if (!library.Value.TryGetProperty("runtime", out var runtime) || runtime.ValueKind != JsonValueKind.Object) continue;
                        var type = described.TryGetProperty(library.Name, out var description) && description.TryGetProperty("type", out var typeValue) ? typeValue.GetString() : null;
                        var slash = library.Name.IndexOf('/');
                        var package = type is "package" or "runtimepack" ? (slash > 0 ? library.Name.Substring(0, slash) : library.Name) : null;
                        foreach (var asset in runtime.EnumerateObject())
                        {
                            var assemblyName = Path.GetFileNameWithoutExtension(asset.Name);
                            // A name both a project and a package claim is the project's: when in doubt, judge it.
                            if (!libraries.TryGetValue(assemblyName, out var existing) || existing is not null) libraries[assemblyName] = package;
                        }
                    }
                }
            }

            return libraries;
        }

        private static IEnumerable<string> ProcessDependencyFiles()
        {
            var files = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string;
            if (string.IsNullOrEmpty(files)) yield break;
            foreach (var file in files.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Without the file, assemblies are classified by their paths: a package's copied into bin counts as the application's.
                    continue;
                }

                yield return text;
            }
        }
    }
}
