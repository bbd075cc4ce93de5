using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Tests.Behaviour;

namespace SchemaLint.Analyzers.Tests.RealModels;

/// <summary>
/// The real models in the folder <see cref="Variable"/> names: one subfolder per model, holding the C# files of its
/// entity types, contexts and configuration, and a real-model.properties file with the project's nullable context and
/// whether it uses the SDK's implicit usings (scripts/real-models.sh writes both).
/// </summary>
internal sealed class RealModelCorpus
{
    public const string Variable = "SCHEMALINT_REAL_MODELS";

    /// <summary>The SDK's implicit usings for Microsoft.NET.Sdk projects, as the build adds them in a generated file.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private RealModelCorpus(string name, List<(string Path, string Text)> files, NullableContextOptions nullable)
    {
        Name = name;
        Files = files;
        Nullable = nullable;
    }

    public string Name { get; }

    /// <summary>The model's C# files by their path under its folder; the SDK's implicit usings as one more file when the project has them.</summary>
    public List<(string Path, string Text)> Files { get; }

    public NullableContextOptions Nullable { get; }

    /// <summary>
    /// The model's files compiled against the tests' EF Core and providers. The rest of the application and its other
    /// packages are missing, so some names do not bind: the reader must then narrow what it does not know, as in an IDE
    /// whose project has not restored yet.
    /// </summary>
    public Compilation Compile() => EditSequence.Compile("RealModel_" + Name.Replace('-', '_'), Files, Nullable);

    /// <summary>The models in the folder <see cref="Variable"/> names.</summary>
    public static IReadOnlyList<RealModelCorpus> Load() =>
        Load(Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set; the real-model facts skip themselves when it is not."));

    public static IReadOnlyList<RealModelCorpus> Load(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root} does not exist; fill it with scripts/real-models.sh.");
        var models = Directory.GetDirectories(root).OrderBy(path => path, StringComparer.Ordinal).Select(Read).ToList();
        if (models.Count == 0) throw new InvalidOperationException($"{root} holds no model folder; fill it with scripts/real-models.sh.");
        return models;
    }

    private static RealModelCorpus Read(string folder)
    {
        var properties = ReadProperties(Path.Combine(folder, "real-model.properties"));
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            // Migrations are generated snapshots of the model, not the model: the analyzers read them only for their own rules,
            // and their thousands of lines would dominate the edits. Build output is no source.
            .Where(path => !path.Split('/').Any(part => part is "Migrations" or "obj" or "bin"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(Path.Combine(folder, path))))
            .ToList();
        if (properties.GetValueOrDefault("implicit-usings") == "true") files.Add(("ImplicitUsings.g.cs", ImplicitUsings));
        var nullable = properties.GetValueOrDefault("nullable", "enable") switch
        {
            "enable" => NullableContextOptions.Enable,
            "disable" => NullableContextOptions.Disable,
            "warnings" => NullableContextOptions.Warnings,
            "annotations" => NullableContextOptions.Annotations,
            var other => throw new InvalidDataException($"{folder}/real-model.properties: nullable={other} is not a nullable context (enable, disable, warnings, annotations)."),
        };
        return new RealModelCorpus(Path.GetFileName(folder), files, nullable);
    }

    private static Dictionary<string, string> ReadProperties(string path)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return properties;
        foreach (var line in File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')))
        {
            var separator = line.IndexOf('=');
            if (separator <= 0) throw new InvalidDataException($"{path}: '{line}' is not name=value.");
            properties[line[..separator].Trim()] = line[(separator + 1)..].Trim();
        }

        return properties;
    }
}
