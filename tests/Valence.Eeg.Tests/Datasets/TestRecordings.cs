using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Datasets;

/// <summary>Small recordings made in the tests: few channels, short trials at 128 Hz, seeded noise.</summary>
internal static class TestRecordings
{
    public const double Rate = 128;

    /// <summary>A recording of <paramref name="ratings"/>.Length trials; samples are seeded noise, distinct per subject.</summary>
    public static SubjectRecording Make(int subject, Ratings[] ratings, int channels = 3, double trialSeconds = 10,
        double baselineSeconds = 3, int seed = 0)
    {
        int perTrial = (int)Math.Round((trialSeconds + baselineSeconds) * Rate);
        var samples = new float[ratings.Length * channels * perTrial];
        var random = new Random(seed * 1000 + subject);
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(random.NextDouble() * 2 - 1);
        return new SubjectRecording(subject, samples, ratings.Length, [.. Enumerable.Range(0, channels).Select(c => $"C{c}")],
            Rate, ratings, baselineSeconds, $"test s{subject}");
    }

    /// <summary>A recording whose trials cycle through the four quadrants (ratings 2 and 8).</summary>
    public static SubjectRecording Cycling(int subject, int trials, int channels = 3, double trialSeconds = 10,
        double baselineSeconds = 3, int seed = 0) =>
        Make(subject, [.. Enumerable.Range(0, trials).Select(QuadrantRatings)], channels, trialSeconds, baselineSeconds, seed);

    /// <summary>Ratings whose quadrant under the default scheme is <paramref name="k"/> mod 4 (0 LVLA … 3 HVHA).</summary>
    public static Ratings QuadrantRatings(int k) => new((k & 2) != 0 ? 8 : 2, (k & 1) != 0 ? 8 : 2, 5, 5);
}
