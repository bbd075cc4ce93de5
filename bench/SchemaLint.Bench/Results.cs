using System.Collections.Generic;
using SchemaLint.Bench.Generator;

namespace SchemaLint.Bench;

/// <summary>Everything measured at one model size; saved as JSON so the report can be written from whatever sizes finished.</summary>
public sealed record SizeResults(int Entities, AppShape Shape, double LoadAverageBefore, double LoadAverageAfter, BuildResults? Build, EditingResults? Editing, AuditResults? Audit);

/// <summary>One pair of builds taken back to back (order alternating between runs).</summary>
public sealed record BuildSample(
    double WallWithoutMs, double WallWithMs, double CscWithoutMs, double CscWithMs,
    double SchemaLintAnalyzerSeconds, double EfCoreAnalyzerSecondsWith, double EfCoreAnalyzerSecondsWithout, double AllAnalyzerSecondsWith);

public sealed record BuildResults(string CommandWithout, string CommandWith, IReadOnlyList<BuildSample> Samples, IReadOnlyDictionary<string, int> WarningsByRule);

/// <summary>One simulated edit: the edited document first, then the following documents, for the empty analyzer and for SchemaLint.</summary>
/// <param name="ExtractionMs">Profile: SourceSchemaBuilder.Build alone on a fresh fork of the same compilation.</param>
/// <param name="EngineMs">Profile: Core's engine over the extracted models.</param>
public sealed record EditingSample(
    string EditedFile, double FirstBaselineMs, double FirstSchemaLintMs, IReadOnlyList<double> NextBaselineMs, IReadOnlyList<double> NextSchemaLintMs,
    int FindingsInEditedFile, double ExtractionMs, double EngineMs);

/// <param name="PerAnalyzer">Profile: each SchemaLint analyzer alone, one run.</param>
/// <param name="CompilationStartsPerEdit">Profile: compilation-start action runs for one edited document plus the following ones.</param>
public sealed record EditingResults(IReadOnlyList<AnalyzerEditingCost> PerAnalyzer, int CompilationStartsPerEdit, string Command, IReadOnlyList<EditingSample> Samples);

public sealed record AnalyzerEditingCost(string Analyzer, double FirstMs, double NextMedianMs);

public sealed record AuditSample(double BareMs, double AuditMs, long? BarePeakKilobytes, long? AuditPeakKilobytes);

public sealed record AuditResults(string CommandBare, string CommandAudit, IReadOnlyList<AuditSample> Samples, IReadOnlyDictionary<string, int> FindingsByRule);
