using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// The simplest features a classifier would use: per 2 s window (1 s stride) of each trial's video, the log power of
/// theta, alpha, beta and gamma on every EEG channel, standardised per feature over the subject.
/// </summary>
internal sealed class WindowFeatures
{
    private static readonly (double Low, double High)[] Bands = [(4, 8), (8, 13), (13, 30), (30, 45)];

    private WindowFeatures(double[][] vectors, int[] trials, int[] classes)
    {
        Vectors = vectors;
        Trials = trials;
        Classes = classes;
    }

    public double[][] Vectors { get; }
    /// <summary>The trial each window comes from.</summary>
    public int[] Trials { get; }
    /// <summary>The window's four-class label, 2·(valence ≥ 5) + (arousal ≥ 5).</summary>
    public int[] Classes { get; }

    public static WindowFeatures Of(SubjectRecording r)
    {
        int window = (int)(2 * r.SampleRate), stride = (int)r.SampleRate;
        var vectors = new List<double[]>();
        var trials = new List<int>();
        var classes = new List<int>();
        for (int k = 0; k < r.TrialCount; k++)
        {
            int label = 2 * (r.Ratings[k].Valence >= 5 ? 1 : 0) + (r.Ratings[k].Arousal >= 5 ? 1 : 0);
            int length = SyntheticData.Video(r, k, "Fp1").Length;
            for (int start = 0; start + window <= length; start += stride)
            {
                var vector = new double[DeapChannels.Eeg.Count * Bands.Length];
                for (int c = 0; c < DeapChannels.Eeg.Count; c++)
                {
                    var psd = Welch.Psd(SyntheticData.Video(r, k, DeapChannels.Eeg[c]).Slice(start, window), r.SampleRate, window);
                    for (int b = 0; b < Bands.Length; b++)
                        vector[c * Bands.Length + b] = Welch.BandDb(psd, r.SampleRate, Bands[b].Low, Bands[b].High);
                }
                vectors.Add(vector);
                trials.Add(k);
                classes.Add(label);
            }
        }
        Standardise(vectors);
        return new WindowFeatures([.. vectors], [.. trials], [.. classes]);
    }

    public static double Distance(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(sum);
    }

    private static void Standardise(List<double[]> vectors)
    {
        int dimensions = vectors[0].Length;
        for (int d = 0; d < dimensions; d++)
        {
            double mean = vectors.Average(v => v[d]);
            double sd = Math.Sqrt(vectors.Average(v => (v[d] - mean) * (v[d] - mean)));
            foreach (var v in vectors) v[d] = (v[d] - mean) / sd;
        }
    }
}
