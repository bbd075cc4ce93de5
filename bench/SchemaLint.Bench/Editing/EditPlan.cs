using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SchemaLint.Bench.Editing;

/// <summary>Which kind of file an edit is typed into.</summary>
public enum EditKind
{
    /// <summary>An entity class (Model/*.cs): a property is added.</summary>
    Entity,
    /// <summary>An <c>IEntityTypeConfiguration&lt;T&gt;</c> class: a Fluent call is added or changed.</summary>
    Configuration,
    /// <summary>The <c>DbContext</c>: a <c>DbSet</c> is added, or a Fluent call chained in <c>OnModelCreating</c>.</summary>
    Context,
    /// <summary>
    /// A service class, outside the model: a statement typed into a method body, a query (0) or a write of a mapped property
    /// (1). Measured beside the model edits, not in the issue's figures, which are about editing the model.
    /// </summary>
    Service,
}

/// <summary>One edit of the plan, as a user would type it; <see cref="Apply"/> returns the file's text after it.</summary>
/// <param name="Number">Unique in the plan (1, 2, ...; the warm-up pass numbers its edits after the plan's): names what the edit
/// adds, so no two edits collide.</param>
/// <param name="File">Full path of the edited file.</param>
/// <param name="Entity">The entity type the edit is about (the entity edited, configured, or named in the context).</param>
/// <param name="Variant">Which of the kind's two edits: entity files have one, configurations add (0) or change (1) a call,
/// the context adds a DbSet (0) or chains a Fluent call in OnModelCreating (1).</param>
public sealed record PlannedEdit(int Number, EditKind Kind, string File, string Entity, int Variant)
{
    private static readonly Regex MaxLength = new(@"\.HasMaxLength\((\d+)\)", RegexOptions.Compiled);

    private const string ApplyConfigurations = "modelBuilder.ApplyConfigurationsFromAssembly(typeof(BenchContext).Assembly)";

    /// <summary>What was typed, in words (kept in the results beside the figures).</summary>
    public string Describe(string text) => (Kind, Variant) switch
    {
        (EditKind.Entity, _) => $"added property {PropertyName} to {Entity}",
        (EditKind.Configuration, 1) when MaxLength.IsMatch(text) => $"changed the first HasMaxLength of {Entity}'s configuration",
        (EditKind.Configuration, _) => $"added builder.HasComment(...) to {Entity}'s configuration",
        (EditKind.Context, 0) => $"added DbSet<{Entity}> {PropertyName} to the context",
        (EditKind.Context, _) => $"chained Entity<{Entity}>().HasComment(...) in OnModelCreating",
        (EditKind.Service, 0) => $"typed a query into {Entity}Service.Create",
        (EditKind.Service, _) => $"typed a write of {Entity}.Name into {Entity}Service.Create",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    private string PropertyName => $"Edited{Number.ToString(CultureInfo.InvariantCulture)}";

    private string Comment => $"\"edit {Number.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The file's text after the edit. Throws when the file does not have the shape the generator writes.</summary>
    public string Apply(string text)
    {
        switch (Kind, Variant)
        {
            case (EditKind.Entity, _):
                // The class's closing brace is the file's last.
                return InsertBefore(text, LastBrace(text, 0), $"\n    public int {PropertyName} {{ get; set; }}\n");
            case (EditKind.Configuration, 1) when MaxLength.Match(text) is { Success: true } match:
                var length = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + Number;
                return text[..match.Index] + $".HasMaxLength({length.ToString(CultureInfo.InvariantCulture)})" + text[(match.Index + match.Length)..];
            case (EditKind.Configuration, _):
                // Configure's closing brace is the one before the class's: a statement on its own line above it.
                var brace = LastBrace(text, 1);
                var lineStart = text.LastIndexOf('\n', brace) + 1;
                return InsertBefore(text, lineStart, $"{text[lineStart..brace]}    builder.HasComment({Comment});\n");
            case (EditKind.Context, 0):
                return InsertBefore(text, LastBrace(text, 0), $"\n    public DbSet<{Entity}> {PropertyName} => Set<{Entity}>();\n");
            case (EditKind.Context, _):
                var at = text.IndexOf(ApplyConfigurations, StringComparison.Ordinal);
                if (at < 0) throw new InvalidOperationException($"{File} has no '{ApplyConfigurations}' to chain a Fluent call onto.");
                // ApplyConfigurationsFromAssembly returns the ModelBuilder, so a call chains onto it in the expression body.
                at += ApplyConfigurations.Length;
                return text[..at] + $".Entity<{Entity}>().HasComment({Comment})" + text[at..];
            case (EditKind.Service, _):
                var create = text.IndexOf($"public {Entity} Create(", StringComparison.Ordinal);
                if (create < 0) throw new InvalidOperationException($"{File} has no Create method to type into.");
                var bodyStart = text.IndexOf('{', create) + 1;
                var statement = Variant == 0
                    ? $"\n        var existing{Number.ToString(CultureInfo.InvariantCulture)} = _context.Set<{Entity}>().Count();"
                    : "\n        name = name.Trim();\n        var draft = new " + Entity + " { Name = name };\n        draft.Name = name.ToUpperInvariant();";
                return InsertBefore(text, bodyStart, statement);
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null);
        }
    }

