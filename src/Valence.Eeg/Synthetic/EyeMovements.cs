namespace Valence.Eeg.Synthetic;

/// <summary>
/// The ocular signals as the bipolar EOG derivations see them, in µV: blinks (a fast rise and slower fall of about
/// 0.4 s, positive above the eye) and vertical gaze on vEOG; horizontal gaze, changed by saccades, on hEOG
/// (positive when looking left). <see cref="ScalpMap"/> says how much of each reaches an EEG electrode.
/// </summary>
internal static class EyeMovements
{
    /// <summary>A subject's eye habits in one stretch of recording.</summary>
    /// <param name="BlinkMicrovolts">Typical blink peak on vEOG.</param>
    /// <param name="GazeRangeDegrees">Horizontal gaze stays within ± this; vertical within a third of it.</param>
    public readonly record struct Habits(double BlinksPerMinute, double BlinkMicrovolts, double SaccadesPerSecond,
        double GazeRangeDegrees, double MicrovoltsPerDegree);

    /// <summary>Writes the ocular signals of <paramref name="vertical"/>.Length samples.</summary>
    public static void Generate(Span<float> vertical, Span<float> horizontal, double sampleRate, Habits habits, SyntheticRandom rng)
    {
        Gaze(vertical, horizontal, sampleRate, habits, rng);
        Blinks(vertical, sampleRate, habits, rng);
    }

    private static void Gaze(Span<float> vertical, Span<float> horizontal, double sampleRate, Habits habits, SyntheticRandom rng)
    {
        double range = habits.GazeRangeDegrees, scale = habits.MicrovoltsPerDegree;
        double h = rng.Uniform(-range, range), v = rng.Uniform(-range / 3, range / 3);
        int n = 0;
        while (n < horizontal.Length)
        {
            int fixation = Math.Max(1, (int)(rng.Exponential(1 / habits.SaccadesPerSecond) * sampleRate));
            int end = Math.Min(horizontal.Length, n + fixation);
            horizontal[n..end].Fill((float)(scale * h));
            vertical[n..end].Fill((float)(scale * v));
            n = end;
            double nextH = rng.Uniform(-range, range), nextV = rng.Uniform(-range / 3, range / 3);
            // Main sequence: a saccade lasts about 20 ms + 2.5 ms per degree.
            double amplitude = Math.Sqrt((nextH - h) * (nextH - h) + (nextV - v) * (nextV - v));
            int length = Math.Max(1, (int)((0.02 + 0.0025 * amplitude) * sampleRate));
            for (int i = 0; i < length && n < horizontal.Length; i++, n++)
            {
                double x = (i + 1.0) / length, smooth = x * x * (3 - 2 * x);
                horizontal[n] = (float)(scale * (h + (nextH - h) * smooth));
                vertical[n] = (float)(scale * (v + (nextV - v) * smooth));
            }
            (h, v) = (nextH, nextV);
        }
    }

    private static void Blinks(Span<float> vertical, double sampleRate, Habits habits, SyntheticRandom rng)
    {
        if (habits.BlinksPerMinute <= 0) return;
        // Blinks are at least 0.3 s apart; the rest of the gap is exponential so the rate is as asked.
        double meanGap = Math.Max(0.05, 60 / habits.BlinksPerMinute - 0.3);
        for (double t = -rng.Uniform(0, 60 / habits.BlinksPerMinute); ; t += 0.3 + rng.Exponential(meanGap))
        {
            double peak = habits.BlinkMicrovolts * Math.Exp(rng.Gaussian(0, 0.15));
            double rise = 0.09 * rng.Uniform(0.85, 1.2);
            int start = (int)Math.Ceiling(t * sampleRate);
            if (start >= vertical.Length) break;
            // (t/τ)³·exp(3(1 − t/τ)) peaks at 1 when t = τ and has all but faded by 5τ.
            int length = (int)(5 * rise * sampleRate);
            for (int i = Math.Max(0, -start); i < length && start + i < vertical.Length; i++)
            {
                double x = ((start + i) / sampleRate - t) / rise;
                vertical[start + i] += (float)(peak * x * x * x * Math.Exp(3 * (1 - x)));
            }
        }
    }
}
