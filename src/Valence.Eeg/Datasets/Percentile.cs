namespace Valence.Eeg.Datasets;

/// <summary>Percentiles as numpy's default ("linear") method defines them: position h = (n − 1)·p / 100 in the sorted values, interpolated between its neighbours.</summary>
internal static class Percentile
{
    /// <summary>The 0-based ranks either side of percentile <paramref name="percent"/> of <paramref name="n"/> values, and how far between them it lies.</summary>
    public static ((long Below, long Above) Ranks, double Fraction) Ranks(double percent, long n)
    {
        double h = (n - 1) * percent / 100;
        long below = Math.Min((long)Math.Floor(h), n - 1);
        return ((below, Math.Min(below + 1, n - 1)), h - below);
    }

    /// <summary>The value <paramref name="fraction"/> of the way from <paramref name="below"/> to <paramref name="above"/>.</summary>
    public static double Interpolate(double below, double above, double fraction) => below + (above - below) * fraction;
}
