namespace Valence.Eeg.Preprocessing;

/// <summary>The re-referencing kernel shared by the common-average and named-channel references.</summary>
internal static class Reference
{
    /// <summary>
    /// In each trial of <paramref name="samples"/> (trials × channels × n), subtracts from every channel in
    /// <paramref name="targets"/>, sample by sample, the mean of the channels in <paramref name="references"/>,
    /// computed (in double) before any channel changes.
    /// </summary>
    public static void SubtractMean(Span<float> samples, int trials, int channels, int n, ReadOnlySpan<int> references, ReadOnlySpan<int> targets)
    {
        var mean = new double[n];
        for (int trial = 0; trial < trials; trial++)
        {
            Span<float> block = samples.Slice(trial * channels * n, channels * n);
            Array.Clear(mean);
            foreach (int channel in references)
            {
                ReadOnlySpan<float> row = block.Slice(channel * n, n);
                for (int t = 0; t < n; t++) mean[t] += row[t];
            }
            for (int t = 0; t < n; t++) mean[t] /= references.Length;
            foreach (int channel in targets)
            {
                Span<float> row = block.Slice(channel * n, n);
                for (int t = 0; t < n; t++) row[t] = (float)(row[t] - mean[t]);
            }
        }
    }
}
