using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SchemaLint.Bench.Editing;
using SchemaLint.Bench.Infrastructure;
using static SchemaLint.Bench.Infrastructure.Statistics;

namespace SchemaLint.Bench.Report;

/// <summary>Writes BENCHMARKS.md from the saved results: every number is a median of the runs, every ratio a median of per-run ratios.</summary>
public static class MarkdownReport
{
    private const int TargetSize = 1000;

    public static string Write(Workspace workspace)
    {
        var machine = Read<Machine>(workspace.MachineFile) ?? throw new BenchmarkFailure($"No {workspace.MachineFile}; run `measure` first.");
        var sizes = Directory.GetFiles(workspace.Results, "n*.json").Select(Read<SizeResults>).OfType<SizeResults>().OrderBy(s => s.Entities).ToList();
        if (sizes.Count == 0) throw new BenchmarkFailure($"No results in {workspace.Results}; run `measure` first.");

        var md = new StringBuilder();
        md.AppendLine("# SchemaLint benchmarks").AppendLine();
        md.AppendLine("What SchemaLint costs a build, an edit and an audit, beside what users already pay, and how that grows with the model.");
        md.AppendLine("Written by `bench/run.sh` (do not edit by hand; the analysis section comes from `bench/ANALYSIS.md`). Every figure is the median");
        md.AppendLine("of the runs at its size; every ratio is the median of ratios taken back to back in one run on this machine (order alternating between runs).");
        md.AppendLine($"Runs per size: {string.Join(", ", sizes.Select(s => $"{s.Entities:N0} entities: {RunsOf(s)}"))}.").AppendLine();

        Machine(md, machine, sizes);
        Targets(md, sizes);
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
        md.AppendLine($"## Targets at {TargetSize:N0} entities").AppendLine();
        var at = sizes.FirstOrDefault(s => s.Entities == TargetSize);
        if (at is null)
        {
            md.AppendLine($"Not measured: no run at {TargetSize:N0} entities finished.").AppendLine();
            return;
        }

        md.AppendLine("| target | measured | met |").AppendLine("|---|---|---|");
        if (at.Build is { } b)
        {
            var wall = MedianRatio(b.Samples.Select(s => s.WallWithMs).ToList(), b.Samples.Select(s => s.WallWithoutMs).ToList());
            Row(md, "build wall time with SchemaLint within 5% of without", $"{Percent(wall - 1)}", wall <= 1.05);
            var share = MedianRatio(b.Samples.Select(s => s.SchemaLintAnalyzerSeconds * 1000).ToList(), b.Samples.Select(s => s.CscWithMs).ToList());
            Row(md, "SchemaLint analyzer time below 10% of the compiler's (Csc task) time", $"{share:P1}", share < 0.10);
        }

        if (at.Editing is { } e)
        {
            var first = Median(e.Samples.Select(s => s.FirstSchemaLintMs - s.FirstBaselineMs));
            var next = Median(e.Samples.Select(s => Median(s.NextSchemaLintMs) - Median(s.NextBaselineMs)));
            Row(md, "single-document analysis after an edit under 50 ms (SchemaLint's time above the empty analyzer, first document)", $"{first:F0} ms", first < 50);
            Row(md, "… the same for the following documents on that compilation", $"{next:F1} ms", next < 50);
        }

        if (at.Audit is { } a)
        {
            var ratio = MedianRatio(a.Samples.Select(s => s.AuditMs).ToList(), a.Samples.Select(s => s.BareMs).ToList());
            Row(md, "audit time within 1.5x of the bare design-time model build", $"{ratio:F2}x", ratio <= 1.5);
        }

        var big = sizes.FirstOrDefault(s => s.Entities == 5 * TargetSize);
        if (big is null) md.AppendLine($"| linear growth from {TargetSize:N0} to {5 * TargetSize:N0} (at most about 5x) | not measured at {5 * TargetSize:N0} | – |");
        else
        {
            foreach (var (name, small, large) in GrowthFigures(at, big))
                Row(md, $"linear growth {TargetSize:N0} → {5 * TargetSize:N0}: {name}", $"{large / small:F1}x", large / small <= 5.5);
        }

        md.AppendLine();
    }

