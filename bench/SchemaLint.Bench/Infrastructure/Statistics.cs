using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Bench.Infrastructure;

public static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median of per-run ratios: each ratio pairs two figures taken back to back in one run.</summary>
    public static double MedianRatio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators) =>
        Median(numerators.Zip(denominators, (n, d) => d == 0 ? double.NaN : n / d).Where(r => !double.IsNaN(r)));

    public static string Spread(IReadOnlyCollection<double> values, string format = "F0") =>
        values.Count == 0 ? "-" : $"{values.Min().ToString(format)}–{values.Max().ToString(format)}";
}
