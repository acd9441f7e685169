namespace Parley.Oversight;

/// Nearest-rank percentiles: the p-th percentile of N sorted values is the value at rank ⌈p/100 · N⌉
/// (1-based). It is always one of the values: the median of 4 values is the 2nd, the 90th percentile
/// of 10 values is the 9th, of 11 values the 10th.
public static class Percentile
{
    public static double? NearestRank(IReadOnlyList<double> sorted, int p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static Stat Of(List<double> values)
    {
        values.Sort();
        return new Stat(values.Count, Round(NearestRank(values, 50)), Round(NearestRank(values, 90)));
    }

    public static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
