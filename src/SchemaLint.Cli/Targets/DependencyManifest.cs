using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using SchemaLint.Cli.Commands;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Targets
{
    /// <summary>
    /// What an application's .deps.json says about its EF Core. Checked before anything is loaded, so that an application
    /// on another EF Core major gets a sentence rather than a MissingMethodException from inside the inner host.
    /// </summary>
    internal sealed class DependencyManifest
    {
        public const int SupportedEntityFrameworkCoreMajor = 10;
        public const string SupportedVersionsText = "EF Core 10 (10.0.x)";

        private readonly Dictionary<string, string> _libraryVersions;

        private DependencyManifest(Dictionary<string, string> libraryVersions)
        {
            _libraryVersions = libraryVersions;
        }

        public static DependencyManifest Read(string path)
        {
            var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(path));
                if (json.RootElement.TryGetProperty("libraries", out var libraries))
                {
                    foreach (var library in libraries.EnumerateObject())
                    {
                        var slash = library.Name.IndexOf('/');
                        if (slash > 0) versions[library.Name.Substring(0, slash)] = library.Name.Substring(slash + 1);
                    }
                }
            }
            catch (JsonException e)
            {
                throw new CommandFailure(ExitCodes.InputError, $"'{Path.GetFileName(path)}' is not a valid dependency manifest; rebuild the application.", e.ToString());
            }

            return new DependencyManifest(versions);
        }

        public string? VersionOf(string library) => _libraryVersions.TryGetValue(library, out var version) ? version : null;

        public void EnsureSupportedEntityFrameworkCore(string assemblyName)
        {
            var version = VersionOf("Microsoft.EntityFrameworkCore");
            if (version is null)
                throw new CommandFailure(ExitCodes.InputError,
                    $"'{assemblyName}' does not use EF Core, so it has no DbContext to audit; point schemalint at the application or library that defines your DbContext.");
            var major = int.TryParse(version.Split('.')[0], out var parsed) ? parsed : 0;
            if (major < SupportedEntityFrameworkCoreMajor)
                throw new CommandFailure(ExitCodes.LoadError,
                    $"'{assemblyName}' uses EF Core {version}, but schemalint audits applications on {SupportedVersionsText}; upgrade the application to EF Core {SupportedEntityFrameworkCoreMajor} to audit it.");
            if (VersionOf("Microsoft.EntityFrameworkCore.Relational") is null)
                throw new CommandFailure(ExitCodes.LoadError,
                    $"'{assemblyName}' uses no relational EF Core provider, so it has no database schema to audit; audit an application that uses a relational provider (for example Npgsql or SQL Server).");
        }
    }
}
