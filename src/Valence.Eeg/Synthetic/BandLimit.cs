namespace Valence.Eeg.Synthetic;

/// <summary>DEAP's 4–45 Hz band-pass, as a Butterworth high-pass and low-pass of second order each.</summary>
internal readonly record struct BandLimit(Biquad HighPass, Biquad LowPass)
{
    /// <summary>The band edges of DEAP's preprocessing, in Hz.</summary>
    public const double LowHz = 4, HighHz = 45;

    /// <summary>The band-pass for <paramref name="sampleRate"/>.</summary>
    public static BandLimit Deap(double sampleRate) =>
        new(Biquad.HighPass(LowHz, sampleRate), Biquad.LowPass(HighHz, sampleRate));

    /// <summary>Filters <paramref name="signal"/> in place, starting from rest.</summary>
    public void Run(Span<float> signal)
    {
        HighPass.Run(signal);
        LowPass.Run(signal);
    }
}
