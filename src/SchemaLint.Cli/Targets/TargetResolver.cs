using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using SchemaLint.Cli.Commands;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Targets
{
    /// <summary>Turns the path the user gave into a built assembly: a .dll as is, a project (or a folder with one) after building it.</summary>
    internal sealed class TargetResolver
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
        private const string PathHint = "give a built assembly (.dll), a .csproj, or a folder holding one .csproj";

        /// <summary>Shipped beside schemalint.dll: switches SchemaLint's own analyzers off in the build the audit runs.</summary>
        public const string AuditTargetsFile = "SchemaLint.Audit.targets";

        private readonly bool _build;
        private readonly Action<string> _log;
        private readonly Action<string> _progress;
        private readonly string[] _buildProperties;
        private string? _projectCustomAfterTargets;

        /// <param name="build">Build a project before auditing it.</param>
        /// <param name="log">Details for --verbose.</param>
        /// <param name="progress">One line per phase (shown when stderr is a terminal, or with --verbose).</param>
        /// <param name="configuration">--configuration, passed to MSBuild as in dotnet build; null for the project's default.</param>
        /// <param name="properties">-p:Name=Value properties, passed to MSBuild's queries and build.</param>
        public TargetResolver(bool build, Action<string> log, Action<string>? progress = null, string? configuration = null, System.Collections.Generic.IEnumerable<string>? properties = null)
        {
            _build = build;
            _log = log;
            _progress = progress ?? log;
            _buildProperties = (configuration is null ? Array.Empty<string>() : new[] { "-p:Configuration=" + configuration })
                .Concat((properties ?? Array.Empty<string>()).Select(p => "-p:" + p))
                .ToArray();
        }

        public AuditTarget Resolve(string path)
        {
            var fullPath = Path.GetFullPath(path);
            if (Directory.Exists(fullPath)) return ResolveProject(FindSingleProject(path, fullPath));
            if (!File.Exists(fullPath)) throw new CommandFailure(ExitCodes.InputError, $"The path '{path}' does not exist; {PathHint}.");
            if (fullPath.EndsWith("proj", StringComparison.OrdinalIgnoreCase)) return ResolveProject(fullPath);
            return ResolveAssembly(path, fullPath, nuGetPackageRoot: null, workingDirectory: null);
        }

        private static string FindSingleProject(string path, string directory)
        {
            var projects = Directory.GetFiles(directory, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).ToArray();
            if (projects.Length == 1) return projects[0];
            if (projects.Length == 0) throw new CommandFailure(ExitCodes.InputError, $"The folder '{path}' holds no .csproj; {PathHint}.");
            throw new CommandFailure(ExitCodes.InputError,
                $"The folder '{path}' holds {projects.Length} projects ({string.Join(", ", projects.Select(Path.GetFileName))}); give the path of the one to audit.");
        }

        private AuditTarget ResolveProject(string projectPath)
        {
            var projectDirectory = Path.GetDirectoryName(projectPath)!;
            var projectName = Path.GetFileName(projectPath);

            // TargetPath is known at evaluation, before any build; a multi-targeted project has none until a framework is chosen.
            var properties = QueryProperties(projectPath, null, "TargetPath", "NuGetPackageRoot", "TargetFrameworks", "CustomAfterMicrosoftCommonTargets");
            string? framework = null;
            if (properties.TargetPath is null && properties.TargetFrameworks is not null)
            {
                framework = ChooseTargetFramework(properties.TargetFrameworks);
                properties = QueryProperties(projectPath, framework, "TargetPath", "NuGetPackageRoot", "TargetFrameworks", "CustomAfterMicrosoftCommonTargets");
            }

            _projectCustomAfterTargets = properties.CustomAfterMicrosoftCommonTargets;
            if (_build)
            {
                _progress($"Building {projectName}...");
                var arguments = new[] { "build", projectPath, "-nologo", "-v:q", "-clp:NoSummary" }
                    .Concat(framework is null ? Array.Empty<string>() : new[] { "-f", framework })
                    .Concat(_buildProperties)
                    .Concat(WithoutSchemaLintAnalyzers(properties.CustomAfterMicrosoftCommonTargets));
                var build = ProcessRunner.RunDotnet(arguments, projectDirectory, BuildTimeout, new ProcessOutput(remember: l => l.Contains(": error ", StringComparison.Ordinal)));
                if (build.ExitCode != 0)
                {
                    var firstError = build.Output.Remembered?.Trim();
                    var reason = firstError is null ? string.Empty : $" ({ShortenBuildError(firstError)})";
                    throw new CommandFailure(ExitCodes.InputError,
                        $"Building '{projectName}' failed{reason}; fix the build (run 'dotnet build {projectPath}' to see every error) and run schemalint again.", build.Output.ToString());
                }
            }

            var targetPath = properties.TargetPath;
            if (string.IsNullOrEmpty(targetPath))
                throw new CommandFailure(ExitCodes.InputError, $"MSBuild reports no output assembly for '{projectName}'; audit the project that builds your application, or give its built .dll.");
            if (!File.Exists(targetPath))
                throw new CommandFailure(ExitCodes.InputError, $"'{projectName}' has not been built ('{targetPath}' does not exist); build it first or drop --no-build.");
            var resolved = ResolveAssembly(targetPath, targetPath, properties.NuGetPackageRoot, projectDirectory);
            return _build ? new AuditTarget(resolved.AssemblyPath, resolved.WorkingDirectory, resolved.NuGetPackageRoot, projectPath, framework) : resolved;
        }

        /// <summary>
        /// Compiles the built project once more, this time with SchemaLint's analyzers, the baseline ignored and warnings left
        /// warnings, and returns the compiler's SARIF log (null when the compiler wrote none): what only the analyzers find
        /// (code, not the model) is read from it for a baseline. An SL error fails this compile but not its log.
        /// </summary>
        public string? CompileWithSchemaLintAnalyzers(AuditTarget target, string sarifPath)
        {
            if (target.ProjectPath is not { } projectPath) return null;
            _progress($"Collecting the analyzers' findings in {Path.GetFileName(projectPath)}...");
            var arguments = new[] { "build", projectPath, "-nologo", "-v:q", "-clp:NoSummary", "--no-dependencies" }
                .Concat(target.TargetFramework is null ? Array.Empty<string>() : new[] { "-f", target.TargetFramework })
                .Concat(_buildProperties)
                .Concat(new[]
                {
                    // ',' and '=' inside a -p value must be escaped for MSBuild's command line.
                    "-p:ErrorLog=" + sarifPath.Replace("%", "%25").Replace(",", "%2C").Replace("=", "%3D").Replace(";", "%3B") + "%2Cversion%3D2.1",
                    "-p:SchemaLintIgnoreBaseline=true",
                    "-p:SchemaLintAuditCollectAnalyzerFindings=true",
                    "-p:TreatWarningsAsErrors=false",
                    "-p:WarningsAsErrors=",
                })
                .Concat(WithoutSchemaLintAnalyzers(_projectCustomAfterTargets));
            var build = ProcessRunner.RunDotnet(arguments, Path.GetDirectoryName(projectPath)!, BuildTimeout, new ProcessOutput());
            _log($"Compiling with SchemaLint's analyzers exited with {build.ExitCode}.");
            return File.Exists(sarifPath) ? sarifPath : null;
        }

        /// <summary>
        /// The audit builds only to get the assembly: SchemaLint's own analyzers are switched off in that build (a small
        /// targets file removes them before the compiler runs), so their errors never stop it. The same file, told to, keeps
        /// them for <see cref="CompileWithSchemaLintAnalyzers"/>. The project's own
        /// CustomAfterMicrosoftCommonTargets, if any, is imported by ours.
        /// </summary>
        private static string[] WithoutSchemaLintAnalyzers(string? projectCustomAfterTargets)
        {
            var targets = Path.Combine(AppContext.BaseDirectory, AuditTargetsFile);
            if (!File.Exists(targets)) throw new CommandFailure(ExitCodes.LoadError, $"'{AuditTargetsFile}' is missing beside schemalint; reinstall the tool.");
            var arguments = new System.Collections.Generic.List<string> { "-p:CustomAfterMicrosoftCommonTargets=" + targets };
            if (!string.IsNullOrEmpty(projectCustomAfterTargets)) arguments.Add("-p:SchemaLintChainedCustomAfterMicrosoftCommonTargets=" + projectCustomAfterTargets);
            return arguments.ToArray();
        }

        private static AuditTarget ResolveAssembly(string shownPath, string assemblyPath, string? nuGetPackageRoot, string? workingDirectory)
        {
            try
            {
                AssemblyName.GetAssemblyName(assemblyPath);
            }
            catch (Exception e) when (e is BadImageFormatException || e is FileLoadException)
            {
                throw new CommandFailure(ExitCodes.InputError, $"'{shownPath}' is not a .NET assembly; {PathHint}.", e.ToString());
            }

            var manifest = Path.ChangeExtension(assemblyPath, ".deps.json");
            if (!File.Exists(manifest))
                throw new CommandFailure(ExitCodes.InputError,
                    $"'{Path.GetFileName(manifest)}' is missing beside '{shownPath}', so its dependencies cannot be loaded; audit the build output folder of the application (or its .csproj), not a copied assembly.");
            DependencyManifest.Read(manifest).EnsureSupportedEntityFrameworkCore(Path.GetFileName(assemblyPath));
            return new AuditTarget(assemblyPath, workingDirectory ?? Path.GetDirectoryName(assemblyPath)!, nuGetPackageRoot ?? DefaultNuGetPackageRoot());
        }

        private static string? DefaultNuGetPackageRoot()
        {
            var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (!string.IsNullOrEmpty(configured)) return configured;
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".nuget", "packages");
        }

        private static string ShortenBuildError(string line)
        {
            // MSBuild appends " [project path]" to every error; the project is already named in the sentence.
            var bracket = line.LastIndexOf(" [", StringComparison.Ordinal);
            if (bracket > 0 && line.EndsWith("]", StringComparison.Ordinal)) line = line.Substring(0, bracket);
            return line.Length > 300 ? line.Substring(0, 300) + "..." : line;
        }

        /// <summary>A multi-targeted project has no single output; pick the newest .NET target, the one EF Core 10 runs on.</summary>
        private static string ChooseTargetFramework(string frameworks)
        {
            var list = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return list
                .Select(f => (Name: f, Version: f.StartsWith("net", StringComparison.OrdinalIgnoreCase) && Version.TryParse(f.Substring(3).Split('-')[0], out var v) ? v : new Version(0, 0)))
                .OrderByDescending(f => f.Version)
                .Select(f => f.Name)
                .FirstOrDefault() ?? frameworks;
        }

        private ProjectProperties QueryProperties(string projectPath, string? framework, params string[] names)
        {
            var arguments = new[] { "msbuild", projectPath, "-nologo" }
                .Concat(names.Select(n => "-getProperty:" + n))
                .Concat(framework is null ? Array.Empty<string>() : new[] { "-p:TargetFramework=" + framework })
                .Concat(_buildProperties);
            var query = ProcessRunner.RunDotnet(arguments, Path.GetDirectoryName(projectPath)!, TimeSpan.FromMinutes(2), new ProcessOutput(keepStdout: true));
            if (query.ExitCode != 0)
                throw new CommandFailure(ExitCodes.InputError, $"MSBuild could not read '{Path.GetFileName(projectPath)}'; check that it is a valid project (run 'dotnet build {projectPath}').", query.Output.ToString());

            // Evaluation warnings (a props file imported twice, MSB4011) are the project's business, not an answer to the query.
            foreach (var warning in query.Output.Tail.Where(l => l.Contains(": warning ", StringComparison.Ordinal))) _log("MSBuild: " + warning.Trim());
            return ProjectProperties.Parse(query.Output.Stdout, names, Path.GetFileName(projectPath), query.Output.ToString());
        }

        private sealed class ProjectProperties
        {
            public string? TargetPath { get; private set; }
            public string? NuGetPackageRoot { get; private set; }
            public string? TargetFrameworks { get; private set; }
            public string? CustomAfterMicrosoftCommonTargets { get; private set; }

            // One property prints as plain text, several as {"Properties": {...}}; MSBuild may print warnings before either.
            public static ProjectProperties Parse(string stdout, string[] names, string projectName, string output)
            {
                var values = new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
                if (names.Length == 1)
                {
                    values[names[0]] = lines.LastOrDefault(l => l.Trim().Length > 0 && !l.Contains(": warning ", StringComparison.Ordinal))?.Trim() ?? string.Empty;
                }
                else
                {
                    var start = lines.FindIndex(l => l.TrimStart().StartsWith("{", StringComparison.Ordinal));
                    try
                    {
                        if (start < 0) throw new JsonException("MSBuild printed no JSON object.");
                        using var json = JsonDocument.Parse(string.Join("\n", lines.Skip(start)));
                        foreach (var property in json.RootElement.GetProperty("Properties").EnumerateObject()) values[property.Name] = property.Value.GetString() ?? string.Empty;
                    }
                    catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is System.Collections.Generic.KeyNotFoundException)
                    {
                        throw new CommandFailure(ExitCodes.InputError,
                            $"MSBuild's answer about '{projectName}' could not be read ({Sentences.Quote(e.Message)}); run 'dotnet msbuild {projectName} -getProperty:TargetPath' to see what it prints, or audit the built .dll.", output);
                    }
                }

                string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
                return new ProjectProperties { TargetPath = Get("TargetPath"), NuGetPackageRoot = Get("NuGetPackageRoot"), TargetFrameworks = Get("TargetFrameworks"), CustomAfterMicrosoftCommonTargets = Get("CustomAfterMicrosoftCommonTargets") };
            }
        }
    }
}
