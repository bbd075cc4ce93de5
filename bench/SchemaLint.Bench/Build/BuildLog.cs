using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace SchemaLint.Bench.Build;

/// <summary>An analyzer assembly's line in the compiler's -reportanalyzer summary.</summary>
public sealed record AnalyzerTime(string Assembly, double Seconds);

/// <summary>
/// What a detailed build log (-v:d with -p:ReportAnalyzer=true and the performance summary) says about one compilation:
/// the Csc task's time, every analyzer assembly's execution time, the warnings, and the compiler command line.
/// </summary>
public sealed class BuildLog
{
    private static readonly Regex CscSummary = new(@"^\s*(\d+) ms\s+Csc\s+(\d+) calls", RegexOptions.Multiline | RegexOptions.Compiled);
    private static readonly Regex AssemblyLine = new(@"^\s+(<?[\d.]+)\s+(<?\d+)\s{3}(\S[^,]*), Version=", RegexOptions.Compiled);
    private static readonly Regex AnalyzerTypeLine = new(@"^\s+(<?[\d.]+)\s+(<?\d+)\s{6}(\S+)", RegexOptions.Compiled);
    private static readonly Regex Diagnostic = new(@"([^\s>]+\(\d+,\d+(?:,\d+,\d+)?\)): warning (SL\d{4}):", RegexOptions.Compiled);

    private BuildLog(double cscMilliseconds, double totalAnalyzerSeconds, IReadOnlyList<AnalyzerTime> analyzers, IReadOnlyList<AnalyzerTime> analyzerTypes, IReadOnlyDictionary<string, int> warningsByRule, string? compilerCommandLine)
    {
        AnalyzerTypes = analyzerTypes;
        CscMilliseconds = cscMilliseconds;
        TotalAnalyzerSeconds = totalAnalyzerSeconds;
        Analyzers = analyzers;
        WarningsByRule = warningsByRule;
        CompilerCommandLine = compilerCommandLine;
    }

    /// <summary>Wall time of every Csc task in the build (the compiler, its analyzers and generators included).</summary>
    public double CscMilliseconds { get; }

    /// <summary>Analyzer time summed over threads (analyzers run concurrently, so it can exceed wall time).</summary>
    public double TotalAnalyzerSeconds { get; }

    public IReadOnlyList<AnalyzerTime> Analyzers { get; }

    /// <summary>Each analyzer type's line (indented under its assembly), named by its full type name.</summary>
    public IReadOnlyList<AnalyzerTime> AnalyzerTypes { get; }

    /// <summary>Distinct SL warnings (MSBuild repeats each in its summary), by rule id.</summary>
    public IReadOnlyDictionary<string, int> WarningsByRule { get; }

    /// <summary>The csc invocation of the last compilation in the log, as MSBuild logged it.</summary>
    public string? CompilerCommandLine { get; }

    public double SecondsOf(Func<string, bool> assembly) => Analyzers.Where(a => assembly(a.Assembly)).Sum(a => a.Seconds);

    public double SchemaLintSeconds => SecondsOf(a => a.StartsWith("SchemaLint", StringComparison.Ordinal));

    public const string MeziantouAssembly = "Meziantou.Analyzer";

    public double MeziantouSeconds => SecondsOf(a => a.StartsWith(MeziantouAssembly, StringComparison.Ordinal));

    public double EfCoreSeconds => SecondsOf(a => a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

    public static BuildLog Parse(string log)
    {
        var lines = log.Split('\n');
        var csc = CscSummary.Matches(log).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).Last();

        double total = double.NaN;
        var analyzers = new List<AnalyzerTime>();
        var analyzerTypes = new List<AnalyzerTime>();
        string? commandLine = null;
        var inAnalyzerReport = false;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("Total analyzer execution time:", StringComparison.Ordinal))
            {
                // One report per compilation; with project references the app's compilation is the last.
                analyzers.Clear();
                analyzerTypes.Clear();
                total = double.Parse(trimmed.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                inAnalyzerReport = true;
                continue;
            }

            if (trimmed.StartsWith("Total generator execution time:", StringComparison.Ordinal) || trimmed.StartsWith("Done executing task \"Csc\"", StringComparison.Ordinal))
            {
                inAnalyzerReport = false;
                continue;
            }

            if (inAnalyzerReport)
            {
                var match = AssemblyLine.Match(line);
                if (match.Success) analyzers.Add(new AnalyzerTime(match.Groups[3].Value, Seconds(match.Groups[1].Value)));
                else if (AnalyzerTypeLine.Match(line) is { Success: true } type) analyzerTypes.Add(new AnalyzerTime(type.Groups[3].Value, Seconds(type.Groups[1].Value)));
            }

            if (IsCompilerInvocation(trimmed)) commandLine = trimmed;
        }

        // The same warning is logged by the task and again in the build summary: count each (file, position, rule) once.
        var distinct = lines.Select(l => Diagnostic.Match(l)).Where(m => m.Success).Select(m => (Site: m.Groups[1].Value, Rule: m.Groups[2].Value)).Distinct()
            .GroupBy(w => w.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new BuildLog(csc, total, analyzers, analyzerTypes, distinct, commandLine);
    }

    /// <summary>The compiler's own command line: MSBuild logs the tool path followed by /noconfig.</summary>
    private static bool IsCompilerInvocation(string line) =>
        line.Contains(" /noconfig ", StringComparison.Ordinal) && (line.Contains("/csc ", StringComparison.Ordinal) || line.Contains("csc.dll", StringComparison.Ordinal));

    private static double Seconds(string value) => value.StartsWith('<') ? 0 : double.Parse(value, CultureInfo.InvariantCulture);
}
