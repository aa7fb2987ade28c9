namespace Valence.Eeg.Synthetic;

/// <summary>
/// Bursts of muscle activity (jaw clenching, frowning, smiling, shrugging): broadband noise centred high in the
/// spectrum, under a Hann envelope of 0.2–1.5 s, at random times.
/// </summary>
internal static class MuscleBursts
{
    /// <summary>Adds bursts to <paramref name="destination"/> at <paramref name="perMinute"/> on average, each of rms <paramref name="microvolts"/> at its peak (±40% from burst to burst).</summary>
    public static void Add(Span<float> destination, double sampleRate, double perMinute, double microvolts, SyntheticRandom rng)
    {
        if (perMinute <= 0) return;
        var shape = Resonator.Design(Math.Min(80, 0.3 * sampleRate), Math.Min(100, 0.35 * sampleRate), sampleRate);
        double seconds = destination.Length / sampleRate;
        var noise = new float[(int)(1.5 * sampleRate) + 1];
        for (double t = rng.Exponential(60 / perMinute); t < seconds; t += rng.Exponential(60 / perMinute))
        {
            int start = (int)(t * sampleRate);
            int length = Math.Min((int)(rng.Uniform(0.2, 1.5) * sampleRate), destination.Length - start);
            double gain = microvolts * Math.Exp(rng.Gaussian(0, 0.4)) * shape.UnitInputGain;
            rng.FillWhite(noise.AsSpan(0, length));
            double y1 = 0, y2 = 0;
            for (int i = 0; i < length; i++)
            {
                double y = shape.A1 * y1 + shape.A2 * y2 + gain * noise[i];
                (y2, y1) = (y1, y);
                double envelope = 0.5 * (1 - Math.Cos(2 * Math.PI * i / length));
                destination[start + i] += (float)(envelope * y);
            }
        }
    }
}
