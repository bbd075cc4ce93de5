using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Bench.Infrastructure;

/// <summary>A median with the range it came from: every paired figure in the report is quoted this way.</summary>
public sealed record Spread(double Median, double Min, double Max, int Count)
{
    public static readonly Spread None = new(double.NaN, double.NaN, double.NaN, 0);

    public double Width => Max - Min;
}

/// <summary>How a paired figure stands against its target: met, missed, or not decidable from the pairs taken.</summary>
public enum Verdict
{
    Met,
    Missed,
    /// <summary>Fewer pairs than <see cref="Statistics.MinimumPairs"/>.</summary>
    TooFewPairs,
    /// <summary>The pairs' min–max range straddles the target, or is wider than the allowed width.</summary>
    SpreadTooWide,
}

public static class Statistics
{
    /// <summary>Pairs needed before a paired figure may be judged against its target (issue #19: at least 5 after a warm-up).</summary>
    public const int MinimumPairs = 5;

    /// <summary>
    /// The widest min–max range of build ratios that still allows a conclusion: 10 percentage points. A wider range means the
    /// machine's noise is as large as the effects measured (the targets are +5% and 5%), whatever the median says.
    /// </summary>
    public const double MaximumRatioWidth = 0.10;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of the values at or below it
    /// (for 20 values, p90 is the 18th smallest). No interpolation: the figure is always one that was measured.
    /// </summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        if (percent is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile lies in (0, 100].");
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static double P90(IEnumerable<double> values) => Percentile(values, 90);

    /// <summary>Per-pair ratios: each pairs two figures taken back to back in one round; a zero denominator drops the pair.</summary>
    public static IReadOnlyList<double> Ratios(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        if (numerators.Count != denominators.Count) throw new ArgumentException($"{numerators.Count} numerators against {denominators.Count} denominators: ratios pair figures one to one.");
        return numerators.Zip(denominators, (n, d) => d == 0 ? double.NaN : n / d).Where(r => !double.IsNaN(r)).ToList();
    }

    /// <summary>The median of per-pair ratios with their min–max (never the ratio of two medians).</summary>
    public static Spread PairRatios(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators) => Of(Ratios(numerators, denominators));

    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? Spread.None : new Spread(Median(list), list.Min(), list.Max(), list.Count);
    }

    /// <summary>The median of per-run ratios: each ratio pairs two figures taken back to back in one run.</summary>
    public static double MedianRatio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators) => PairRatios(numerators, denominators).Median;

    /// <summary>
    /// Judges a paired figure against an upper bound (the figure must be at most <paramref name="target"/>): too few pairs, or a
    /// min–max range that straddles the target or is wider than <paramref name="maximumWidth"/> (when given), decide nothing;
    /// otherwise the whole range is on one side of the target and the verdict follows it.
    /// </summary>
    public static Verdict Judge(Spread spread, double target, double? maximumWidth = MaximumRatioWidth, int minimumPairs = MinimumPairs)
    {
        if (spread.Count < minimumPairs) return Verdict.TooFewPairs;
        if (maximumWidth is { } width && spread.Width > width) return Verdict.SpreadTooWide;
        if (spread.Min <= target && spread.Max > target) return Verdict.SpreadTooWide;
        return spread.Max <= target ? Verdict.Met : Verdict.Missed;
    }

    /// <param name="samples">What the minimum counts: "pairs" of builds, "edits".</param>
    public static string Describe(Verdict verdict, int minimum = MinimumPairs, string samples = "pairs") => verdict switch
    {
        Verdict.Met => "yes",
        Verdict.Missed => "**no**",
        Verdict.TooFewPairs => $"too few {samples} to conclude (fewer than {minimum})",
        Verdict.SpreadTooWide => "spread too wide to conclude",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
