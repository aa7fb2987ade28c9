using Valence.Nn.Layers;

namespace Valence.Emotion.Models;

/// <summary>
/// Settings of the <c>bandpower</c> model, the honest baseline: log band power per channel and band
/// (<see cref="BandPowerFeatures"/>, Welch's method), standardised with statistics fitted to the training data
/// (<see cref="FeatureStandardizer"/>), then a linear softmax classifier (Dense(classes)).
/// </summary>
/// <remarks>
/// <para>Welch segments are <see cref="SegmentSeconds"/> long (shortened to the window when it is shorter) and
/// overlap by <see cref="SegmentOverlap"/>, rounded down to whole samples as scipy's <c>noverlap</c>: a 2 s window at
/// 128 Hz gives three 1 s segments at 0, 0.5 and 1 s, and 1 Hz bins. The sample rate comes from the
/// <see cref="ModelSpec"/>, which takes it from the data.</para>
/// <para>Layers: <c>band_power</c>, <c>standardize</c>, <c>linear</c>.</para>
/// </remarks>
public sealed record BandPowerSettings : ModelSettings
{
    /// <summary>Creates and validates the settings; every argument has the documented default.</summary>
    /// <exception cref="ArgumentException">No bands, a segment length that is not positive and finite, or an overlap outside [0, 1).</exception>
    public BandPowerSettings(IReadOnlyList<FrequencyBand>? bands = null, double segmentSeconds = 1.0, double segmentOverlap = 0.5)
    {
        Bands = (bands ?? FrequencyBand.Standard).ToArray();
        if (Bands.Count == 0 || Bands.Any(b => b is null))
            throw new ArgumentException("bands must list at least one frequency band, and no null.", nameof(bands));
        if (!double.IsFinite(segmentSeconds) || segmentSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(segmentSeconds), segmentSeconds, $"segmentSeconds must be a positive, finite number of seconds; got {segmentSeconds}.");
        if (!(segmentOverlap >= 0 && segmentOverlap < 1))
            throw new ArgumentOutOfRangeException(nameof(segmentOverlap), segmentOverlap, $"segmentOverlap is the overlapping share of consecutive segments and must be in [0, 1); got {segmentOverlap}.");
        SegmentSeconds = segmentSeconds;
        SegmentOverlap = segmentOverlap;
    }

    /// <summary>The bands, in feature order (default theta 4–8, alpha 8–13, beta 13–30, gamma 30–45 Hz).</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; }

    /// <summary>Length of a Welch segment in seconds (default 1 s).</summary>
    public double SegmentSeconds { get; }

    /// <summary>Overlapping share of consecutive segments (default 0.5, scipy's).</summary>
    public double SegmentOverlap { get; }

    /// <inheritdoc />
    public bool Equals(BandPowerSettings? other) =>
        other is not null && Bands.SequenceEqual(other.Bands) && SegmentSeconds == other.SegmentSeconds && SegmentOverlap == other.SegmentOverlap;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Bands.Count, SegmentSeconds, SegmentOverlap);

    /// <summary>The feature extractor's settings for <paramref name="spec"/>'s windows.</summary>
    /// <exception cref="ArgumentException">A band above the Nyquist frequency or without a frequency bin.</exception>
    public BandPowerFeaturesOptions FeatureOptions(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int length = Math.Clamp((int)Math.Round(SegmentSeconds * spec.SampleRate), 2, spec.Samples);
        int overlap = (int)Math.Floor(SegmentOverlap * length);
        return new BandPowerFeaturesOptions(spec.Channels, spec.SampleRate, length, length - overlap, Bands);
    }

    internal override void Validate(ModelSpec spec)
    {
        if (spec.Samples < 2)
            throw new ArgumentException($"{spec.Preset}: a window of {spec.Samples} samples is too short for a power spectrum; it needs at least 2.", nameof(spec));
        _ = FeatureOptions(spec);
    }

    internal Sequential Build(ModelSpec spec)
    {
        var features = FeatureOptions(spec);
        return new Sequential(spec.Preset,
            new BandPowerFeatures("band_power", features),
            new FeatureStandardizer("standardize", new FeatureStandardizerOptions(features.FeatureCount)),
            new Dense("linear", new DenseOptions(features.FeatureCount, spec.Classes)));
    }
}
