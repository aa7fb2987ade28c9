namespace Valence.Emotion.Evaluation;

/// <summary>
/// Mean and sample standard deviation of one metric over folds (or subjects). The standard deviation uses n − 1
/// (ddof = 1, numpy's <c>std(ddof=1)</c>, pandas' default), the estimate for folds seen as a sample; it is NaN for a
/// single value, where it is undefined. A NaN value (an undefined kappa) makes both NaN.
/// </summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">√(Σ (x − mean)² / (n − 1)); NaN when n = 1.</param>
/// <param name="Count">Number of values summarised.</param>
public readonly record struct MetricSummary(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Summarises <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">There are no values.</exception>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("there are no values to summarise.", nameof(values));
        double mean = 0;
        for (int i = 0; i < values.Count; i++) mean += values[i];
        mean /= values.Count;
        if (values.Count == 1) return new MetricSummary(mean, double.NaN, 1);
        // s = √(Σ (x_i − x̄)² / (n − 1))
        double squares = 0;
        for (int i = 0; i < values.Count; i++) squares += (values[i] - mean) * (values[i] - mean);
        return new MetricSummary(mean, Math.Sqrt(squares / (values.Count - 1)), values.Count);
    }
}
