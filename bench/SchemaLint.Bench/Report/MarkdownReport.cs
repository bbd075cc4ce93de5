using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SchemaLint.Bench.Build;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Generator.Emit;
using SchemaLint.Bench.Infrastructure;
using static SchemaLint.Bench.Infrastructure.Statistics;

namespace SchemaLint.Bench.Report;

/// <summary>Writes BENCHMARKS.md from the saved results: every number is a median of the runs, every ratio a median of per-run ratios.</summary>
public static class MarkdownReport
{
    private const int TargetSize = 1000;

    /// <summary>Edits needed before an editing figure may be judged (issue #19: at least 20, over different files).</summary>
    public const int MinimumEdits = 20;

    public static string Write(Workspace workspace)
    {
        var machine = Read<Machine>(workspace.MachineFile) ?? throw new BenchmarkFailure($"No {workspace.MachineFile}; run `measure` first.");
        var sizes = Directory.GetFiles(workspace.Results, "n*.json").Select(Read<SizeResults>).OfType<SizeResults>().OrderBy(s => s.Entities).ToList();
        if (sizes.Count == 0) throw new BenchmarkFailure($"No results in {workspace.Results}; run `measure` first.");

        var md = new StringBuilder();
        md.AppendLine("# SchemaLint benchmarks").AppendLine();
        md.AppendLine("What SchemaLint costs a build, an edit and an audit, beside what users already pay, and how that grows with the model.");
        md.AppendLine("Written by `bench/run.sh` (do not edit by hand; the analysis section comes from `bench/ANALYSIS.md`). Builds are measured in rounds");
        md.AppendLine("(without SchemaLint, with it, with Meziantou.Analyzer, back to back, the order rotating) and every build ratio is the median of the");
        md.AppendLine("rounds' own ratios, quoted with their min–max; editing figures are the median and p90 over edits spread across entity files,");
        md.AppendLine("configuration classes and the context. Nothing here is asserted by a test: these are measurements of one machine and run.");
        md.AppendLine($"Build rounds per size: {string.Join(", ", sizes.Select(s => $"{s.Entities:N0} entities: {s.Build?.Rounds.Count ?? 0}"))}; " +
            $"model edits per size: {string.Join(", ", sizes.Select(s => $"{s.Entities:N0} entities: {ModelEdits(s.Editing?.Samples ?? Array.Empty<EditingSample>()).Count()}{(s.Editing is { Runs: > 1 } e ? $" ({e.Runs} runs)" : "")}"))}.").AppendLine();

        Machine(md, machine, sizes);
        Targets(md, sizes);
        Peers(md, sizes);
        Build(md, workspace, sizes);
        Editing(md, sizes);
        Audit(md, sizes);
        Growth(md, sizes);
        RuleCost(md, workspace);
        Findings(md, workspace, sizes);
        Apps(md, sizes);
        if (File.Exists(workspace.AnalysisFile)) md.AppendLine(File.ReadAllText(workspace.AnalysisFile).TrimEnd()).AppendLine();
        return md.ToString();
    }

    private static void Machine(StringBuilder md, Machine machine, List<SizeResults> sizes)
    {
        md.AppendLine("## Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| date (UTC) | {machine.StartedUtc:yyyy-MM-dd HH:mm} |");
        md.AppendLine($"| commit measured | {(machine.Commit is null ? "not recorded" : $"`{machine.Commit}`")} |");
        md.AppendLine($"| processors (`nproc`) | {machine.Processors} |");
        md.AppendLine($"| memory | {machine.Memory} |");
        md.AppendLine($"| CPU | {machine.Cpu} |");
        md.AppendLine($"| OS | {machine.Os} |");
        md.AppendLine($"| .NET SDK | {machine.Sdk} (harness on {machine.Runtime}) |");
        md.AppendLine($"| sizes measured | {string.Join(", ", sizes.Select(s => s.Entities.ToString("N0", CultureInfo.InvariantCulture)))} entity types |");
        md.AppendLine($"| 1-minute load average (before → after each size) | {string.Join("; ", sizes.Select(s => $"n={s.Entities}: {s.LoadAverageBefore:F1} → {s.LoadAverageAfter:F1}"))} |");
        md.AppendLine().AppendLine($"A load average above {machine.Processors} means other processes competed for the cores during the run: absolute times are then inflated and noisy, which is why every comparison is a ratio taken back to back.").AppendLine();
    }

