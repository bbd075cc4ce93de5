using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.SourceModel;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// Applies a seeded sequence of <see cref="SourceEdits"/> to a project and, after each edit, compares the schema the
/// analyzers use (carried over or extracted again) with a fresh extraction of the same compilation, fact by fact.
/// </summary>
internal static class EditSequence
{
    private static readonly AnalyzerConfigOptionsProvider Options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty).AnalyzerConfigOptionsProvider;

    public static Outcome Run(string project, List<(string Path, string Text)> files, int edits, int seed, NullableContextOptions nullable = NullableContextOptions.Enable)
    {
        // The cache's counters are read through the project's first tree: a file of its own keeps that tree while the others are edited.
        var compilation = Compile(
            "CarryOver" + Guid.NewGuid().ToString("N"),
            files.Prepend(("AssemblyInfo.cs", "[assembly: System.Reflection.AssemblyDescription(\"carry-over\")]")),
            nullable);
        var firstTree = compilation.SyntaxTrees.First();
        Schema(compilation);

        var random = new Random(seed);
        var outcome = new Outcome();
        for (var step = 1; step <= edits; step++)
        {
            var edit = SourceEdits.Pick(compilation, random, step);
            if (edit is null) continue;
            compilation = edit.Apply(compilation);
            var before = SchemaCache.CarryOversFor(firstTree);
            var patchesBefore = SchemaCache.PatchesFor(firstTree);
            var buildsBefore = SchemaCache.BuildsFor(firstTree);
            var incremental = SchemaSnapshot.Of(Schema(compilation), compilation);
            var fresh = SchemaSnapshot.Of(Fresh(compilation), compilation);
            var carried = SchemaCache.CarryOversFor(firstTree) > before;
            var patched = SchemaCache.PatchesFor(firstTree) > patchesBefore;
            if (carried) outcome.CarriedOver++;
            if (patched) outcome.Patched++;
            if (SchemaCache.BuildsFor(firstTree) > buildsBefore)
            {
                outcome.AnswersTakenOver += SchemaCache.AnswersTakenOverFor(firstTree);
                outcome.PiecesRead += SchemaCache.PiecesReadFor(firstTree);
                outcome.PiecesPredictedUnreached += SchemaCache.PiecesPredictedUnreachedFor(firstTree);
                outcome.PiecesWithRecord += SchemaCache.PiecesWithRecordFor(firstTree);
                var plans = SchemaCache.PlansFor(firstTree);
                outcome.PlansMade += plans.Made;
                outcome.PlansCompared += plans.Compared;
                outcome.PlansInOneRound += plans.OneRound;
                outcome.EntityTypesPlannedKept += plans.Kept;
                outcome.EntityTypesPlanned += plans.Kept + plans.Rebuilt;
                outcome.EntityTypesKeptAsRead += plans.KeptAsRead;
                outcome.PiecesTaken += plans.PiecesTaken;
                outcome.BuiltFromRecord += plans.BuiltFromRecord;
                outcome.EntityTypesFromRecord += plans.EntityTypesFromRecord;
                outcome.PiecesFromRecord += plans.PiecesFromRecord;
                outcome.PlansWithinCandidates += plans.WithinCandidates;
            }

            outcome.Applied.Add((patched ? "patched " : carried ? "carried " : "built   ") + edit.Description);
            if (incremental != fresh) outcome.Differences.Add($"{project}, edit {step} ({edit.Description}, {(carried ? "carried over" : "extracted")}): {FirstDifference(fresh, incremental)}");
        }

        return outcome;
    }

    /// <summary>
    /// The files, each under /src/ by its path, compiled as they stand against the tests' EF Core and providers: errors are
    /// kept, as while a person types or before a project has restored.
    /// </summary>
    public static Compilation Compile(string assemblyName, IEnumerable<(string Path, string Text)> files, NullableContextOptions nullable)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        return CSharpCompilation.Create(
            assemblyName,
            files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, "/src/" + file.Path)),
            SourceModelHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
    }

    /// <summary>The schema as the analyzers get it: through the per-project cache, carried over from the snapshot before when it can be.</summary>
    public static AnalyzedSchema Schema(Compilation compilation) =>
        new CompilationSchema(compilation, EfSymbols.TryCreate(compilation)!, Options, AnalyzerBaseline.None).Get(CancellationToken.None);

    /// <summary>The schema a whole extraction of <paramref name="compilation"/> gives, with no cache before or after it.</summary>
    public static AnalyzedSchema Fresh(Compilation compilation) =>
        new CompilationSchema(compilation, EfSymbols.TryCreate(compilation)!, Options, AnalyzerBaseline.None).BuildUncached(CancellationToken.None);

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var a = i < actualLines.Length ? actualLines[i] : "(end)";
            if (e != a) return $"line {i + 1}: fresh '{e.Trim()}', incremental '{a.Trim()}'";
        }

        return "none";
    }

    public sealed class Outcome
    {
        public List<string> Differences { get; } = new();
        public List<string> Applied { get; } = new();
        public int CarriedOver { get; set; }

        /// <summary>Of the edits carried over, those whose schema got new answers about what code writes.</summary>
        public int Patched { get; set; }

        /// <summary>Over the edits extracted again, the code-scan answers taken from the snapshot before instead of asked.</summary>
        public int AnswersTakenOver { get; set; }

        /// <summary>Over the edits extracted again, the pieces of model-building code read (those that recorded their trees).</summary>
        public int PiecesRead { get; set; }

        /// <summary>Of those pieces, the ones read with a record of the snapshot before to ask (in edits compared file by file).</summary>
        public int PiecesWithRecord { get; set; }

        /// <summary>Of those, the ones the snapshot before's record said, before reading, that the edit cannot reach.</summary>
        public int PiecesPredictedUnreached { get; set; }

        /// <summary>Over the edits extracted again, the models a rebuild plan was made for (<see cref="SourceModel.Drafts.RebuildPlan"/>).</summary>
        public int PlansMade { get; set; }

        /// <summary>Of those, the plans compared with the snapshot before (nothing model-wide changed), and of those the ones taking one round.</summary>
        public int PlansCompared { get; set; }

        public int PlansInOneRound { get; set; }

        /// <summary>Over the compared plans, the entity types kept as their records, and all their models' entity types.</summary>
        public int EntityTypesPlannedKept { get; set; }

        public int EntityTypesPlanned { get; set; }

        /// <summary>Of the kept, those checked against the record of what was read before the conventions.</summary>
        public int EntityTypesKeptAsRead { get; set; }

        /// <summary>The pieces a skipping reader would take from the record: known unreached, reaching only entity types kept.</summary>
        public int PiecesTaken { get; set; }

        /// <summary>The models built with the kept entity types' drafts and the taken pieces' relationships from the record.</summary>
        public int BuiltFromRecord { get; set; }

        /// <summary>The compared plans that rebuilt only entity types named before reading (or new ones): a skipping build's first start would do.</summary>
        public int PlansWithinCandidates { get; set; }

        /// <summary>In the models built from the record, the entity types and the pieces taken from it.</summary>
        public int EntityTypesFromRecord { get; set; }

        public int PiecesFromRecord { get; set; }

        /// <summary>The rebuild plans' figures in words.</summary>
        public string RebuildPlans => $"{PlansMade} rebuild plans, {PlansCompared} compared, {PlansInOneRound} in one round, {PlansWithinCandidates} within what they named before reading, keeping {EntityTypesPlannedKept} of {EntityTypesPlanned} entity types ({EntityTypesKeptAsRead} checked as read), taking {PiecesTaken} pieces from the record, {BuiltFromRecord} models built from it ({EntityTypesFromRecord} entity types and {PiecesFromRecord} pieces taken)";

        /// <summary>The pieces figures in words.</summary>
        public string Pieces => $"{PiecesRead} pieces read, {PiecesWithRecord} with a record to ask, {PiecesPredictedUnreached} of them known unreached before reading; {RebuildPlans}";

        public string Summary => string.Join("; ", Applied);
    }
}
