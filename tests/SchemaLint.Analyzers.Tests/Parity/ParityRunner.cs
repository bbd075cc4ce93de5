using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Analyzers.Tests.SourceModel;
using SchemaLint.EntityFrameworkCore;

namespace SchemaLint.Analyzers.Tests.Parity;

/// <summary>
/// Compiles a corpus model in memory, builds the source model from it, loads the assembly into a collectible
/// context, instantiates its DbContext (Npgsql, no server: building the model opens no connection) and reads
/// EF Core's real model through the runtime front end.
/// </summary>
public static class ParityRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<List<FactComparison>>> Results = new();

    public static List<FactComparison> Run(ParityModel model) =>
        Results.GetOrAdd(model.Name, _ => new Lazy<List<FactComparison>>(() => Compare(model))).Value;

    private static List<FactComparison> Compare(ParityModel model)
    {
        var compilation = SourceModelHarness.Compile(model.Source, model.Nullable);
        var sourceModels = SourceModelHarness.Build(compilation).Models;
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success) throw new InvalidOperationException("The corpus model does not emit: " + string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        var loadContext = new AssemblyLoadContext("parity-" + model.Name, isCollectible: true);
        try
        {
            var assembly = loadContext.LoadFromStream(image);
            var results = new List<FactComparison>();
            foreach (var sourceModel in sourceModels)
            {
                var contextType = assembly.GetType(sourceModel.ContextName!, throwOnError: true)!;
                using var context = (DbContext)Activator.CreateInstance(contextType)!;
                var efModel = EfSchemaReader.Read(context);
                results.AddRange(ParityComparer.Compare(sourceModel, efModel));
            }

            return results;
        }
        finally
        {
            loadContext.Unload();
        }
    }
}

/// <param name="MaxUnknownShare">The share of compared facts the source reader may leave unknown; null where abstaining is the point.</param>
public sealed record ParityModel(string Name, string Source, bool Nullable = true, double? MaxUnknownShare = null)
{
    public override string ToString() => Name;
}