    private static void Targets(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine($"Build ratios: median of the per-round ratios, (min–max) over the rounds. A ratio is judged only with at least {MinimumPairs} rounds and when");
        md.AppendLine($"its min–max range lies wholly on one side of the target; the build-time percentages must also span at most {MaximumRatioWidth * 100:F0} percentage points.");
        md.AppendLine("Otherwise the row says the spread is too wide to conclude, whatever the median: on a busy machine that is the honest answer.");
        md.AppendLine($"Editing: SchemaLint's time above the empty analyzer's on the edited document, median and p90 (nearest rank) over the edits; judged from {MinimumEdits} edits up.").AppendLine();
        md.AppendLine("| figure | target | measured | met |").AppendLine("|---|---|---|---|");

        EditingRow(md, sizes, TargetSize, "first document after an edit, added over the empty analyzer, 1,000 entities", "<= 50 ms median, <= 150 ms p90", 50, 150);
        EditingRow(md, sizes, 5 * TargetSize, "same, 5,000 entities", "<= 300 ms median", 300, null);
        EditingRow(md, sizes, TargetSize / 10, "same, 100 entities", "<= 20 ms median", 20, null);

        var at = Rounds(sizes, TargetSize);
        if (at is null) NotMeasured(md, "build wall time with / without SchemaLint, 1,000 entities", "<= +5%", TargetSize);
        else
        {
            var wall = WallRatio(at, BuildConfiguration.SchemaLint);
            TargetRow(md, "build wall time with / without SchemaLint, 1,000 entities", "<= +5%", $"{PercentSpread(wall)} ({wall.Count} pairs)", Judge(wall, 1.05));
        }

        var shares = new[] { TargetSize, 5 * TargetSize }.Select(n => (Size: n, Rounds: Rounds(sizes, n))).ToList();
        var measuredShares = shares.Where(s => s.Rounds is not null).Select(s => (s.Size, Share: CscShare(s.Rounds!))).ToList();
        TargetRow(md, "SchemaLint analyzer time / Csc, 1,000 and 5,000 entities", "<= 5% at both",
            string.Join("; ", shares.Select(s => s.Rounds is null ? $"n={s.Size:N0}: not measured" : $"n={s.Size:N0}: {ShareSpread(CscShare(s.Rounds))}")),
            measuredShares.Count < shares.Count ? null : Combine(measuredShares.Select(s => Judge(s.Share, 0.05))));

        var small = Rounds(sizes, TargetSize);
        var large = Rounds(sizes, 5 * TargetSize);
        if (small is null || large is null) NotMeasured(md, "growth 1,000 -> 5,000 of SchemaLint's build time", "<= 5.5x", small is null ? TargetSize : 5 * TargetSize);
        else
        {
            var growth = Growth(small.Select(r => r.SchemaLint.SchemaLintSeconds).ToList(), large.Select(r => r.SchemaLint.SchemaLintSeconds).ToList());
            TargetRow(md, "growth 1,000 -> 5,000 of SchemaLint's build time", "<= 5.5x",
                $"{growth.Median:F1}x ({growth.Min:F1}–{growth.Max:F1}x, slowest and fastest rounds crossed; analyzer time from -reportanalyzer)", Judge(growth, 5.5, maximumWidth: null));
        }

        var peers = sizes.Where(s => s.Build is { Rounds.Count: > 0 }).Select(s => (s.Entities, Ratio: PeerRatio(s.Build!.Rounds))).ToList();
        TargetRow(md, "SchemaLint / Meziantou.Analyzer build time on the same app", "reported; below 1",
            peers.Count == 0 ? "not measured" : string.Join("; ", peers.Select(p => $"n={p.Entities:N0}: {RatioSpread(p.Ratio)}")) + " (analyzer time, per round)",
            peers.Count == 0 ? null : Combine(peers.Select(p => Judge(p.Ratio, 1.0, maximumWidth: null))));
        md.AppendLine();
    }

    private static void EditingRow(StringBuilder md, List<SizeResults> sizes, int entities, string figure, string target, double medianTarget, double? p90Target)
    {
        var size = sizes.FirstOrDefault(s => s.Entities == entities);
        var editing = size?.Editing;
        if (editing is null || editing.Samples.Count == 0)
        {
            NotMeasured(md, figure, target, entities);
            return;
        }

        var added = ModelEdits(editing.Samples).Select(s => s.FirstAddedMs).ToList();
        var median = Median(added);
        var p90 = P90(added);
        Verdict verdict;
        if (added.Count < MinimumEdits) verdict = Verdict.TooFewPairs;
        else verdict = median <= medianTarget && (p90Target is null || p90 <= p90Target) ? Verdict.Met : Verdict.Missed;
        var measured = $"median {median:F0} ms, p90 {p90:F0} ms ({EditCount(editing)}{(editing.ServerGc ? ", server GC" : "")}{RunMedians(editing)})";
        if (size!.EditingServerGc is { Samples.Count: > 0 } server && !editing.ServerGc)
        {
            var onServer = ModelEdits(server.Samples).Select(s => s.FirstAddedMs).ToList();
            measured += $"; on server GC, not judged: median {Median(onServer):F0} ms, p90 {P90(onServer):F0} ms";
        }

        TargetRow(md, figure, target, measured, verdict, MinimumEdits, "edits");
    }

    private static void TargetRow(StringBuilder md, string figure, string target, string measured, Verdict? verdict, int minimum = MinimumPairs, string samples = "pairs") =>
        md.AppendLine($"| {figure} | {target} | {measured} | {(verdict is { } v ? Describe(v, minimum, samples) : "–")} |");

    private static void NotMeasured(StringBuilder md, string figure, string target, int entities) =>
        md.AppendLine($"| {figure} | {target} | not measured at {entities:N0} entities | – |");

    /// <summary>Several sizes or figures under one target: a conclusive miss anywhere is a miss; otherwise any undecided one leaves the row undecided.</summary>
    public static Verdict Combine(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        if (list.Contains(Verdict.Missed)) return Verdict.Missed;
        if (list.Contains(Verdict.TooFewPairs)) return Verdict.TooFewPairs;
        if (list.Contains(Verdict.SpreadTooWide)) return Verdict.SpreadTooWide;
        return Verdict.Met;
    }

    private static IReadOnlyList<BuildRound>? Rounds(List<SizeResults> sizes, int entities) =>
        sizes.FirstOrDefault(s => s.Entities == entities)?.Build is { Rounds.Count: > 0 } b ? b.Rounds : null;

    /// <summary>A configuration's wall time over the build without SchemaLint of the same round.</summary>
    private static Spread WallRatio(IReadOnlyList<BuildRound> rounds, BuildConfiguration configuration) =>
        PairRatios(rounds.Select(r => r.Of(configuration).WallMs).ToList(), rounds.Select(r => r.Without.WallMs).ToList());

    /// <summary>SchemaLint's analyzer time over the Csc task's wall time, in the same build.</summary>
    private static Spread CscShare(IReadOnlyList<BuildRound> rounds) =>
        PairRatios(rounds.Select(r => r.SchemaLint.SchemaLintSeconds * 1000).ToList(), rounds.Select(r => r.SchemaLint.CscMs).ToList());

    /// <summary>SchemaLint's analyzer time over Meziantou.Analyzer's, each in its own build of the same round.</summary>
    private static Spread PeerRatio(IReadOnlyList<BuildRound> rounds) =>
        PairRatios(rounds.Select(r => r.SchemaLint.SchemaLintSeconds).ToList(), rounds.Select(r => r.Meziantou.MeziantouSeconds).ToList());

