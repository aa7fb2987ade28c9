using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Deap;

/// <summary>How <see cref="DeapRawReader"/> cuts trials out of a raw recording; the defaults are DEAP's.</summary>
public sealed record DeapRawOptions
{
    /// <summary>Seconds of each trial from its video-start trigger (DEAP: 60).</summary>
    public double TrialSeconds { get; init; } = DeapChannels.TrialSeconds;

    /// <summary>Seconds of baseline taken just before each video start (DEAP's preprocessed files: 3).</summary>
    public double BaselineSeconds { get; init; } = DeapChannels.BaselineSeconds;

    /// <summary>How many trials each participant has (DEAP: 40).</summary>
    public int TrialCount { get; init; } = 40;

    /// <summary>Checks that the lengths are finite (trial positive, baseline not negative) and the count positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(TrialSeconds) || TrialSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(TrialSeconds), TrialSeconds, "The trial length must be positive and finite.");
        if (!double.IsFinite(BaselineSeconds) || BaselineSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(BaselineSeconds), BaselineSeconds, "The baseline length must be zero or positive and finite.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TrialCount);
    }
}
