using Parley.Incidents.Statistics;

namespace Parley.Tests.Incidents;

/// Reference values: the Clopper–Pearson bounds were found by bisection on the binomial CDF summed in
/// exact rational arithmetic (python3 fractions, 200 halvings), mapped to the rate ratio as
/// RR = π/(1−π)·T_before/T_after; p-values are R's binom.test rule (outcomes with probability ≤ that
/// of the observed one, relative tolerance 1e-7) summed exactly. The first case is also R's own
/// documented output: binom.test(7, 20) gives 95% CI 0.1539092–0.5921885 and p-value 0.2632.
public sealed class RateRatioTestTests
{
    [Fact]
    public void Compute_SevenOfTwentyAtEvenOdds_MatchesRBinomTest()
    {
        // 7 after and 13 before over equal exposure: π = 7/20, CI for π is binom.test(7, 20)'s.
        var r = RateRatioTest.Compute(after: 7, exposureAfter: 1, before: 13, exposureBefore: 1);
        Close(0.15390920478454112 / (1 - 0.15390920478454112), r.Lower!.Value);
        Close(0.5921885345328282 / (1 - 0.5921885345328282), r.Upper!.Value);
        Close(0.26317596435546875, r.PValue);
    }

    [Theory]
    [InlineData(31, 24, 110, 24, 0.28181818181818186, 0.1827835363743174, 0.42312069814917225, 1.4384251098332969e-11)]
    [InlineData(11, 17, 23, 31, 0.8721227621483376, 0.38382179320254256, 1.862343875628477, 0.8580278047737855)]
    [InlineData(2, 1, 10, 1, 0.2, 0.021307044212453996, 0.9385019885691281, 0.03857421875)]
    [InlineData(0, 12, 5, 12, 0.0, 0.0, 1.091279105182546, 0.0625)]
    public void Compute_MatchesExactReference(int after, double tAfter, int before, double tBefore, double ratio, double lower, double upper, double p)
    {
        var r = RateRatioTest.Compute(after, tAfter, before, tBefore);
        Close(ratio, r.RateRatio!.Value);
        Close(lower, r.Lower!.Value);
        Close(upper, r.Upper!.Value);
        Close(p, r.PValue);
    }

    [Fact]
    public void Compute_NoneBefore_RatioAndUpperBoundAreUnbounded()
    {
        var r = RateRatioTest.Compute(after: 9, exposureAfter: 6, before: 0, exposureBefore: 6);
        Assert.Null(r.RateRatio);
        Assert.Null(r.Upper);
        Close(1.9738263118871326, r.Lower!.Value);
        Close(0.00390625, r.PValue);
    }

    [Fact]
    public void Compute_NoEvents_IsUninformative()
    {
        var r = RateRatioTest.Compute(0, 12, 0, 12);
        Assert.Null(r.RateRatio);
        Assert.Equal(0, r.Lower);
        Assert.Null(r.Upper);
        Assert.Equal(1, r.PValue);
    }

    /// An independent check over many cases: each bound makes the binomial tail exactly α/2, found
    /// here by bisection on a directly summed CDF rather than the library's beta quantile.
    [Theory]
    [InlineData(1, 4)]
    [InlineData(5, 5)]
    [InlineData(17, 40)]
    [InlineData(50, 120)]
    [InlineData(3, 200)]
    public void Compute_BoundsSolveTheBinomialTailEquations(int after, int before)
    {
        var n = after + before;
        var r = RateRatioTest.Compute(after, 1, before, 1);
        var lowerPi = Bisect(p => 1 - Cdf(after - 1, n, p) >= 0.025);
        var upperPi = Bisect(p => Cdf(after, n, p) <= 0.025);
        Close(lowerPi / (1 - lowerPi), r.Lower!.Value, 1e-7);
        Close(upperPi / (1 - upperPi), r.Upper!.Value, 1e-7);
    }

    private static double Cdf(int x, int n, double p)
    {
        if (x < 0) return 0;
        double sum = 0, term = Math.Pow(1 - p, n);
        for (var k = 0; k <= x; k++)
        {
            sum += term;
            term *= (double)(n - k) / (k + 1) * p / (1 - p);
        }
        return sum;
    }

    private static double Bisect(Func<double, bool> isAtOrAbove)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (isAtOrAbove(mid)) hi = mid; else lo = mid;
        }
        return (lo + hi) / 2;
    }

    private static void Close(double expected, double actual, double relative = 1e-6) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1e-12, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
