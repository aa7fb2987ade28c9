using System.Globalization;

namespace Valence.Eeg.Datasets;

/// <summary>How many trials or windows fall in each class, and what fraction that is.</summary>
public sealed class ClassCounts
{
    private readonly long[] _counts;

    internal ClassCounts(long[] counts) => _counts = counts;

    /// <summary>Count per class, indexed by class number.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>The sum of <see cref="Counts"/>.</summary>
    public long Total => _counts.Sum();

    /// <summary>The fraction of the total in class <paramref name="c"/>; 0 when the total is 0.</summary>
    public double Fraction(int c) => Total == 0 ? 0 : (double)_counts[c] / Total;

    /// <summary>Every class's fraction, indexed by class number.</summary>
    public IReadOnlyList<double> Fractions => [.. Enumerable.Range(0, _counts.Length).Select(Fraction)];

    /// <summary>"LVLA 12 (30.0%), LVHA …".</summary>
    public string Describe(IReadOnlyList<string> classNames) => string.Join(", ",
        Enumerable.Range(0, _counts.Length).Select(c =>
            $"{classNames[c]} {_counts[c]} ({(100 * Fraction(c)).ToString("0.0", CultureInfo.InvariantCulture)}%)"));
}
