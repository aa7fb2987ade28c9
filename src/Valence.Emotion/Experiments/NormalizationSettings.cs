using Valence.Eeg.Datasets;

namespace Valence.Emotion.Experiments;

/// <summary>
/// How each channel is normalised, fitted on each fold's training windows only (see <see cref="NormalizerSettings"/>,
/// whose defaults these are).
/// </summary>
public sealed record NormalizationSettings
{
    /// <summary>What is done (default: <see cref="NormalizerSettings.Default"/>'s).</summary>
    public NormalizationMethod Method { get; init; } = NormalizerSettings.Default.Method;

    /// <summary>Where min-max takes its bounds (default: <see cref="NormalizerSettings.Default"/>'s).</summary>
    public MinMaxBounds Bounds { get; init; } = NormalizerSettings.Default.Bounds;

    /// <summary>The lower bound's percentile, 0–100, for percentile bounds (default: <see cref="NormalizerSettings.Default"/>'s).</summary>
    public double LowerPercentile { get; init; } = NormalizerSettings.Default.LowerPercentile;

    /// <summary>The upper bound's percentile, 0–100, for percentile bounds (default: <see cref="NormalizerSettings.Default"/>'s).</summary>
    public double UpperPercentile { get; init; } = NormalizerSettings.Default.UpperPercentile;

    /// <summary>Whether min-max output is clipped to the output range (default: <see cref="NormalizerSettings.Default"/>'s).</summary>
    public bool Clip { get; init; } = NormalizerSettings.Default.Clip;

    /// <summary>The interval min-max maps onto (default: <see cref="NormalizerSettings.Default"/>'s).</summary>
    public OutputRange Range { get; init; } = NormalizerSettings.Default.Range;

    /// <summary>The same settings as <paramref name="settings"/>.</summary>
    public static NormalizationSettings From(NormalizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            Method = settings.Method, Bounds = settings.Bounds, LowerPercentile = settings.LowerPercentile,
            UpperPercentile = settings.UpperPercentile, Clip = settings.Clip, Range = settings.Range,
        };
    }

    /// <summary>Valence.Eeg's normaliser settings; validates these.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public NormalizerSettings ToNormalizerSettings() => new(Method, Bounds, LowerPercentile, UpperPercentile, Clip, Range);

    /// <summary>One line for reports, for example "ZScoreThenMinMax, percentiles 1–99, clipped, MinusOneToOne".</summary>
    public string Describe() => Method switch
    {
        NormalizationMethod.ZScoreThenMinMax => $"z-score then min-max over {(Bounds == MinMaxBounds.Extremes ? "the extremes" : $"percentiles {LowerPercentile}–{UpperPercentile}")} to {RangeText}{(Clip ? ", clipped" : "")}",
        NormalizationMethod.ZScore => "z-score",
        _ => "none",
    };

    private string RangeText => Range switch
    {
        OutputRange.ZeroToOne => "[0, 1]",
        OutputRange.MinusOneToOne => "[−1, 1]",
        _ => "[−0.5, 0.5]",
    };
}
