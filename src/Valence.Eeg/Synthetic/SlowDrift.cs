namespace Valence.Eeg.Synthetic;

/// <summary>
/// Slow wandering of a signal's baseline (electrode potentials, skin temperature, respiration belt): a first-order
/// low-pass of white noise with the given corner, started in its stationary state.
/// </summary>
internal static class SlowDrift
{
    /// <summary>Adds drift of rms <paramref name="rms"/> and corner <paramref name="cornerHz"/> to <paramref name="destination"/>.</summary>
    public static void Add(Span<float> destination, double sampleRate, double cornerHz, double rms, SyntheticRandom rng)
    {
        if (destination.IsEmpty || rms == 0) return;
        double pole = Math.Exp(-2 * Math.PI * cornerHz / sampleRate);
        double gain = rms * Math.Sqrt(1 - pole * pole);
        var noise = new float[Math.Min(destination.Length, 4096)];
        double x = rms * rng.Gaussian();
        for (int chunk = 0; chunk < destination.Length; chunk += noise.Length)
        {
            int length = Math.Min(noise.Length, destination.Length - chunk);
            rng.FillWhite(noise.AsSpan(0, length));
            for (int i = 0; i < length; i++)
            {
                x = pole * x + gain * noise[i];
                destination[chunk + i] += (float)x;
            }
        }
    }
}