    /// <summary>Profile: SchemaLint's time per analyzer type, from the measured builds' logs (still in bench/out when the report is written).</summary>
    private static void SchemaLintAnalyzerBreakdown(StringBuilder md, Workspace workspace, List<SizeResults> sizes)
    {
        var rows = new List<string>();
        foreach (var size in sizes.Where(s => s.Build is { Samples.Count: > 0 }))
        {
            var logs = Directory.Exists(Path.Combine(workspace.AppRoot(size.Entities), "logs"))
                ? Directory.GetFiles(Path.Combine(workspace.AppRoot(size.Entities), "logs"), "run*-with.log").Select(f => SchemaLint.Bench.Build.BuildLog.Parse(File.ReadAllText(f))).ToList()
                : new List<SchemaLint.Bench.Build.BuildLog>();
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
        md.AppendLine("`dotnet build --no-incremental` of the generated app, without and with the SchemaLint analyzers (the Release assemblies as a package");
        md.AppendLine("delivers them). Analyzer times come from the compiler's `-reportanalyzer` summary in the same builds; they are summed over threads,");
        md.AppendLine("so they can exceed the Csc task's wall time. EF Core's own analyzers (Microsoft.EntityFrameworkCore.Analyzers) run in both builds.").AppendLine();
        md.AppendLine("| entities | build without | build with | with / without | Csc task (with) | SchemaLint analyzers | SchemaLint / Csc | EF Core analyzers | SchemaLint / EF Core | all analyzers |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Where(s => s.Build is not null && s.Build.Samples.Count > 0))
        {
            var s = size.Build!.Samples;
            md.AppendLine($"| {size.Entities:N0} | {Median(s.Select(x => x.WallWithoutMs)) / 1000:F1} s | {Median(s.Select(x => x.WallWithMs)) / 1000:F1} s | {Percent(MedianRatio(s.Select(x => x.WallWithMs).ToList(), s.Select(x => x.WallWithoutMs).ToList()) - 1)} " +
                $"| {Median(s.Select(x => x.CscWithMs)) / 1000:F1} s | {Median(s.Select(x => x.SchemaLintAnalyzerSeconds)):F2} s | {MedianRatio(s.Select(x => x.SchemaLintAnalyzerSeconds * 1000).ToList(), s.Select(x => x.CscWithMs).ToList()):P1} " +
                $"| {Median(s.Select(x => x.EfCoreAnalyzerSecondsWith)):F2} s | {MedianRatio(s.Select(x => x.SchemaLintAnalyzerSeconds).ToList(), s.Select(x => x.EfCoreAnalyzerSecondsWith).ToList()):F2}x | {Median(s.Select(x => x.AllAnalyzerSecondsWith)):F1} s |");
        }

        SchemaLintAnalyzerBreakdown(md, workspace, sizes);
        var any = sizes.Select(s => s.Build).FirstOrDefault(b => b is not null);
        if (any is not null)
        {
            md.AppendLine().AppendLine("Commands (per size, log file per run):").AppendLine();
            md.AppendLine("```").AppendLine(any.CommandWithout).AppendLine(any.CommandWith).AppendLine("```");
        }

        md.AppendLine();
    }

    private static void Editing(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## 2. Editing").AppendLine();
        md.AppendLine("After a property is typed into one entity file: a fresh compilation with the edited tree, then");
        md.AppendLine("`CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel of that tree, null, …)` as the IDE runs it for the open");
        md.AppendLine($"document (\"first document\"), then the same for the next {EditingBenchmark.FollowingDocuments} entity files on that compilation (\"next documents\", median per run).");
        md.AppendLine("The baseline is an empty analyzer with SchemaLint's shape (symbol and operation actions that do nothing): its time is Roslyn");
        md.AppendLine("binding the document, which the IDE pays for its own diagnostics anyway. SchemaLint's cost is the difference (\"added\").");
        md.AppendLine("The profile columns time, on another fork of the same edited compilation, the two parts of SchemaLint's first-document work.").AppendLine();
        md.AppendLine("| entities | first: empty analyzer | first: SchemaLint | first: added | next: empty | next: SchemaLint | next: added | profile: schema extraction | profile: rules | SL findings in edited file |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes.Where(s => s.Editing is not null))
        {
            var s = size.Editing!.Samples;
            md.AppendLine($"| {size.Entities:N0} | {Median(s.Select(x => x.FirstBaselineMs)):F0} ms | {Median(s.Select(x => x.FirstSchemaLintMs)):F0} ms | {Median(s.Select(x => x.FirstSchemaLintMs - x.FirstBaselineMs)):F0} ms " +
                $"| {Median(s.Select(x => Median(x.NextBaselineMs))):F1} ms | {Median(s.Select(x => Median(x.NextSchemaLintMs))):F1} ms | {Median(s.Select(x => Median(x.NextSchemaLintMs) - Median(x.NextBaselineMs))):F1} ms " +
                $"| {Median(s.Select(x => x.ExtractionMs)):F0} ms | {Median(s.Select(x => x.EngineMs)):F0} ms | {Median(s.Select(x => (double)x.FindingsInEditedFile)):F0} |");
        }

        var profiled = sizes.Where(s => s.Editing is { PerAnalyzer.Count: > 0 }).ToList();
        if (profiled.Count > 0)
        {
            md.AppendLine().AppendLine("Profile: each SchemaLint analyzer alone on the same edit (one run), and how many times Roslyn ran compilation-start actions");
            md.AppendLine($"for the {1 + EditingBenchmark.FollowingDocuments} single-document requests of one edit on one `CompilationWithAnalyzers` (counted by the empty analyzer).").AppendLine();
            md.AppendLine("| entities | analyzer | first document | next documents (median) |").AppendLine("|---:|---|---:|---:|");
            foreach (var size in profiled)
            {
                foreach (var cost in size.Editing!.PerAnalyzer) md.AppendLine($"| {size.Entities:N0} | {cost.Analyzer} | {cost.FirstMs:F0} ms | {cost.NextMedianMs:F1} ms |");
                md.AppendLine($"| {size.Entities:N0} | compilation-start action runs per edit | {size.Editing.CompilationStartsPerEdit} | |");
            }
        }

        md.AppendLine().AppendLine("Command: `dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll measure --sizes N` (in-process; the compilation is rebuilt");
        md.AppendLine("from the csc command line MSBuild logged, with the project's .editorconfig options; see `bench/SchemaLint.Bench/Editing/`).").AppendLine();
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

    private static void Growth(StringBuilder md, List<SizeResults> sizes)
    {
        md.AppendLine("## 4. Growth").AppendLine();
        md.AppendLine("Each cost at every size, and the factor from one size to the next (entities grow 10x, then 5x; linear growth means the same factor).").AppendLine();
        var figures = new List<(string Name, Func<SizeResults, double?> Value, string Unit)>
        {
            ("build: added wall time (with − without)", s => s.Build is { Samples.Count: > 0 } b ? Median(b.Samples.Select(x => x.WallWithMs - x.WallWithoutMs)) / 1000 : null, "s"),
            ("build: Csc task", s => s.Build is { Samples.Count: > 0 } b ? Median(b.Samples.Select(x => x.CscWithMs)) / 1000 : null, "s"),
            ("build: SchemaLint analyzers", s => s.Build is { Samples.Count: > 0 } b ? Median(b.Samples.Select(x => x.SchemaLintAnalyzerSeconds)) : null, "s"),
            ("build: EF Core analyzers", s => s.Build is { Samples.Count: > 0 } b ? Median(b.Samples.Select(x => x.EfCoreAnalyzerSecondsWith)) : null, "s"),
            ("editing: first document, added", s => s.Editing is { } e ? Median(e.Samples.Select(x => x.FirstSchemaLintMs - x.FirstBaselineMs)) : null, "ms"),
            ("editing: next documents, added", s => s.Editing is { } e ? Median(e.Samples.Select(x => Median(x.NextSchemaLintMs) - Median(x.NextBaselineMs))) : null, "ms"),
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

    private static IEnumerable<(string Name, double Small, double Large)> GrowthFigures(SizeResults small, SizeResults large)
    {
        if (small.Build is { Samples.Count: > 0 } a && large.Build is { Samples.Count: > 0 } b)
            yield return ("SchemaLint analyzer time", Median(a.Samples.Select(x => x.SchemaLintAnalyzerSeconds)), Median(b.Samples.Select(x => x.SchemaLintAnalyzerSeconds)));
        if (small.Editing is { } c && large.Editing is { } d)
            yield return ("first-document added time", Median(c.Samples.Select(x => x.FirstSchemaLintMs - x.FirstBaselineMs)), Median(d.Samples.Select(x => x.FirstSchemaLintMs - x.FirstBaselineMs)));
        if (small.Audit is { } e && large.Audit is { } f)
            yield return ("audit time", Median(e.Samples.Select(x => x.AuditMs)), Median(f.Samples.Select(x => x.AuditMs)));
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
        var warnings = lastLog is not null ? SchemaLint.Bench.Build.BuildLog.Parse(File.ReadAllText(lastLog)).WarningsByRule : size.Build?.WarningsByRule ?? new Dictionary<string, int>();
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

    private static void Row(StringBuilder md, string target, string measured, bool met) => md.AppendLine($"| {target} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string Percent(double fraction) => $"{(fraction >= 0 ? "+" : "−")}{Math.Abs(fraction) * 100:F1}%";

    private static string Mebibytes(List<double> kilobytes) => kilobytes.Count == 0 ? "–" : $"{Median(kilobytes) / 1024:F0} MiB";

    private static string Count(IReadOnlyDictionary<string, int> counts, string id) => counts.TryGetValue(id, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "0";

    private static int RunsOf(SizeResults size) => size.Build?.Samples.Count ?? size.Editing?.Samples.Count ?? size.Audit?.Samples.Count ?? 0;

    private static T? Read<T>(string path) where T : class => File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) : null;
}
