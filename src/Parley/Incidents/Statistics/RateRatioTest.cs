using MathNet.Numerics.Distributions;

namespace Parley.Incidents.Statistics;

/// The ratio of two Poisson rates (after / before) with its exact confidence interval and two-sided
/// p-value, by the conditional binomial method that R's poisson.test uses: given n = a + b events,
/// a ~ Binomial(n, π) with π = Tₐ·RR / (Tₐ·RR + T_b). The Clopper–Pearson interval for π maps to RR;
/// the p-value is binom.test's (outcomes no more likely than the one seen, under RR = 1).
public static class RateRatioTest
{
    public sealed record Result(
        int After, double ExposureAfter, int Before, double ExposureBefore, double RateAfter, double RateBefore,
        double? RateRatio, double? Lower, double? Upper, double PValue);

    public static Result Compute(int after, double exposureAfter, int before, double exposureBefore, double level = 0.95)
    {
        if (after < 0 || before < 0) throw new ArgumentOutOfRangeException(nameof(after), "Counts are not negative.");
        if (exposureAfter <= 0 || exposureBefore <= 0) throw new ArgumentOutOfRangeException(nameof(exposureAfter), "Exposures are positive.");
        var n = after + before;
        var rateAfter = after / exposureAfter;
        var rateBefore = before / exposureBefore;
        if (n == 0) return new Result(after, exposureAfter, before, exposureBefore, 0, 0, null, 0, null, 1);

        var alpha = 1 - level;
        var piLower = after == 0 ? 0 : Beta.InvCDF(after, n - after + 1, alpha / 2);
        var piUpper = after == n ? 1 : Beta.InvCDF(after + 1, n - after, 1 - alpha / 2);
        double? ToRatio(double pi) => pi >= 1 ? null : pi / (1 - pi) * exposureBefore / exposureAfter;
        double? ratio = before == 0 ? null : rateAfter / rateBefore;
        var p = BinomialTwoSided(after, n, exposureAfter / (exposureAfter + exposureBefore));
        return new Result(after, exposureAfter, before, exposureBefore, rateAfter, rateBefore, ratio, ToRatio(piLower), ToRatio(piUpper), p);
    }

    /// R's binom.test two-sided p-value: the probability of the outcomes no more likely than x
    /// (with R's relative tolerance of 1e-7 for ties).
    public static double BinomialTwoSided(int x, int n, double p)
    {
        var d = Binomial.PMF(p, n, x) * (1 + 1e-7);
        var sum = 0.0;
        for (var k = 0; k <= n; k++)
        {
            var pk = Binomial.PMF(p, n, k);
            if (pk <= d) sum += pk;
        }
        return Math.Min(1, sum);
    }
}
