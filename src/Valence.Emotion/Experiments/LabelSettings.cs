using Valence.Eeg.Datasets;

namespace Valence.Emotion.Experiments;

/// <summary>How ratings become classes (see <see cref="LabelScheme"/>): by default the four valence/arousal quadrants, threshold 5, a 5 counting as high.</summary>
public sealed record LabelSettings
{
    /// <summary>What the classes say (default <see cref="LabelTarget.Quadrant"/>: 0 LVLA, 1 LVHA, 2 HVLA, 3 HVHA).</summary>
    public LabelTarget Target { get; init; } = LabelTarget.Quadrant;

    /// <summary>The rating that separates low from high on DEAP's 1–9 scale (default 5).</summary>
    public double Threshold { get; init; } = 5;

    /// <summary>Where a rating equal to the threshold goes (default <see cref="ThresholdTie.EqualIsHigh"/>, as TorchEEG).</summary>
    public ThresholdTie Tie { get; init; } = ThresholdTie.EqualIsHigh;

    /// <summary>Valence.Eeg's label scheme; validates the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public LabelScheme ToScheme() => new(Target, Threshold, Tie);
}
