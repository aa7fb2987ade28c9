using System.Globalization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Zero-phase Butterworth band-pass of the chosen channels (DEAP: 4–45 Hz). See <see cref="ButterworthDesign.BandPass"/>.</summary>
public sealed record BandPassSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "bandPass";

    /// <summary>Settings with every value at its default.</summary>
    public BandPassSettings() : base(StepKind) { }

    /// <summary>Lower edge, in Hz.</summary>
    public double LowHz { get; init; } = 4;

    /// <summary>Upper edge, in Hz; below Nyquist.</summary>
    public double HighHz { get; init; } = 45;

    /// <summary>SciPy's N: the band-pass has N sections (2N poles), applied forwards and backwards.</summary>
    public int Order { get; init; } = 4;

    /// <summary>The channels to filter.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1)
    {
        FilterSettingCheck.Order(Order, "order");
        FilterSettingCheck.Frequency(LowHz, input.SampleRate, "lowHz");
        FilterSettingCheck.Frequency(HighHz, input.SampleRate, "highHz");
        if (FilterFrequencyCheck.BandProblem(LowHz, HighHz) is string problem)
            throw new InvalidSettingException("lowHz", FilterFrequencyCheck.Hz(LowHz), problem);
        string name = string.Create(CultureInfo.InvariantCulture, $"band-pass {LowHz}–{HighHz} Hz, Butterworth order {Order}, zero-phase");
        return new SosFilterStep(input, ButterworthDesign.BandPass(Order, LowHz, HighHz, input.SampleRate), name,
            Channels.Resolve(input.ChannelNames, "channels"), maxDegreeOfParallelism);
    }
}