    private int LastBrace(string text, int skip)
    {
        var at = text.Length;
        for (var i = 0; i <= skip; i++)
        {
            at = at == 0 ? -1 : text.LastIndexOf('}', at - 1);
            if (at < 0) throw new InvalidOperationException($"{File} has fewer than {skip + 1} closing braces.");
        }

        return at;
    }

    private static string InsertBefore(string text, int index, string inserted) => text[..index] + inserted + text[index..];
}

/// <summary>
/// The editing benchmark's edits: a seeded, deterministic choice spread over entity files, configuration classes and the
/// context, each kind spread evenly over the run so that no kind is measured only at its start or its end (when the machine's
/// load may differ). Of 20 edits, 10 go to
/// entity files (a property added), 6 to configuration classes (a Fluent call added or changed, alternately) and 4 to the
/// context (a DbSet added or a Fluent call chained in OnModelCreating, alternately); other counts keep those shares, with at
/// least one edit of each kind from 3 edits up. Entity and configuration files are distinct while there are enough of them.
/// </summary>
public static class EditPlan
{
    public const int DefaultEdits = 20;

    public const int DefaultSeed = 19;

    /// <summary>Service-body edits measured beside the model edits (half queries, half writes of a mapped property).</summary>
    public const int DefaultServiceEdits = 6;

    /// <param name="entityFiles">Entity class files, one per entity type, named after it (Model/{Entity}.cs).</param>
    /// <param name="configurationFiles">Configuration class files (Configurations/{Entity}Configuration.cs).</param>
    /// <param name="serviceFiles">Service class files (Services/{Entity}Service.cs), for <paramref name="serviceEdits"/> edits outside the model.</param>
    public static IReadOnlyList<PlannedEdit> Create(IReadOnlyList<string> entityFiles, IReadOnlyList<string> configurationFiles, string contextFile, int edits = DefaultEdits, int seed = DefaultSeed,
        IReadOnlyList<string>? serviceFiles = null, int serviceEdits = 0)
    {
        if (edits < 1) throw new ArgumentOutOfRangeException(nameof(edits), edits, "Plan at least one edit.");
        if (entityFiles.Count == 0) throw new ArgumentException("An edit plan needs entity files.", nameof(entityFiles));
        var (entity, configuration, context) = Counts(edits);
        if (configurationFiles.Count == 0)
        {
            entity += configuration;
            configuration = 0;
        }

        var random = new Random(seed);
        var entities = Shuffled(entityFiles.OrderBy(f => f, StringComparer.Ordinal).ToList(), random);
        var configurations = Shuffled(configurationFiles.OrderBy(f => f, StringComparer.Ordinal).ToList(), random);
        var kinds = new List<(EditKind Kind, string File, string Entity, int Variant)>();
        for (var i = 0; i < entity; i++)
        {
            var file = entities[i % entities.Count];
            kinds.Add((EditKind.Entity, file, EntityOf(file, string.Empty), 0));
        }

        for (var i = 0; i < configuration; i++)
        {
            var file = configurations[i % configurations.Count];
            kinds.Add((EditKind.Configuration, file, EntityOf(file, "Configuration"), i % 2));
        }

        // The context's edits name entities the entity edits do not touch, from the other end of the shuffled list.
        for (var i = 0; i < context; i++)
            kinds.Add((EditKind.Context, contextFile, EntityOf(entities[entities.Count - 1 - i % entities.Count], string.Empty), i % 2));

        // Drawn after the model's files, so a plan with service edits has the same model edits as one without.
        var services = Shuffled((serviceFiles ?? Array.Empty<string>()).OrderBy(f => f, StringComparer.Ordinal).ToList(), random);
        for (var i = 0; i < serviceEdits && services.Count > 0; i++)
        {
            var file = services[i % services.Count];
            kinds.Add((EditKind.Service, file, EntityOf(file, "Service"), i % 2));
        }

        // Spread each kind evenly over the run: the i-th of a kind's n edits goes at (i + 0.5) / n of the way through.
        return kinds.GroupBy(k => k.Kind)
            .SelectMany(g => g.Select((k, i) => (Edit: k, At: (i + 0.5) / g.Count())))
            .OrderBy(k => k.At).ThenBy(k => k.Edit.Kind)
            .Select((k, i) => new PlannedEdit(i + 1, k.Edit.Kind, k.Edit.File, k.Edit.Entity, k.Edit.Variant)).ToList();
    }

    /// <summary>The 10 / 6 / 4 shares of 20, rounded down, with at least one of each kind from 3 edits up.</summary>
    public static (int Entity, int Configuration, int Context) Counts(int edits)
    {
        if (edits < 3) return (edits, 0, 0);
        var context = Math.Max(1, edits * 4 / 20);
        var configuration = Math.Max(1, edits * 6 / 20);
        return (edits - context - configuration, configuration, context);
    }

    private static string EntityOf(string file, string suffix)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return suffix.Length > 0 && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
    }

    private static List<T> Shuffled<T>(List<T> items, Random random)
    {
        var result = items.ToList();
        for (var i = result.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }
}
