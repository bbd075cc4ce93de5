using SchemaLint.Bench.Editing;

namespace SchemaLint.Bench.Tests;

/// <summary>A timed editing window starts at a share of the collector's gen-0 budget, measured in the process.</summary>
public sealed class CollectorPhaseTests
{
    [Fact]
    public void The_budget_measured_is_at_least_what_one_filling_allocation_takes()
    {
        Assert.True(CollectorPhase.Measure().BudgetBytes >= 64 * 1024);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void A_share_outside_the_budget_is_refused(double share)
    {
        var phase = CollectorPhase.Measure();

        Assert.Throws<ArgumentOutOfRangeException>(() => phase.Start(share));
    }
}
