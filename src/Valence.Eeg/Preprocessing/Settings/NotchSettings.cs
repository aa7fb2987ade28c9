using System.Globalization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Zero-phase notch at the mains frequency (50 or 60 Hz) on the chosen channels. See <see cref="NotchDesign.Notch"/>.</summary>
public sealed record NotchSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "notch";

    /// <summary>Settings with every value at its default.</summary>
    public NotchSettings() : base(StepKind) { }

    /// <summary>The frequency to remove, in Hz; below Nyquist (a 50 Hz notch needs data sampled above 100 Hz).</summary>
    public double FrequencyHz { get; init; } = 50;

    /// <summary>Quality factor: the centre frequency over the −3 dB width.</summary>
    public double Quality { get; init; } = NotchDesign.DefaultQuality;

    /// <summary>The channels to filter.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1)
    {
        FilterSettingCheck.Frequency(FrequencyHz, input.SampleRate, "frequencyHz");
        if (FilterFrequencyCheck.QualityProblem(Quality) is string problem)
            throw new InvalidSettingException("quality", Quality.ToString(CultureInfo.InvariantCulture), $"{problem} (valid: above 0)");
        string name = string.Create(CultureInfo.InvariantCulture, $"notch {FrequencyHz} Hz, Q {Quality}, zero-phase");
        return new SosFilterStep(input, NotchDesign.Notch(FrequencyHz, input.SampleRate, Quality), name,
            Channels.Resolve(input.ChannelNames, "channels"), maxDegreeOfParallelism);
    }
}
