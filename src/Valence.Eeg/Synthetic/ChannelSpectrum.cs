namespace Valence.Eeg.Synthetic;

/// <summary>
/// What one EEG channel sounds like during one stretch of a recording: the aperiodic background's density at 10 Hz
/// (µV²/Hz) and exponent, and each rhythm's centre, bandwidth and rms amplitude (indexed by <see cref="EegBand"/>).
/// </summary>
internal sealed record ChannelSpectrum(double BackgroundDensity, double Exponent, double[] CentreHz, double[] BandwidthHz, double[] Microvolts)
{
    /// <summary>The background's one-sided power density at 10 Hz before any gain, µV²/Hz (about 5 µV rms over 4–45 Hz).</summary>
    public const double NominalBackgroundDensity = 1.1;

    /// <summary>Each rhythm's rms amplitude before any gain or topography, µV.</summary>
    public static IReadOnlyList<double> NominalMicrovolts { get; } = [3, 5, 3.5, 1.5];

    /// <summary>
    /// The spectrum of channel <paramref name="channel"/> (Geneva order) for a subject in a trial with the given
    /// fingerprint, and — during a video — the latent emotion (<paramref name="valence"/>, <paramref name="arousal"/>
    /// on 1–9; null outside videos). The formulas are those of <see cref="SyntheticDeapOptions"/>.
    /// </summary>
    public static ChannelSpectrum For(SyntheticDeapOptions options, SubjectProfile subject, TrialFingerprint fingerprint,
        int channel, double? valence, double? arousal)
    {
        var position = ScalpMap.Geneva[channel];
        double side = ScalpMap.FrontalSide(position);
        double common = subject.GainDb + subject.ElectrodeGainDb[channel];
        double valenceDb = valence is { } v ? subject.EffectScale * options.ValenceAsymmetryDbPerUnit * (v - 5) : 0;
        double arousalDb = arousal is { } a ? subject.EffectScale * options.ArousalDbPerUnit * (a - 5) : 0;
        var emotionDb = new double[4];
        emotionDb[(int)EegBand.Alpha] = side * (subject.TraitAsymmetryDb + valenceDb) / 2 - arousalDb;
        emotionDb[(int)EegBand.Beta] = arousalDb;
        emotionDb[(int)EegBand.Gamma] = arousalDb;

        var microvolts = new double[4];
        for (int b = 0; b < 4; b++)
        {
            double levelDb = common + subject.BandTraitDb[b] + ScalpMap.TopographyDb((EegBand)b, position)
                + fingerprint.BandDb[channel][b] + emotionDb[b];
            microvolts[b] = NominalMicrovolts[b] * Math.Pow(10, levelDb / 20);
        }
        var centres = (double[])subject.BandCentreHz.Clone();
        centres[(int)EegBand.Alpha] += fingerprint.AlphaShiftHz;
        return new ChannelSpectrum(
            NominalBackgroundDensity * Math.Pow(10, (common + fingerprint.ImpedanceDb[channel]) / 10),
            Math.Clamp(subject.Exponent + fingerprint.ExponentShift, 0.5, 2.0),
            centres, subject.BandWidthHz, microvolts);
    }
}
