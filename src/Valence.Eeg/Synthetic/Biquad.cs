namespace Valence.Eeg.Synthetic;

/// <summary>
/// A second-order Butterworth section (bilinear transform, the audio-EQ cookbook's coefficients, normalised so that
/// a₀ = 1), run in transposed direct form II. Used to give the preprocessed signals DEAP's 4–45 Hz band edges.
/// </summary>
internal readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>A Butterworth high-pass at <paramref name="cornerHz"/>.</summary>
    public static Biquad HighPass(double cornerHz, double sampleRate)
    {
        var (cos, alpha) = Prewarp(cornerHz, sampleRate);
        return Normalised((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>A Butterworth low-pass at <paramref name="cornerHz"/>.</summary>
    public static Biquad LowPass(double cornerHz, double sampleRate)
    {
        var (cos, alpha) = Prewarp(cornerHz, sampleRate);
        return Normalised((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Filters <paramref name="signal"/> in place, starting from rest.</summary>
    public void Run(Span<float> signal)
    {
        double z1 = 0, z2 = 0;
        for (int n = 0; n < signal.Length; n++)
        {
            double x = signal[n], y = B0 * x + z1;
            z1 = B1 * x - A1 * y + z2;
            z2 = B2 * x - A2 * y;
            signal[n] = (float)y;
        }
    }

    private static Biquad Normalised(double b0, double b1, double b2, double a0, double a1, double a2) =>
        new(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);

    private static (double Cos, double Alpha) Prewarp(double cornerHz, double sampleRate)
    {
        double w = 2 * Math.PI * cornerHz / sampleRate;
        return (Math.Cos(w), Math.Sin(w) / (2 * Math.Sqrt(0.5)));
    }
}
