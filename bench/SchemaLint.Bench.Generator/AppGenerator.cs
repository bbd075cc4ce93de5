using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SchemaLint.Bench.Generator.Emit;
using SchemaLint.Bench.Generator.Plan;

namespace SchemaLint.Bench.Generator;

/// <param name="OutputDirectory">Root for this application; its App/ folder is replaced on every run.</param>
/// <param name="RepositoryRoot">The SchemaLint checkout, for the analyzer project reference.</param>
public sealed record GeneratorOptions(int Entities, int Seed, string OutputDirectory, string RepositoryRoot)
{
    public const int DefaultSeed = 20251121;
}

/// <summary>What was written, with the shape of the model, for the harness and the report.</summary>
public sealed record GeneratedApp(string Root, string ProjectPath, AppPlan Plan, AppShape Shape)
{
    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;

    public string AssemblyName => Path.GetFileNameWithoutExtension(ProjectPath);
}

public sealed record AppShape(
    int Entities, int DataAnnotationEntities, int FluentApiEntities, int KeylessEntities, int OneToMany, int ManyToMany,
    int OwnedNavigations, int Services, int SourceFiles, int SourceLines, IReadOnlyDictionary<string, int> PlantedViolationsByRule);

public static class AppGenerator
{
    public const string ProjectName = "BenchApp";

    public static GeneratedApp Generate(GeneratorOptions options)
    {
        var plan = Planner.Create(options.Entities, options.Seed);
        var root = Path.GetFullPath(options.OutputDirectory);
        var projectDirectory = Path.Combine(root, "App");

        // Stale files from a larger run would be compiled into a smaller one: start from an empty folder (build output included).
        if (Directory.Exists(projectDirectory)) Directory.Delete(projectDirectory, recursive: true);
        Directory.CreateDirectory(projectDirectory);

        var analyzerProject = Path.Combine(Path.GetFullPath(options.RepositoryRoot), "src", "SchemaLint.Analyzers", "SchemaLint.Analyzers.csproj");
        if (!File.Exists(analyzerProject))
            throw new ArgumentException($"'{options.RepositoryRoot}' is not the SchemaLint repository (no src/SchemaLint.Analyzers project there); pass the checkout's root.");

        var sources = new List<(string Path, string Text)>();
        foreach (var entity in plan.Entities)
        {
            sources.Add(($"Model/{entity.Name}.cs", EntityWriter.Write(entity)));
            if (entity.Style == ConfigurationStyle.FluentApi) sources.Add(($"Configurations/{entity.Name}Configuration.cs", ConfigurationWriter.Write(entity)));
        }

        sources.AddRange(EntityWriter.SharedModelFiles());
        sources.AddRange(plan.Services.Select(s => ($"Services/{s.Name}.cs", AppWriter.Service(s))));
        sources.Add(($"{AppWriter.ContextName}.cs", AppWriter.Context(plan)));
        sources.Add(("BenchContextFactory.cs", AppWriter.Factory));
        sources.Add(("Program.cs", AppWriter.Program));

        foreach (var (path, text) in sources) Write(projectDirectory, path, text);
        var projectPath = Path.Combine(projectDirectory, ProjectName + ".csproj");
        File.WriteAllText(projectPath, AppWriter.Project(Path.GetRelativePath(projectDirectory, analyzerProject)));
        foreach (var (path, text) in AppWriter.IsolationFiles()) Write(root, path, text);

        var shape = new AppShape(
            plan.Entities.Count,
            plan.Entities.Count(e => e.Style == ConfigurationStyle.DataAnnotations),
            plan.Entities.Count(e => e.Style == ConfigurationStyle.FluentApi),
            plan.Entities.Count(e => e.IsKeyless),
            plan.Entities.Sum(e => e.References.Count),
            plan.Entities.Sum(e => e.ManyToMany.Count) / 2,
            plan.Entities.Count(e => e.OwnedAddressNavigation is not null),
            plan.Services.Count,
            sources.Count,
            AppWriter.CountLines(sources.Select(s => s.Text)),
            plan.PlantedViolations.ToDictionary(p => $"{p.Key.RuleId()} {p.Key}", p => p.Value));
        File.WriteAllText(Path.Combine(root, "shape.json"), JsonSerializer.Serialize(shape, new JsonSerializerOptions { WriteIndented = true }));
        return new GeneratedApp(root, projectPath, plan, shape);
    }

    private static void Write(string directory, string relativePath, string text)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
