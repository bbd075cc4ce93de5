using System;
using System.Globalization;
using System.IO;
using SchemaLint.Bench.Generator;

// bench/SchemaLint.Bench.Generator --entities N [--seed S] --out DIR [--repo ROOT]
try
{
    var entities = 0;
    var seed = GeneratorOptions.DefaultSeed;
    string? output = null;
    var repository = FindRepositoryRoot(Directory.GetCurrentDirectory());
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"'{args[i]}' needs a value.");
        switch (args[i])
        {
            case "--entities": entities = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--out": output = value; break;
            case "--repo": repository = value; break;
            default: throw new ArgumentException($"Unknown option '{args[i]}'; use --entities N [--seed S] --out DIR [--repo ROOT].");
        }

        i++;
    }

    if (entities < 2 || output is null) throw new ArgumentException("Pass --entities N (at least 2) and --out DIR.");
    if (repository is null) throw new ArgumentException("Run inside the SchemaLint checkout or pass --repo ROOT.");
    var app = AppGenerator.Generate(new GeneratorOptions(entities, seed, output, repository));
    Console.WriteLine($"{app.Shape.Entities} entities, {app.Shape.SourceFiles} files, {app.Shape.SourceLines} lines -> {app.ProjectPath}");
    return 0;
}
catch (Exception e) when (e is ArgumentException or FormatException or IOException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static string? FindRepositoryRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "SchemaLint.sln"))) return directory.FullName;
    }

    return null;
}