    /// <summary>
    /// Growth between two sizes measured in different rounds, so nothing pairs them: the ratio of the medians, with the
    /// range from the fastest small and slowest large round to the reverse.
    /// </summary>
    public static Spread Growth(IReadOnlyList<double> small, IReadOnlyList<double> large) =>
        small.Count == 0 || large.Count == 0 || small.Min() <= 0
            ? Spread.None
            : new Spread(Median(large) / Median(small), large.Min() / small.Max(), large.Max() / small.Min(), Math.Min(small.Count, large.Count));

    private static string PercentSpread(Spread ratio) => $"{Percent(ratio.Median - 1)} ({Percent(ratio.Min - 1)} to {Percent(ratio.Max - 1)})";

    private static string ShareSpread(Spread share) => $"{Share(share.Median)} ({Share(share.Min)}–{Share(share.Max)})";

    private static string Share(double fraction) => $"{fraction * 100:F1}%";

    /// <summary>A ratio with its range, "to" between the ends since either may be negative.</summary>
    private static string RatioSpread(Spread ratio) => $"{Signed(ratio.Median)} ({Signed(ratio.Min)} to {Signed(ratio.Max)})";

    private static string Signed(double value) => $"{(value < 0 ? "−" : string.Empty)}{Math.Abs(value):F2}";

    /// <summary>SchemaLint beside EF Core's analyzers and Meziantou.Analyzer, in the same rounds of builds of the same app.</summary>
    private static void Peers(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## Peers on the same app").AppendLine();
        var measured = sizes.Where(s => s.Build is { Rounds.Count: > 0 }).ToList();
        if (measured.Count == 0)
        {
            md.AppendLine("Not measured: no build rounds finished.").AppendLine();
            return;
        }

        md.AppendLine("Each configuration's cost in the same rounds: EF Core's analyzers come with the EF Core package and run in every build (the");
        md.AppendLine("\"without\" build is the app as its users have it); SchemaLint and Meziantou.Analyzer (at its default severities, SchemaLint off) are");
        md.AppendLine("each added to it. \"Wall vs without\" is the median of per-round ratios (min to max); analyzer times are `-reportanalyzer`'s, summed");
        md.AppendLine("over threads, for the package's own assembly.").AppendLine();
        md.AppendLine("| entities | build | wall time | wall vs without | package's analyzers | / Csc | EF Core analyzers | all analyzers |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in measured)
        {
            var rounds = size.Build!.Rounds;
            foreach (var configuration in BuildBenchmark.Configurations)
            {
                var builds = rounds.Select(r => r.Of(configuration)).ToList();
                Func<BuildMeasurement, double> own = configuration switch
                {
                    BuildConfiguration.SchemaLint => b => b.SchemaLintSeconds,
                    BuildConfiguration.Meziantou => b => b.MeziantouSeconds,
                    _ => b => b.EfCoreSeconds,
                };
                var name = configuration switch
                {
                    BuildConfiguration.SchemaLint => "with SchemaLint",
                    BuildConfiguration.Meziantou => $"with {AppWriter.MeziantouPackage} {AppWriter.MeziantouVersion}",
                    _ => "without (EF Core's analyzers only)",
                };
                var share = PairRatios(builds.Select(b => own(b) * 1000).ToList(), builds.Select(b => b.CscMs).ToList());
                md.AppendLine($"| {size.Entities:N0} | {name} | {Median(builds.Select(b => b.WallMs)) / 1000:F1} s " +
                    $"| {(configuration == BuildConfiguration.Without ? "–" : PercentSpread(WallRatio(rounds, configuration)))} " +
                    $"| {Median(builds.Select(own)):F2} s | {Share(share.Median)} | {Median(builds.Select(b => b.EfCoreSeconds)):F2} s | {Median(builds.Select(b => b.AllAnalyzerSeconds)):F2} s |");
            }
        }

        md.AppendLine().AppendLine("SchemaLint / Meziantou.Analyzer, per round (median, min–max): analyzer time, and wall time added over the build without either.").AppendLine();
        md.AppendLine("| entities | analyzer time | added wall time |").AppendLine("|---:|---:|---:|");
        foreach (var size in measured)
        {
            var rounds = size.Build!.Rounds;
            var time = PeerRatio(rounds);
            var added = PairRatios(rounds.Select(r => r.SchemaLint.WallMs - r.Without.WallMs).ToList(), rounds.Select(r => r.Meziantou.WallMs - r.Without.WallMs).ToList());
            md.AppendLine($"| {size.Entities:N0} | {RatioSpread(time)} | {RatioSpread(added)} |");
        }

        md.AppendLine().AppendLine("An added wall time near zero makes its ratio meaningless (and negative when the build with a package came out faster).").AppendLine();
    }

    /// <summary>Profile: SchemaLint's time per analyzer type, from the measured builds' logs (still in bench/out when the report is written).</summary>
    private static void SchemaLintAnalyzerBreakdown(StringBuilder md, Workspace workspace, List<SizeResults> sizes)
    {
        var rows = new List<string>();
        foreach (var size in sizes.Where(s => s.Build is { Rounds.Count: > 0 }))
        {
            var logs = Directory.Exists(Path.Combine(workspace.AppRoot(size.Entities), "logs"))
                ? Directory.GetFiles(Path.Combine(workspace.AppRoot(size.Entities), "logs"), "run*-with.log").Select(f => BuildLog.Parse(File.ReadAllText(f))).ToList()
                : new List<BuildLog>();
            foreach (var type in logs.SelectMany(l => l.AnalyzerTypes).Select(t => t.Assembly).Where(t => t.StartsWith("SchemaLint.", StringComparison.Ordinal)).Distinct().OrderBy(t => t, StringComparer.Ordinal))
                rows.Add($"| {size.Entities:N0} | {type} | {Median(logs.Select(l => l.AnalyzerTypes.Where(t => t.Assembly == type).Sum(t => t.Seconds))):F2} s |");
        }

        if (rows.Count == 0) return;
        md.AppendLine().AppendLine("Profile: SchemaLint's analyzer time by analyzer (median over the measured builds' logs):").AppendLine();
        md.AppendLine("| entities | analyzer | time |").AppendLine("|---:|---|---:|");
        foreach (var row in rows) md.AppendLine(row);
    }

    private static void Build(StringBuilder md, Workspace workspace, List<SizeResults> sizes)
    {
        md.AppendLine("## 1. Build").AppendLine();
        md.AppendLine("`dotnet build --no-incremental` of the generated app in three configurations: without SchemaLint, with it (the Release assemblies as a");
        md.AppendLine("package delivers them), and with Meziantou.Analyzer instead. Per size: one warm-up build of each configuration, discarded; then rounds");
        md.AppendLine("of the three back to back, the order rotating (without, SchemaLint, Meziantou; then SchemaLint, Meziantou, without; then Meziantou,");
        md.AppendLine("without, SchemaLint; ...), so that no configuration always runs first or last. The same command otherwise, `-reportanalyzer` in all.");
        md.AppendLine("Ratios pair the builds of one round; the load average is taken when each round starts.").AppendLine();
        md.AppendLine("| entities | round | order | load | without | with SchemaLint | with / without | with Meziantou | Meziantou / without | Csc (with) | SchemaLint analyzers | Meziantou analyzers |");
        md.AppendLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Where(s => s.Build is { Rounds.Count: > 0 }))
        {
            foreach (var (round, i) in size.Build!.Rounds.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| {size.Entities:N0} | {i + 1} | {string.Join(" ", round.Order.Select(BuildBenchmark.Name))} | {round.LoadAverageBefore:F1} " +
                    $"| {round.Without.WallMs / 1000:F1} s | {round.SchemaLint.WallMs / 1000:F1} s | {Percent(round.SchemaLint.WallMs / round.Without.WallMs - 1)} " +
                    $"| {round.Meziantou.WallMs / 1000:F1} s | {Percent(round.Meziantou.WallMs / round.Without.WallMs - 1)} " +
                    $"| {round.SchemaLint.CscMs / 1000:F1} s | {round.SchemaLint.SchemaLintSeconds:F2} s | {round.Meziantou.MeziantouSeconds:F2} s |");
            }

            var wall = WallRatio(size.Build.Rounds, BuildConfiguration.SchemaLint);
            md.AppendLine($"| {size.Entities:N0} | **median** | | | | | **{PercentSpread(wall)}** | | {PercentSpread(WallRatio(size.Build.Rounds, BuildConfiguration.Meziantou))} | | | |");
        }

