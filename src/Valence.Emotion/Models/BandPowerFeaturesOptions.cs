using System.Text.Json.Serialization;

namespace Valence.Emotion.Models;

/// <summary>
/// Settings of <see cref="BandPowerFeatures"/>: the input's channels and sample rate, the Welch segments (length
/// and step in samples) and the frequency bands.
/// </summary>
public sealed record BandPowerFeaturesOptions
{
    /// <summary>Validates and creates the settings.</summary>
    /// <param name="channels">Channels of the input [batch, channels, samples].</param>
    /// <param name="sampleRate">Samples per second of the input, in Hz.</param>
    /// <param name="segmentLength">Samples per Welch segment L (scipy's <c>nperseg</c>), at least 2; the frequency resolution is sampleRate / L.</param>
    /// <param name="segmentStep">Samples between segment starts, from 1 to L (scipy's <c>nperseg − noverlap</c>).</param>
    /// <param name="bands">The bands, in output order; each must lie below the Nyquist frequency and hold at least one frequency bin.</param>
    /// <exception cref="ArgumentException">A value breaks the rule its parameter states; the message names it.</exception>
    public BandPowerFeaturesOptions(int channels, double sampleRate, int segmentLength, int segmentStep, IReadOnlyList<FrequencyBand> bands)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (!double.IsFinite(sampleRate) || sampleRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"BandPowerFeatures: the sample rate must be a positive, finite number of Hz; got {sampleRate}.");
        if (segmentLength < 2)
            throw new ArgumentOutOfRangeException(nameof(segmentLength), segmentLength, $"BandPowerFeatures: a Welch segment needs at least 2 samples; got {segmentLength}.");
        if (segmentStep < 1 || segmentStep > segmentLength)
            throw new ArgumentOutOfRangeException(nameof(segmentStep), segmentStep, $"BandPowerFeatures: the segment step must be from 1 to the segment length {segmentLength} (segments may overlap but not leave gaps); got {segmentStep}.");
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count == 0)
            throw new ArgumentException("BandPowerFeatures: give at least one frequency band.", nameof(bands));
        Channels = channels;
        SampleRate = sampleRate;
        SegmentLength = segmentLength;
        SegmentStep = segmentStep;
        Bands = bands.ToArray();
        foreach (var band in Bands) ValidateBand(band);
    }

    /// <summary>Channels of the input.</summary>
    public int Channels { get; }

    /// <summary>Samples per second of the input, in Hz.</summary>
    public double SampleRate { get; }

    /// <summary>Samples per Welch segment.</summary>
    public int SegmentLength { get; }

    /// <summary>Samples between segment starts.</summary>
    public int SegmentStep { get; }

    /// <summary>The bands, in output order.</summary>
    public IReadOnlyList<FrequencyBand> Bands { get; }

    /// <summary>The spacing of the frequency bins, sampleRate / segmentLength, in Hz.</summary>
    [JsonIgnore]
    public double FrequencyResolution => SampleRate / SegmentLength;

    /// <summary>Features per window: one per channel and band.</summary>
    [JsonIgnore]
    public int FeatureCount => Channels * Bands.Count;

    /// <summary>
    /// The frequency bins k (at k·sampleRate/segmentLength Hz) of <paramref name="band"/>: those with
    /// low ≤ f_k &lt; high, excluding the constant term k = 0, which the detrending removes.
    /// </summary>
    public (int First, int Count) Bins(FrequencyBand band)
    {
        int first = 0, count = 0;
        for (int k = 1; BinFrequency(k) < band.High; k++)
        {
            if (BinFrequency(k) < band.Low) continue;
            if (count == 0) first = k;
            count++;
        }
        return (first, count);
    }

    /// <summary>The frequency of bin <paramref name="k"/>: k·sampleRate / segmentLength.</summary>
    public double BinFrequency(int k) => k * SampleRate / SegmentLength;

    /// <inheritdoc />
    public bool Equals(BandPowerFeaturesOptions? other) =>
        other is not null && Channels == other.Channels && SampleRate == other.SampleRate && SegmentLength == other.SegmentLength
        && SegmentStep == other.SegmentStep && Bands.SequenceEqual(other.Bands);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channels, SampleRate, SegmentLength, SegmentStep, Bands.Count);

    private void ValidateBand(FrequencyBand band)
    {
        ArgumentNullException.ThrowIfNull(band, nameof(Bands));
        double nyquist = SampleRate / 2;
        if (band.High > nyquist)
            throw new ArgumentException(
                $"BandPowerFeatures: band {band} reaches above the Nyquist frequency {nyquist} Hz of {SampleRate} Hz data; it needs a sample rate of at least {2 * band.High} Hz, or a lower band edge.",
                nameof(Bands));
        if (Bins(band).Count == 0)
            throw new ArgumentException(
                $"BandPowerFeatures: band {band} holds no frequency bin at a resolution of {FrequencyResolution} Hz ({SegmentLength}-sample segments at {SampleRate} Hz); use longer segments.",
                nameof(Bands));
    }
}
