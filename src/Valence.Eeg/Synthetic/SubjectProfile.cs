namespace Valence.Eeg.Synthetic;

/// <summary>
/// One participant's traits: what makes their EEG and physiology theirs across all trials (overall and per-electrode
/// gain, band strengths, spectral exponent, individual alpha frequency, blink and muscle habits, heart and breathing
/// rates, skin conductance and temperature). Drawn from the subject's own stream, so independent of other subjects.
/// </summary>
internal sealed class SubjectProfile
{
    private SubjectProfile() { }

    public required int Subject { get; init; }
    /// <summary>Overall EEG gain G_s, dB.</summary>
    public required double GainDb { get; init; }
    /// <summary>Per-electrode gain G_sc (cap fit, skin), dB, Geneva order.</summary>
    public required double[] ElectrodeGainDb { get; init; }
    /// <summary>Per-band trait T_sb, dB, indexed by <see cref="EegBand"/>.</summary>
    public required double[] BandTraitDb { get; init; }
    /// <summary>Aperiodic exponent β_s.</summary>
    public required double Exponent { get; init; }
    /// <summary>Centre frequency of each rhythm, Hz (alpha: the individual alpha frequency).</summary>
    public required double[] BandCentreHz { get; init; }
    /// <summary>Bandwidth of each rhythm, Hz.</summary>
    public required double[] BandWidthHz { get; init; }
    /// <summary>Trait frontal alpha asymmetry (right − left), dB, present in every trial whatever the emotion.</summary>
    public required double TraitAsymmetryDb { get; init; }
    /// <summary>How strongly this subject's EEG shows emotion (multiplies both effect sizes).</summary>
    public required double EffectScale { get; init; }
    public required double BlinksPerMinute { get; init; }
    /// <summary>Peak of a blink on vEOG, µV.</summary>
    public required double BlinkMicrovolts { get; init; }
    public required double SaccadesPerSecond { get; init; }
    /// <summary>Half-range of horizontal gaze, degrees.</summary>
    public required double GazeRangeDegrees { get; init; }
    /// <summary>EOG per degree of gaze, µV.</summary>
    public required double EogMicrovoltsPerDegree { get; init; }
    public required double MuscleBurstsPerMinute { get; init; }
    /// <summary>Rms of a muscle burst at the muscle, µV.</summary>
    public required double MuscleMicrovolts { get; init; }
    public required double HeartRateBpm { get; init; }
    public required double BreathsPerMinute { get; init; }
    /// <summary>Tonic skin conductance, µS.</summary>
    public required double ConductanceMicrosiemens { get; init; }
    public required double SkinTemperatureC { get; init; }

    /// <summary>Draws subject <paramref name="subject"/>'s traits.</summary>
    public static SubjectProfile Draw(SyntheticDeapOptions options, int subject)
    {
        var rng = SyntheticRandom.For(options.Seed, RandomStream.Subject, subject);
        return new SubjectProfile
        {
            Subject = subject,
            GainDb = rng.Gaussian(0, 2),
            ElectrodeGainDb = Enumerable.Range(0, ScalpMap.Geneva.Count).Select(_ => rng.Gaussian(0, 1)).ToArray(),
            BandTraitDb = [rng.Gaussian(0, 1.5), rng.Gaussian(0, 3), rng.Gaussian(0, 1.5), rng.Gaussian(0, 1.5)],
            Exponent = Math.Clamp(rng.Gaussian(1.6, 0.2), 1.0, 2.0),
            BandCentreHz = [rng.Gaussian(6, 0.5), Math.Clamp(rng.Gaussian(10, 0.8), 8, 12.5), rng.Gaussian(20, 2), rng.Gaussian(38, 2)],
            BandWidthHz = [2.5, rng.Uniform(1.5, 3), 10, 10],
            TraitAsymmetryDb = rng.Gaussian(0, 1),
            EffectScale = Math.Max(0, rng.Gaussian(1, options.SubjectEffectSpread)),
            BlinksPerMinute = options.BlinkRatePerMinute * Math.Exp(rng.Gaussian(0, 0.4)),
            BlinkMicrovolts = Math.Clamp(rng.Gaussian(300, 80), 150, 500),
            SaccadesPerSecond = rng.Uniform(0.8, 2.0),
            GazeRangeDegrees = rng.Uniform(5, 12),
            EogMicrovoltsPerDegree = rng.Uniform(12, 20),
            MuscleBurstsPerMinute = options.MuscleBurstsPerMinute * Math.Exp(rng.Gaussian(0, 0.5)),
            MuscleMicrovolts = 15 * Math.Exp(rng.Gaussian(0, 0.4)),
            HeartRateBpm = rng.Uniform(60, 85),
            BreathsPerMinute = rng.Uniform(12, 18),
            ConductanceMicrosiemens = 5 * Math.Exp(rng.Gaussian(0, 0.6)),
            SkinTemperatureC = rng.Uniform(29.5, 33.5),
        };
    }
}