        var judged = sizes.Where(s => s.Build is { Rounds.Count: > 0 }).ToList();
        if (judged.Count > 0)
        {
            md.AppendLine().AppendLine("With / without against the +5% target at every size (the targets table judges 1,000 entities only): " +
                string.Join("; ", judged.Select(s => $"n={s.Entities:N0}: {Describe(Judge(WallRatio(s.Build!.Rounds, BuildConfiguration.SchemaLint), 1.05))}")) + ".");
        }

        SchemaLintAnalyzerBreakdown(md, workspace, sizes);
        var any = sizes.Select(s => s.Build).FirstOrDefault(b => b is not null);
        if (any is not null)
        {
            md.AppendLine().AppendLine("Commands (per size, log file per build):").AppendLine();
            md.AppendLine("```");
            foreach (var configuration in BuildBenchmark.Configurations) md.AppendLine(any.Commands[configuration]);
            md.AppendLine("```");
        }

        md.AppendLine();
    }

    private static void Editing(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## 2. Editing").AppendLine();
        md.AppendLine("Edits spread over the app's files (`bench/SchemaLint.Bench/Editing/EditPlan.cs`, seeded): of 20, 10 add a property to an entity file,");
        md.AppendLine("6 add or change a Fluent call in a configuration class, 4 add a `DbSet` to the context or chain a Fluent call in `OnModelCreating`.");
        md.AppendLine("Each edit makes a fresh compilation with the edited tree, then runs");
        md.AppendLine("`CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel of that tree, null, …)` as the IDE runs it for the open");
        md.AppendLine($"document (\"first document\"), then the same for the {EditingBenchmark.FollowingDocuments} entity files after the edited entity on that compilation (\"next documents\").");
        md.AppendLine("The baseline is an empty analyzer with SchemaLint's shape (symbol and operation actions that do nothing), timed on its own fork of");
        md.AppendLine("the same edit back to back with SchemaLint, the order alternating: its time is Roslyn binding the document, which the IDE pays for its");
        md.AppendLine("own diagnostics anyway. SchemaLint's cost is the difference (\"added\"), per edit; the table gives its median, p90 (nearest rank) and");
        md.AppendLine("range over the edits. The profile columns time, on another fork of the same edited compilation, the two parts of SchemaLint's work.");
        md.AppendLine("Before SchemaLint's timing the snapshot before the edit is analyzed, untimed, as the IDE had analyzed it before the keystroke.");
        md.AppendLine("Before the timed pass, every edit of the plan runs once, untimed, so that the analyzers' code is compiled to .NET's optimized tier,");
        md.AppendLine("as in an IDE that has run them on earlier keystrokes.");
        md.AppendLine(Process(sizes));
        md.AppendLine(WindowStart(sizes));
        md.AppendLine($"Beside the model edits, {EditPlan.DefaultServiceEdits} statements are typed into service method bodies (half queries, half writes of a mapped");
        md.AppendLine("property): most keystrokes in an application land outside the model. They appear only in the by-kind table, not in the targets.").AppendLine();
        md.AppendLine("| entities | edits (entity / configuration / context) | first: added, median | first: added, p90 | first: added, min–max | first: added, run medians | first: empty analyzer | first: SchemaLint | next: added, median | next: added, p90 | profile: schema extraction | profile: rules |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Where(s => s.Editing is { Samples.Count: > 0 }))
        {
            var s = ModelEdits(size.Editing!.Samples).ToList();
            var added = Of(s.Select(x => x.FirstAddedMs));
            md.AppendLine($"| {size.Entities:N0} | {s.Count} ({CountOf(s, EditKind.Entity)} / {CountOf(s, EditKind.Configuration)} / {CountOf(s, EditKind.Context)}) " +
                $"| {added.Median:F0} ms | {P90(s.Select(x => x.FirstAddedMs)):F0} ms | {added.Min:F0}–{added.Max:F0} ms | {RunMedianRange(size.Editing)} " +
                $"| {Median(s.Select(x => x.FirstBaselineMs)):F0} ms | {Median(s.Select(x => x.FirstSchemaLintMs)):F0} ms " +
                $"| {Median(s.Select(x => x.NextAddedMs)):F1} ms | {P90(s.Select(x => x.NextAddedMs)):F1} ms " +
                $"| {Median(s.Select(x => x.ExtractionMs)):F0} ms | {Median(s.Select(x => x.EngineMs)):F0} ms |");
        }

        Memory(md, sizes);
        GarbageCollectors(md, sizes);

        md.AppendLine().AppendLine("By kind of file edited (first document, added; median, min–max):").AppendLine();
        md.AppendLine("| entities | entity files | configuration classes | the context | service bodies (outside the model) |").AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Where(s => s.Editing is { Samples.Count: > 0 }))
        {
            md.Append($"| {size.Entities:N0} |");
            foreach (var kind in Enum.GetValues<EditKind>())
            {
                var of = Of(size.Editing!.Samples.Where(x => x.Kind == kind).Select(x => x.FirstAddedMs));
                md.Append(of.Count == 0 ? " – |" : $" {of.Median:F0} ms ({of.Min:F0}–{of.Max:F0}; {of.Count}) |");
            }

            md.AppendLine();
        }

        var profiled = sizes.Where(s => s.Editing is { PerAnalyzer.Count: > 0 }).ToList();
        if (profiled.Count > 0)
        {
            md.AppendLine().AppendLine("Profile: each SchemaLint analyzer alone on the plan's first edit (one run), and how many times Roslyn ran compilation-start actions");
            md.AppendLine($"for the {1 + EditingBenchmark.FollowingDocuments} single-document requests of one edit on one `CompilationWithAnalyzers` (counted by the empty analyzer).").AppendLine();
            md.AppendLine("| entities | analyzer | first document | next documents (median) |").AppendLine("|---:|---|---:|---:|");
            foreach (var size in profiled)
            {
                foreach (var cost in size.Editing!.PerAnalyzer) md.AppendLine($"| {size.Entities:N0} | {cost.Analyzer} | {cost.FirstMs:F0} ms | {cost.NextMedianMs:F1} ms |");
                md.AppendLine($"| {size.Entities:N0} | compilation-start action runs per edit | {size.Editing.CompilationStartsPerEdit} | |");
            }
        }

        var ownProcess = sizes.Where(s => s.Editing is { Samples.Count: > 0 }).All(s => s.Editing!.OwnProcess);
        md.AppendLine().AppendLine($"Command: `dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll measure --sizes N --edits 20` ({(ownProcess ? "the edits in child processes" : "in-process")}; the compilation is");
        md.AppendLine("rebuilt from the csc command line MSBuild logged, with the project's .editorconfig options; every edit's figures are in");
        md.AppendLine("`bench/out/results/nN.json`; see `bench/SchemaLint.Bench/Editing/`).").AppendLine();
    }

    private static int CountOf(IReadOnlyList<EditingSample> samples, EditKind kind) => samples.Count(s => s.Kind == kind);

    /// <summary>The edits to the model (entity files, configuration classes, the context): what the targets are about.</summary>
    private static IEnumerable<EditingSample> ModelEdits(IEnumerable<EditingSample> samples) => samples.Where(s => s.Kind != EditKind.Service);

    /// <summary>How many model edits a result holds, and in how many runs when more than one.</summary>
    private static string EditCount(EditingResults editing)
    {
        var count = ModelEdits(editing.Samples).Count();
        return editing.Runs > 1 ? $"{count} edits in {editing.Runs} runs" : $"{count} edits";
    }

    /// <summary>The spread between runs of the plan, for the targets: empty for one run.</summary>
    private static string RunMedians(EditingResults editing) => editing.Runs < 2 ? string.Empty : $"; run medians {RunMedianRange(editing)}";

    /// <summary>The lowest and highest run's median of the first document's added time; "–" for one run.</summary>
    private static string RunMedianRange(EditingResults editing)
    {
        if (editing.Runs < 2) return "–";
        var medians = ModelEdits(editing.Samples).GroupBy(s => s.Run).Select(run => Median(run.Select(s => s.FirstAddedMs))).ToList();
        return $"{medians.Min():F0}–{medians.Max():F0} ms";
    }

    private static void Audit(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## 3. Audit").AppendLine();
        md.AppendLine("`schemalint audit --no-build` of the built app against the app's own entry point, which builds the same design-time model through the");
        md.AppendLine("same `IDesignTimeDbContextFactory` (`context.GetService<IDesignTimeModel>().Model`) and nothing else: EF Core's own work is the floor.");
        md.AppendLine("Both are fresh processes; peak memory is the maximum resident set `/usr/bin/time -v` reports (for the audit, the largest of the");
        md.AppendLine("command and the application host it starts).").AppendLine();
        md.AppendLine("| entities | bare model build | audit | audit / bare | bare peak memory | audit peak memory | audit / bare memory |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Where(s => s.Audit is not null))
        {
            var s = size.Audit!.Samples;
            var bareMemory = s.Where(x => x.BarePeakKilobytes.HasValue).Select(x => (double)x.BarePeakKilobytes!.Value).ToList();
            var auditMemory = s.Where(x => x.AuditPeakKilobytes.HasValue).Select(x => (double)x.AuditPeakKilobytes!.Value).ToList();
            md.AppendLine($"| {size.Entities:N0} | {Median(s.Select(x => x.BareMs)) / 1000:F2} s | {Median(s.Select(x => x.AuditMs)) / 1000:F2} s | {MedianRatio(s.Select(x => x.AuditMs).ToList(), s.Select(x => x.BareMs).ToList()):F2}x " +
                $"| {Mebibytes(bareMemory)} | {Mebibytes(auditMemory)} | {(bareMemory.Count > 0 && auditMemory.Count > 0 ? $"{MedianRatio(auditMemory, bareMemory):F2}x" : "–")} |");
        }

        var any = sizes.Select(s => s.Audit).FirstOrDefault(a => a is not null);
        if (any is not null) md.AppendLine().AppendLine("Commands:").AppendLine().AppendLine("```").AppendLine(any.CommandBare).AppendLine(any.CommandAudit).AppendLine("```");
        md.AppendLine();
    }

    /// <summary>
    /// What a model edit's first document cost the garbage collector above the empty analyzer: most of what an extraction
    /// allocates lives until it ends, so every collection in the window copies it, and the pauses are part of the added time.
    /// </summary>
    private static void Memory(StringBuilder md, List<SizeResults> sizes)
    {
        var measured = sizes.Where(s => s.Editing is { Samples.Count: > 0 } e && ModelEdits(e.Samples).All(x => x.FirstSchemaLintMemory is not null && x.FirstBaselineMemory is not null)).ToList();
        if (measured.Count == 0) return;
        md.AppendLine().AppendLine("Memory, first document after a model edit, SchemaLint above the empty analyzer (median and p90 over the same edits): bytes allocated");
        md.AppendLine("on all threads in the timed window, and the time the runtime paused them to collect garbage, which is part of the added time above.");
        md.AppendLine("The collections are SchemaLint's window's own, counted whole; a collection's pause grows with what survives it, not with the garbage")
            .AppendLine("(bench/ANALYSIS.md, run 12).")
            .AppendLine("Of the edits whose window held a collection: how many collected generation 1 or 2 as well, and what the window's last collection")
            .AppendLine("promoted (found alive), median: the data whose copying the pauses are (bench/ANALYSIS.md, run 17). Results from before run 17 did not record these.").AppendLine();
        md.AppendLine("| entities | allocated, median | allocated, p90 | GC pauses, median | GC pauses, p90 | GC pauses / added time (medians) | collections, median (max) | generation 1 or 2 | promoted, median |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in measured)
        {
            var s = ModelEdits(size.Editing!.Samples).ToList();
            var pauses = Median(s.Select(x => x.FirstAddedGcPauseMs));
            var added = Median(s.Select(x => x.FirstAddedMs));
            md.AppendLine($"| {size.Entities:N0} | {Median(s.Select(x => x.FirstAddedAllocatedMb)):F1} MB | {P90(s.Select(x => x.FirstAddedAllocatedMb)):F1} MB " +
                $"| {pauses:F0} ms | {P90(s.Select(x => x.FirstAddedGcPauseMs)):F0} ms | {(added > 0 ? $"{pauses / added:P0}" : "–")} " +
                $"| {Median(s.Select(x => (double)x.FirstSchemaLintMemory!.Collections)):F0} ({s.Max(x => x.FirstSchemaLintMemory!.Collections)}) | {Promotion(s)}");
        }
    }

    /// <summary>Which process timed the edits: one started for them alone, or (results before run 25) the measuring process itself.</summary>
    private static string Process(List<SizeResults> sizes)
    {
        var timed = sizes.Where(s => s.Editing is { Samples.Count: > 0 }).ToList();
        if (timed.Count > 0 && timed.All(s => s.Editing!.OwnProcess))
        {
            var runs = timed.Max(s => s.Editing!.Runs);
            return "Each size's edits are timed in a child process started for them alone, so that nothing the measuring process did before (generating\n" +
                "and building the app, measuring the sizes before it) is in the heap the edits are timed on" +
                (runs > 1
                    ? $"; the plan is timed {runs} times on each garbage collector, each time in a new process, the collectors alternating, and the figures\n" +
                      "are over every run's edits: one run's median moves from run to run by more than the margin a target is judged by (bench/ANALYSIS.md, run 25)."
                    : " (bench/ANALYSIS.md, run 25).");
        }

        return "The workstation figures were timed in the measuring process itself, after it had generated and built the app and measured the sizes\n" +
            "before it (since run 25 a child process started for the edits alone times them; alternating runs showed no difference beyond the\n" +
            "spread between runs, bench/ANALYSIS.md, run 25).";
    }

    /// <summary>Where the timed windows started in the collector's budget, which decides how many collections an edit pays.</summary>
    private static string WindowStart(List<SizeResults> sizes)
    {
        var budgets = sizes.Where(s => s.Editing is { Samples.Count: > 0 }).Select(s => (s.Entities, s.Editing!.Gen0BudgetMb)).ToList();
        if (budgets.Count > 0 && budgets.All(b => b.Gen0BudgetMb > 0))
            return "Each timed window starts after a full collection and garbage filling a seeded share of the gen-0 budget (measured in the process: " +
                string.Join(", ", budgets.Select(b => $"{b.Gen0BudgetMb:F1} MB at {b.Entities:N0} entities")) + "), the same share for both analyzers of an edit: in a typing\n" +
                "session a keystroke lands anywhere in that budget, so over a run edits pay collections in proportion to what they allocate (bench/ANALYSIS.md, run 17).";
        return "Each timed window starts right after a full collection (results from before run 17), so an edit pays no collection until it allocates\n" +
            "a whole gen-0 budget, and then one every time: an edit allocating just under the budget shows no pause, one just over it a whole one\n" +
            "(bench/ANALYSIS.md, run 17).";
    }

    /// <summary>The table's last two cells: of the edits that collected in their window, how many reached generation 1, and what the last collection promoted.</summary>
    private static string Promotion(List<EditingSample> samples)
    {
        var collected = samples.Where(x => x.FirstSchemaLintMemory!.Collections > 0).ToList();
        if (collected.Count == 0) return "– | – |";
        if (collected.All(x => x.FirstSchemaLintMemory!.LastPromotedMb == 0)) return "not recorded | not recorded |";
        return $"{collected.Count(x => x.FirstSchemaLintMemory!.OlderCollections > 0)} of {collected.Count} | {Median(collected.Select(x => x.FirstSchemaLintMemory!.LastPromotedMb)):F1} MB |";
    }

    /// <summary>
    /// The same model edits timed on both garbage collectors (<see cref="EditingProcess"/>): hosts differ in which they run,
    /// and most of what an extraction allocates is garbage the collector either pauses for within the edit or after it.
    /// </summary>
    private static void GarbageCollectors(StringBuilder md, List<SizeResults> sizes)
    {
        var measured = sizes.Where(s => s.Editing is { Samples.Count: > 0, ServerGc: false } && s.EditingServerGc is { Samples.Count: > 0 }).ToList();
        if (measured.Count == 0) return;
        md.AppendLine().AppendLine("The same model edits on each garbage collector, first document, SchemaLint above the empty analyzer. The table above is .NET's default");
        md.AppendLine(measured.All(s => s.Editing!.OwnProcess)
            ? "(workstation) GC, timed in a child process started with `DOTNET_gcServer=0`; the server-GC run is another, started with `DOTNET_gcServer=1` right after it, with the same"
            : "(workstation) GC, timed in the measuring process; the server-GC run is a child process started with `DOTNET_gcServer=1` right after it, with the same");
        md.AppendLine("plan and warm-up. The Roslyn language server that VS Code's C# extension runs is configured for server GC, whose larger allocation budget");
        md.AppendLine("lets an edit be answered before its garbage is collected. The targets are judged on workstation GC, the stricter of the two.").AppendLine();
        md.AppendLine("| entities | workstation: added, median | workstation: p90 | workstation: GC pauses, median | server: added, median | server: p90 | server: GC pauses, median |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in measured)
        {
            var workstation = ModelEdits(size.Editing!.Samples).ToList();
            var server = ModelEdits(size.EditingServerGc!.Samples).ToList();
            md.AppendLine($"| {size.Entities:N0} | {Median(workstation.Select(x => x.FirstAddedMs)):F0} ms | {P90(workstation.Select(x => x.FirstAddedMs)):F0} ms | {Median(workstation.Select(x => x.FirstAddedGcPauseMs)):F0} ms " +
                $"| {Median(server.Select(x => x.FirstAddedMs)):F0} ms | {P90(server.Select(x => x.FirstAddedMs)):F0} ms | {Median(server.Select(x => x.FirstAddedGcPauseMs)):F0} ms |");
        }
    }

    private static void Growth(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## 4. Growth").AppendLine();
        md.AppendLine("Each cost at every size, and the factor from one size to the next (entities grow 10x, then 5x; linear growth means the same factor).").AppendLine();
        var figures = new List<(string Name, Func<SizeResults, double?> Value, string Unit)>
        {
            ("build: added wall time (with − without)", s => s.Build is { Rounds.Count: > 0 } b ? Median(b.Rounds.Select(x => x.SchemaLint.WallMs - x.Without.WallMs)) / 1000 : null, "s"),
            ("build: Csc task (with)", s => s.Build is { Rounds.Count: > 0 } b ? Median(b.Rounds.Select(x => x.SchemaLint.CscMs)) / 1000 : null, "s"),
            ("build: SchemaLint analyzers", s => s.Build is { Rounds.Count: > 0 } b ? Median(b.Rounds.Select(x => x.SchemaLint.SchemaLintSeconds)) : null, "s"),
            ("build: EF Core analyzers", s => s.Build is { Rounds.Count: > 0 } b ? Median(b.Rounds.Select(x => x.Without.EfCoreSeconds)) : null, "s"),
            ("build: Meziantou.Analyzer", s => s.Build is { Rounds.Count: > 0 } b ? Median(b.Rounds.Select(x => x.Meziantou.MeziantouSeconds)) : null, "s"),
            ("editing: first document, added (median)", s => s.Editing is { Samples.Count: > 0 } e ? Median(ModelEdits(e.Samples).Select(x => x.FirstAddedMs)) : null, "ms"),
            ("editing: first document, added (p90)", s => s.Editing is { Samples.Count: > 0 } e ? P90(ModelEdits(e.Samples).Select(x => x.FirstAddedMs)) : null, "ms"),
            ("editing: first document, allocated above the empty analyzer (median)", s => s.Editing is { Samples.Count: > 0 } e && ModelEdits(e.Samples).All(x => x.FirstSchemaLintMemory is not null) ? Median(ModelEdits(e.Samples).Select(x => x.FirstAddedAllocatedMb)) : null, "MB"),
            ("editing: next documents, added (median)", s => s.Editing is { Samples.Count: > 0 } e ? Median(ModelEdits(e.Samples).Select(x => x.NextAddedMs)) : null, "ms"),
            ("audit", s => s.Audit is { } a ? Median(a.Samples.Select(x => x.AuditMs)) / 1000 : null, "s"),
            ("bare model build", s => s.Audit is { } a ? Median(a.Samples.Select(x => x.BareMs)) / 1000 : null, "s"),
            ("audit peak memory", s => s.Audit is { } a && a.Samples.Any(x => x.AuditPeakKilobytes.HasValue) ? Median(a.Samples.Where(x => x.AuditPeakKilobytes.HasValue).Select(x => (double)x.AuditPeakKilobytes!.Value)) / 1024 : null, "MiB"),
        };
        md.Append("| figure |");
        foreach (var size in sizes) md.Append($" n={size.Entities:N0} |");
        for (var i = 1; i < sizes.Count; i++) md.Append($" {sizes[i - 1].Entities:N0} → {sizes[i].Entities:N0} |");
        md.AppendLine().Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", sizes.Count * 2 - 1))).AppendLine();
        foreach (var (name, value, unit) in figures)
        {
            md.Append($"| {name} |");
            var values = sizes.Select(value).ToList();
            foreach (var v in values) md.Append(v is null ? " – |" : $" {v:F2} {unit} |");
            for (var i = 1; i < values.Count; i++)
                md.Append(values[i] is { } large && values[i - 1] is { } small && small > 0 && large > 0 ? $" {large / small:F1}x |" : " – |");
            md.AppendLine();
        }

        md.AppendLine();
    }

    private static void RuleCost(StringBuilder md, Workspace workspace)
    {
        md.AppendLine("## Per-rule cost (BenchmarkDotNet 0.14.0)").AppendLine();
        if (!File.Exists(workspace.RuleTablesFile))
        {
            md.AppendLine("Not measured in this run (`SchemaLint.Bench rules` did not finish).").AppendLine();
            return;
        }

        var text = File.ReadAllText(workspace.RuleTablesFile);
        var size = text.StartsWith("<!-- n=", StringComparison.Ordinal) ? text[7..text.IndexOf(' ', 7)] : "?";
        md.AppendLine($"Over the fixed compilation of the {size}-entity app, in-process (InProcessEmit toolchain), with allocations (MemoryDiagnoser).");
        md.AppendLine("The analyzer runs every model rule through one engine over one per-compilation schema, so a rule cannot be isolated inside it:");
        md.AppendLine("per-rule cost is measured through Core's `SchemaLintEngine` with that single rule over the schema the analyzer extracted, against");
        md.AppendLine("an engine with no rule. The second table is the whole analyzer over the compilation against the empty analyzer, and the");
        md.AppendLine("schema extraction alone, each on a fresh clone of the compilation per iteration.").AppendLine();
        md.AppendLine("Command: `dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll rules --size 1000`").AppendLine();
        md.AppendLine(text[(text.IndexOf('\n') + 1)..].Replace("```", string.Empty, StringComparison.Ordinal).Replace("&#39;", "'", StringComparison.Ordinal).Trim()).AppendLine();
    }

    private static void Findings(StringBuilder md, Workspace workspace, List<SizeResults> sizes)
    {
        var size = sizes.LastOrDefault(s => s.Entities <= TargetSize && (s.Build is not null || s.Audit is not null)) ?? sizes.Last();
        md.AppendLine($"## What was found (n={size.Entities:N0})").AppendLine();
        md.AppendLine("Mistakes the generator planted, SL warnings in the build output (warning severity only; suggestions do not print), and the audit's findings");
        md.AppendLine("(all severities, EF Core's real model). Counts differ by design: one planted mistake can trigger several findings, and rules also find");
        md.AppendLine("what the generator did not plant on purpose (e.g. SL4001 on every money column without a check constraint).").AppendLine();
        var planted = size.Shape.PlantedViolationsByRule.ToDictionary(p => p.Key.Split(' ')[0], p => p.Value);
        // Counted again from the last measured build's log when it is still there, so the report follows the current log parser.
        var lastLog = Directory.Exists(Path.Combine(workspace.AppRoot(size.Entities), "logs"))
            ? Directory.GetFiles(Path.Combine(workspace.AppRoot(size.Entities), "logs"), "run*-with.log").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
            : null;
        var warnings = lastLog is not null ? BuildLog.Parse(File.ReadAllText(lastLog)).WarningsByRule : size.Build?.WarningsByRule ?? new Dictionary<string, int>();
        var audit = size.Audit?.FindingsByRule ?? new Dictionary<string, int>();
        md.AppendLine("| rule | planted | build warnings | audit findings |").AppendLine("|---|---:|---:|---:|");
        foreach (var id in planted.Keys.Concat(warnings.Keys).Concat(audit.Keys).Distinct().OrderBy(i => i, StringComparer.Ordinal))
            md.AppendLine($"| {id} | {Count(planted, id)} | {Count(warnings, id)} | {Count(audit, id)} |");
        md.AppendLine();
    }

    private static void Apps(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## The generated applications").AppendLine();
        md.AppendLine("`bench/SchemaLint.Bench.Generator` (seed 20251121): EF Core 10 on Npgsql 10.0.0, a `DbContext` with a design-time factory, one file per entity,");
        md.AppendLine("half configured with data annotations and half through `IEntityTypeConfiguration<T>` classes (applied with `ApplyConfigurationsFromAssembly`).").AppendLine();
        md.AppendLine("| entities | data annotations | Fluent API | keyless | one-to-many | many-to-many | owned navigations | services | files | lines |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in sizes.Select(s => s.Shape))
            md.AppendLine($"| {s.Entities:N0} | {s.DataAnnotationEntities:N0} | {s.FluentApiEntities:N0} | {s.KeylessEntities} | {s.OneToMany:N0} | {s.ManyToMany:N0} | {s.OwnedNavigations:N0} | {s.Services:N0} | {s.SourceFiles:N0} | {s.SourceLines:N0} |");
        md.AppendLine();
    }

    private static string Percent(double fraction) => $"{(fraction >= 0 ? "+" : "−")}{Math.Abs(fraction) * 100:F1}%";

    private static string Mebibytes(List<double> kilobytes) => kilobytes.Count == 0 ? "–" : $"{Median(kilobytes) / 1024:F0} MiB";

    private static string Count(IReadOnlyDictionary<string, int> counts, string id) => counts.TryGetValue(id, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "0";

    private static T? Read<T>(string path) where T : class => File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json.Options) : null;
}
