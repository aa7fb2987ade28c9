namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// Blinks and saccades on vEOG/hEOG reach the EEG with weights falling from the eyes backwards, and remain in the
/// preprocessed EEG (reduced, as in DEAP's).
/// </summary>
[Collection(SyntheticDataCollection.Name)]
public class OcularArtefactTests(SyntheticData data)
{
    [Fact]
    public void Vertical_EOG_reaches_Fp1_and_Fp2_most_and_fades_towards_the_back()
    {
        var correlation = new Dictionary<string, double>();
        foreach (var channel in new[] { "Fp1", "Fp2", "AF3", "F3", "C3", "O1" })
            correlation[channel] = data.Subjects.Average(r => Enumerable.Range(0, r.TrialCount).Average(k =>
                // DEAP band-passed the EEG, not the EOG channel: high-pass vEOG likewise before comparing.
                Stats.Correlation(HighPass(SyntheticData.Video(r, k, "vEOG"), r.SampleRate), SyntheticData.Video(r, k, channel))));
        string all = string.Join(", ", correlation.Select(p => $"{p.Key} {p.Value:F2}"));
        Assert.True(correlation["Fp1"] > 0.25 && correlation["Fp2"] > 0.25, all);
        Assert.True(correlation["Fp1"] > correlation["AF3"] && correlation["AF3"] > correlation["F3"], all);
        Assert.True(correlation["F3"] > Math.Abs(correlation["C3"]), all);
        Assert.True(Math.Abs(correlation["O1"]) < correlation["Fp1"] / 2, all);
    }

    [Fact]
    public void Horizontal_EOG_reaches_F7_and_F8_with_opposite_signs()
    {
        double Mean(string channel) => data.Subjects.Average(r => Enumerable.Range(0, r.TrialCount).Average(k =>
            Stats.Correlation(HighPass(SyntheticData.Video(r, k, "hEOG"), r.SampleRate), SyntheticData.Video(r, k, channel))));
        double f7 = Mean("F7"), f8 = Mean("F8");
        // hEOG is left minus right eye: looking left makes it and the left frontal sites positive.
        Assert.True(f7 > 0.05 && f8 < -0.05, $"F7 {f7:F2}, F8 {f8:F2}");
    }

    [Fact]
    public void Blinks_make_Fp1_heavy_tailed_while_O1_stays_gaussian()
    {
        // What makes a per-trial min-max squash a frontal channel: blink peaks far out in its tails.
        double Kurtosis(string channel) => data.Subjects.Average(r => Median(Enumerable.Range(0, r.TrialCount)
            .Select(k => ExcessKurtosis(SyntheticData.Video(r, k, channel)))));
        double PeakToRms(string channel) => data.Subjects.Average(r => Median(Enumerable.Range(0, r.TrialCount)
            .Select(k => MaxAbs(SyntheticData.Video(r, k, channel)) / Stats.StandardDeviation(SyntheticData.Video(r, k, channel)))));
        double fp1 = Kurtosis("Fp1"), o1 = Kurtosis("O1");
        Assert.True(fp1 > 1 && Math.Abs(o1) < 0.5, $"excess kurtosis Fp1 {fp1:F2}, O1 {o1:F2}");
        double fp1Peak = PeakToRms("Fp1"), o1Peak = PeakToRms("O1");
        Assert.True(fp1Peak > o1Peak + 0.5, $"max/rms Fp1 {fp1Peak:F2}, O1 {o1Peak:F2}");
    }

    /// <summary>A first-order high-pass at 4 Hz: y[n] = a·(y[n−1] + x[n] − x[n−1]).</summary>
    private static float[] HighPass(ReadOnlySpan<float> x, double sampleRate)
    {
        double a = 1 / (1 + 2 * Math.PI * 4 / sampleRate), y = 0;
        var output = new float[x.Length];
        for (int n = 1; n < x.Length; n++) output[n] = (float)(y = a * (y + x[n] - x[n - 1]));
        return output;
    }

    private static double ExcessKurtosis(ReadOnlySpan<float> x)
    {
        double mean = 0, m2 = 0, m4 = 0;
        foreach (float v in x) mean += v;
        mean /= x.Length;
        foreach (float v in x)
        {
            double d2 = (v - mean) * (v - mean);
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= x.Length;
        m4 /= x.Length;
        return m4 / (m2 * m2) - 3;
    }

    private static double MaxAbs(ReadOnlySpan<float> x)
    {
        double max = 0;
        foreach (float v in x) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
