using System.Collections.Generic;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Generator;

namespace SchemaLint.Bench;

/// <summary>Everything measured at one model size; saved as JSON so the report can be written from whatever sizes finished.</summary>
/// <param name="Editing">The editing benchmark in the measuring process, on .NET's default (workstation) garbage collector.</param>
/// <param name="EditingServerGc">The same edits in a child process on the server garbage collector (null in results from before it was measured).</param>
public sealed record SizeResults(int Entities, AppShape Shape, double LoadAverageBefore, double LoadAverageAfter, BuildResults? Build, EditingResults? Editing, AuditResults? Audit,
    EditingResults? EditingServerGc = null);

/// <summary>The three builds the build benchmark alternates: the app as users have it, with SchemaLint, with the peer package.</summary>
public enum BuildConfiguration
{
    /// <summary>EF Core's analyzers only (they come with the EF Core package and run in every configuration).</summary>
    Without,
    SchemaLint,
    /// <summary>Meziantou.Analyzer at its default severities, SchemaLint off: a package users already accept.</summary>
    Meziantou,
}

/// <summary>One `dotnet build --no-incremental` and what its log says.</summary>
/// <param name="AllAnalyzerSeconds">Every analyzer assembly's time summed over threads (-reportanalyzer's total).</param>
public sealed record BuildMeasurement(
    double WallMs, double CscMs, double SchemaLintSeconds, double EfCoreSeconds, double MeziantouSeconds, double AllAnalyzerSeconds);

/// <summary>
/// One round: each configuration built once, back to back, in <paramref name="Order"/> (rotated between rounds). Every ratio in
/// the report pairs two builds of the same round.
/// </summary>
/// <param name="LoadAverageBefore">The 1-minute load average when the round started.</param>
public sealed record BuildRound(IReadOnlyList<BuildConfiguration> Order, BuildMeasurement Without, BuildMeasurement SchemaLint, BuildMeasurement Meziantou, double LoadAverageBefore)
{
    public BuildMeasurement Of(BuildConfiguration configuration) => configuration switch
    {
        BuildConfiguration.Without => Without,
        BuildConfiguration.SchemaLint => SchemaLint,
        BuildConfiguration.Meziantou => Meziantou,
        _ => throw new System.ArgumentOutOfRangeException(nameof(configuration), configuration, null),
    };
}

/// <param name="Commands">The build command of each configuration (the log file varies per build).</param>
/// <param name="WarmUps">Builds run and discarded before the first round (one per configuration).</param>
public sealed record BuildResults(IReadOnlyDictionary<BuildConfiguration, string> Commands, int WarmUps, IReadOnlyList<BuildRound> Rounds, IReadOnlyDictionary<string, int> WarningsByRule);

/// <summary>One simulated edit: the edited document first, then the following documents, for the empty analyzer and for SchemaLint.</summary>
/// <param name="Kind">Which kind of file was edited (entity class, configuration class, the context).</param>
/// <param name="Edit">What was typed, in words.</param>
/// <param name="ExtractionMs">Profile: SourceSchemaBuilder.Build alone on a fresh fork of the same compilation.</param>
/// <param name="EngineMs">Profile: Core's engine over the extracted models.</param>
/// <param name="FirstBaselineMemory">What the empty analyzer's first document cost the garbage collector.</param>
/// <param name="FirstSchemaLintMemory">What SchemaLint's first document cost the garbage collector.</param>
public sealed record EditingSample(
    EditKind Kind, string EditedFile, string Edit, double FirstBaselineMs, double FirstSchemaLintMs, IReadOnlyList<double> NextBaselineMs, IReadOnlyList<double> NextSchemaLintMs,
    int FindingsInEditedFile, double ExtractionMs, double EngineMs, MemoryCost? FirstBaselineMemory = null, MemoryCost? FirstSchemaLintMemory = null, int Run = 0)
{
    /// <summary>SchemaLint's time above the empty analyzer's on the edited document.</summary>
    public double FirstAddedMs => FirstSchemaLintMs - FirstBaselineMs;

    /// <summary>Megabytes SchemaLint allocated above the empty analyzer on the edited document (all threads).</summary>
    public double FirstAddedAllocatedMb => (FirstSchemaLintMemory?.AllocatedMb ?? 0) - (FirstBaselineMemory?.AllocatedMb ?? 0);

    /// <summary>Garbage-collection pauses above the empty analyzer's while the edited document was analyzed.</summary>
    public double FirstAddedGcPauseMs => (FirstSchemaLintMemory?.GcPauseMs ?? 0) - (FirstBaselineMemory?.GcPauseMs ?? 0);

    /// <summary>SchemaLint's median time above the empty analyzer's on the following documents.</summary>
    public double NextAddedMs => SchemaLint.Bench.Infrastructure.Statistics.Median(NextSchemaLintMs) - SchemaLint.Bench.Infrastructure.Statistics.Median(NextBaselineMs);
}

/// <param name="PerAnalyzer">Profile: each SchemaLint analyzer alone, one run.</param>
/// <param name="CompilationStartsPerEdit">Profile: compilation-start action runs for one edited document plus the following ones.</param>
/// <param name="Seed">The seed of the edit plan (which files, which edits).</param>
/// <param name="ServerGc">Whether the process that timed the edits ran the server garbage collector (<c>GCSettings.IsServerGC</c>).</param>
/// <param name="Gen0BudgetMb">
/// The collector's gen-0 budget the timed windows started within (<see cref="Editing.CollectorPhase"/>); 0 for results from
/// before run 17, whose windows started right after a full collection.
/// </param>
/// <param name="OwnProcess">
/// Whether the edits were timed in a process started for them alone (<see cref="Editing.EditingProcess"/>); false for results from
/// before run 25, whose workstation figures were timed in the measuring process after it had generated and built the app.
/// </param>
/// <param name="Runs">
/// How many times the plan was timed, each in a process of its own (<see cref="EditingSample.Run"/> numbers them from 0); the
/// samples are every run's, in run order. Results from before run 25 hold one run.
/// </param>
public sealed record EditingResults(IReadOnlyList<AnalyzerEditingCost> PerAnalyzer, int CompilationStartsPerEdit, string Command, int Seed, IReadOnlyList<EditingSample> Samples,
    bool ServerGc = false, double Gen0BudgetMb = 0, bool OwnProcess = false, int Runs = 1);

/// <summary>What one timed window cost the garbage collector: bytes allocated on every thread, and the time the runtime was paused to collect.</summary>
/// <param name="OlderCollections">Collections in the window that collected generation 1 or 2 too (counted in <paramref name="Collections"/>).</param>
/// <param name="LastPromotedMb">
/// What the window's last collection found alive and promoted: a collection's pause follows what survives it, not the garbage,
/// so this says whose data an edit's pauses copy. Zero when no collection fell in the window.
/// </param>
public sealed record MemoryCost(double AllocatedMb, double GcPauseMs, int Collections, int OlderCollections = 0, double LastPromotedMb = 0);

public sealed record AnalyzerEditingCost(string Analyzer, double FirstMs, double NextMedianMs);

public sealed record AuditSample(double BareMs, double AuditMs, long? BarePeakKilobytes, long? AuditPeakKilobytes);

public sealed record AuditResults(string CommandBare, string CommandAudit, IReadOnlyList<AuditSample> Samples, IReadOnlyDictionary<string, int> FindingsByRule);
