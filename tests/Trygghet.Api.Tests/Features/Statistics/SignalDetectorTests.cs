using MathNet.Numerics.Distributions;
using Trygghet.Api.Features.Statistics;
using Xunit.Abstractions;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>The signal test measured on simulated series: 17 areas, a 12-month baseline and a 3-month window.</summary>
public sealed class SignalDetectorTests(ITestOutputHelper output)
{
    private const int Areas = 17;
    private const int Runs = 2000;

    private static AreaCounts Simulate(Random random, string area, double baselineRate, double windowRate) => new(area,
        Enumerable.Range(0, 12).Select(_ => Poisson.Sample(random, baselineRate)).ToList(),
        Enumerable.Range(0, 3).Select(_ => Poisson.Sample(random, windowRate)).ToList());

    [Theory]
    [InlineData(2.0)]
    [InlineData(10.0)]
    [InlineData(40.0)]
    public void When_nothing_changes_no_area_is_flagged_in_more_than_5_percent_of_periods(double rate)
    {
        var random = new Random(20261126);
        var flagged = 0;
        for (var run = 0; run < Runs; run++)
            flagged += SignalDetector.Test(Enumerable.Range(0, Areas).Select(a => Simulate(random, $"a{a}", rate, rate)).ToList()).Count(t => t.Flagged);

        var perArea = flagged / (double)(Runs * Areas);
        output.WriteLine($"λ = {rate}/month, nothing changes: false-positive rate per area and period {perArea:P2}");
        Assert.True(perArea <= 0.05, $"{perArea:P2}");
    }

    [Theory]
    [InlineData(10.0, 0.80)]
    [InlineData(20.0, 0.95)]
    public void A_doubling_in_one_area_is_caught(double rate, double power)
    {
        var random = new Random(42);
        var caught = 0;
        for (var run = 0; run < Runs; run++)
        {
            var areas = Enumerable.Range(1, Areas - 1).Select(a => Simulate(random, $"a{a}", rate, rate)).Prepend(Simulate(random, "rising", rate, 2 * rate)).ToList();
            if (SignalDetector.Test(areas).Single(t => t.Area == "rising").Flagged) caught++;
        }

        var share = caught / (double)Runs;
        output.WriteLine($"λ = {rate}/month doubling in one of {Areas} areas: caught {share:P1}");
        Assert.True(share >= power, $"{share:P1}");
    }

    [Fact]
    public void The_p_value_is_the_exact_binomial_tail_and_Holm_adjusts_it()
    {
        var tests = SignalDetector.Test([
            new AreaCounts("a", Enumerable.Repeat(10, 12).ToList(), [20, 20, 20]),
            new AreaCounts("b", Enumerable.Repeat(10, 12).ToList(), [10, 10, 10]),
        ]);

        var a = tests.Single(t => t.Area == "a");
        Assert.Equal(1 - Binomial.CDF(0.2, 180, 59), a.PValue, 12);
        Assert.Equal(Math.Min(1, a.PValue * 2), a.AdjustedPValue, 12);
        Assert.True(a.Flagged);
        Assert.False(tests.Single(t => t.Area == "b").Flagged);
        Assert.Equal(30, a.Expected, 6);
    }
}
