namespace Valence.Eeg.Synthetic;

/// <summary>
/// What makes one trial's recording its own, unrelated to emotion: each channel's band levels and electrode
/// impedance, the spectral exponent and alpha frequency of the day, a slow drift of each band's power, and how often
/// the subject blinks and tenses muscles in it. All scaled by <see cref="SyntheticDeapOptions.TrialFingerprintStrength"/>.
/// </summary>
internal sealed class TrialFingerprint
{
    private TrialFingerprint() { }

    /// <summary>F_kcb: per channel (Geneva order) and band, dB.</summary>
    public required double[][] BandDb { get; init; }
    /// <summary>I_kc: per channel, dB on the background.</summary>
    public required double[] ImpedanceDb { get; init; }
    public required double ExponentShift { get; init; }
    public required double AlphaShiftHz { get; init; }
    /// <summary>Peak depth of each band's slow drift, dB.</summary>
    public required double DriftDepthDb { get; init; }
    public required double[] DriftPeriodSeconds { get; init; }
    public required double[] DriftPhase { get; init; }
    public required double BlinkRateFactor { get; init; }
    public required double MuscleRateFactor { get; init; }

    /// <summary>A trial without fingerprint: what the non-trial parts of a raw session use.</summary>
    public static TrialFingerprint None { get; } = Draw(SyntheticRandom.For(0, RandomStream.Fingerprint), 0);

    /// <summary>Draws the fingerprint of subject <paramref name="subject"/>'s video <paramref name="experimentId"/>.</summary>
    public static TrialFingerprint Draw(SyntheticDeapOptions options, int subject, int experimentId) =>
        Draw(SyntheticRandom.For(options.Seed, RandomStream.Fingerprint, subject, experimentId), options.TrialFingerprintStrength);

    private static TrialFingerprint Draw(SyntheticRandom rng, double s)
    {
        int channels = ScalpMap.Geneva.Count;
        return new TrialFingerprint
        {
            BandDb = Enumerable.Range(0, channels).Select(_ => new[] { Db(), Db(), Db(), Db() }).ToArray(),
            ImpedanceDb = Enumerable.Range(0, channels).Select(_ => rng.Gaussian(0, 1.5 * s)).ToArray(),
            ExponentShift = rng.Gaussian(0, 0.12 * s),
            AlphaShiftHz = rng.Gaussian(0, 0.3 * s),
            DriftDepthDb = 1.5 * s,
            DriftPeriodSeconds = [rng.Uniform(10, 40), rng.Uniform(10, 40), rng.Uniform(10, 40), rng.Uniform(10, 40)],
            DriftPhase = [rng.Uniform(0, 2 * Math.PI), rng.Uniform(0, 2 * Math.PI), rng.Uniform(0, 2 * Math.PI), rng.Uniform(0, 2 * Math.PI)],
            BlinkRateFactor = Math.Exp(rng.Gaussian(0, 0.35 * s)),
            MuscleRateFactor = Math.Exp(rng.Gaussian(0, 0.9 * s)),
        };

        double Db() => rng.Gaussian(0, 2 * s);
    }
}
