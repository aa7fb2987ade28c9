using Valence.Eeg.Datasets;

namespace Valence.Emotion.Experiments;

/// <summary>How an experiment cuts trials into windows, in seconds (converted against the data's sample rate, and refused when not a whole number of samples).</summary>
/// <remarks>Defaults are the paper's: 2 s windows, a new one every 1 s (59 windows from a 60 s trial), none in the baseline.</remarks>
public sealed record WindowingSettings
{
    /// <summary>Length of each window in seconds (default 2).</summary>
    public double LengthSeconds
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(LengthSeconds), value, $"windows.lengthSeconds must be positive and finite; got {value}.");
    } = 2;

    /// <summary>Seconds between the starts of consecutive windows of a trial (default 1); shorter than the length means overlap.</summary>
    public double StrideSeconds
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(StrideSeconds), value, $"windows.strideSeconds must be positive and finite; got {value}.");
    } = 1;

    /// <summary>Whether windows may start in the pre-trial baseline (default false: the baseline carries no label).</summary>
    public bool IncludeBaseline { get; init; }

    /// <summary>Valence.Eeg's window settings.</summary>
    public WindowSettings ToWindowSettings() =>
        new(SignalDuration.FromSeconds(LengthSeconds), SignalDuration.FromSeconds(StrideSeconds), IncludeBaseline);
}
