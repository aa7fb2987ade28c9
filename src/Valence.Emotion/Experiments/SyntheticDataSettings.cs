using Valence.Eeg.Synthetic;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Synthetic DEAP data generated in memory for an experiment (see <see cref="SyntheticDeapGenerator"/>): how much,
/// which seed, and optionally a stronger or weaker emotion effect than the generator's defaults.
/// </summary>
public sealed record SyntheticDataSettings
{
    /// <summary>Subjects to generate, 1–32 (default 8).</summary>
    public int Subjects { get; init; } = 8;

    /// <summary>Trials per subject, 4–40 (default 40).</summary>
    public int Trials { get; init; } = 40;

    /// <summary>Seconds of each trial after the 3 s baseline, 2–600 (default 60, DEAP's).</summary>
    public double TrialSeconds { get; init; } = 60;

    /// <summary>The generator's seed (default 1).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Frontal alpha asymmetry per valence unit in dB; null keeps the generator's default (1.5).</summary>
    public double? ValenceAsymmetryDbPerUnit { get; init; }

    /// <summary>Band-power change per arousal unit in dB; null keeps the generator's default (0.7).</summary>
    public double? ArousalDbPerUnit { get; init; }

    /// <summary>How strongly each trial has its own fingerprint unrelated to emotion; null keeps the generator's default (1).</summary>
    public double? TrialFingerprintStrength { get; init; }

    /// <summary>The generator's options; each one checks its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of the generator's range; the message names it.</exception>
    public SyntheticDeapOptions ToOptions()
    {
        var options = new SyntheticDeapOptions { SubjectCount = Subjects, TrialCount = Trials, TrialSeconds = TrialSeconds, Seed = Seed };
        if (ValenceAsymmetryDbPerUnit is double valence) options = options with { ValenceAsymmetryDbPerUnit = valence };
        if (ArousalDbPerUnit is double arousal) options = options with { ArousalDbPerUnit = arousal };
        if (TrialFingerprintStrength is double fingerprint) options = options with { TrialFingerprintStrength = fingerprint };
        return options;
    }
}
