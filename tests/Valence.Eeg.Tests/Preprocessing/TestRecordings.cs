using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Small recordings whose values follow a formula, for the step tests.</summary>
internal static class TestRecordings
{
    public static SubjectRecording Make(IReadOnlyList<string> channels, int trials, int samplesPerTrial, double sampleRate,
        double baselineSeconds, Func<int, int, int, double> value)
    {
        var samples = new float[trials * channels.Count * samplesPerTrial];
        for (int trial = 0; trial < trials; trial++)
            for (int c = 0; c < channels.Count; c++)
                for (int t = 0; t < samplesPerTrial; t++)
                    samples[(trial * channels.Count + c) * samplesPerTrial + t] = (float)value(trial, c, t);
        Ratings[] ratings = Enumerable.Range(0, trials).Select(i => new Ratings(1 + i % 9, 5, 5, 5)).ToArray();
        return new SubjectRecording(7, samples, trials, channels, sampleRate, ratings, baselineSeconds, "test");
    }

    /// <summary>A DEAP-shaped recording (40 channels in file order) with a distinct, irregular signal on each channel.</summary>
    public static SubjectRecording Deap(int trials = 2, int samplesPerTrial = 640, double sampleRate = 128, double baselineSeconds = 1) =>
        Make(DeapChannels.Preprocessed, trials, samplesPerTrial, sampleRate, baselineSeconds,
            (trial, c, t) => 10 * Math.Sin(0.07 * t * (c + 1) + trial) + 3 * Math.Cos(0.9 * t + c) + c - 20);
}
