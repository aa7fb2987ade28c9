using System.Globalization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Zero-phase Butterworth high-pass of the chosen channels. See <see cref="ButterworthDesign.HighPass"/>.</summary>
public sealed record HighPassSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "highPass";

    /// <summary>Settings with every value at its default.</summary>
    public HighPassSettings() : base(StepKind) { }

    /// <summary>Cutoff, in Hz; below Nyquist.</summary>
    public double CutoffHz { get; init; } = 1;

    /// <summary>SciPy's N: N poles, applied forwards and backwards.</summary>
    public int Order { get; init; } = 4;

    /// <summary>The channels to filter.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1)
    {
        FilterSettingCheck.Order(Order, "order");
        FilterSettingCheck.Frequency(CutoffHz, input.SampleRate, "cutoffHz");
        string name = string.Create(CultureInfo.InvariantCulture, $"high-pass {CutoffHz} Hz, Butterworth order {Order}, zero-phase");
        return new SosFilterStep(input, ButterworthDesign.HighPass(Order, CutoffHz, input.SampleRate), name,
            Channels.Resolve(input.ChannelNames, "channels"), maxDegreeOfParallelism);
    }
}
