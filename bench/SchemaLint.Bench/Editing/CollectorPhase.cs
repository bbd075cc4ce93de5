using System;
using System.Collections.Generic;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// Where in the garbage collector's gen-0 budget a timed window starts. In a typing session a keystroke lands anywhere in
/// that budget, so an edit that allocates a share of it pays a collection with that probability (and one more for each
/// whole budget). A window started right after a full collection pays none until its allocation crosses the whole budget,
/// and then one every time: at 1,000 entities a model edit allocating just under the budget measured no pause, one just
/// over it a whole one, and half a megabyte less allocation took the run's median down by about a quarter (bench/ANALYSIS.md,
/// run 17). So each window starts after a full collection and garbage filling a seeded share of the budget: over a run,
/// edits pay collections in proportion to what they allocate, as they do in the editor.
/// </summary>
public sealed class CollectorPhase
{
    // Under the large-object threshold, so that the garbage fills generation 0.
    private const int Chunk = 64 * 1024;

    // Written so that the filling allocations are not optimized away.
    private static byte[]? _sink;

    private CollectorPhase(long budgetBytes) => BudgetBytes = budgetBytes;

    /// <summary>What the process allocates after a full collection until the next collection starts.</summary>
    public long BudgetBytes { get; }

    /// <summary>Measures the budget (the median of three measurements) in this process, with its collector settings.</summary>
    public static CollectorPhase Measure()
    {
        var budgets = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            Collect();
            var collections = GC.CollectionCount(0);
            long allocated = 0;
            while (GC.CollectionCount(0) == collections)
            {
                _sink = new byte[Chunk];
                allocated += Chunk;
            }

            budgets.Add(allocated);
        }

        _sink = null;
        budgets.Sort();
        return new CollectorPhase(budgets[1]);
    }

    /// <summary>A full collection, then garbage filling <paramref name="share"/> (from 0 to below 1) of the budget.</summary>
    public void Start(double share)
    {
        if (share is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "A share of the budget is at least 0 and below 1.");
        Collect();
        var fill = (long)(share * BudgetBytes);
        for (long filled = Chunk; filled <= fill; filled += Chunk) _sink = new byte[Chunk];
        _sink = null;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
