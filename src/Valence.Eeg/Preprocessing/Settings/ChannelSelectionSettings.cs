namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Keep the chosen channels, in their order (DEAP: the 32 EEG channels). See <see cref="ChannelSelectionStep"/>.</summary>
public sealed record ChannelSelectionSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "channelSelection";

    /// <summary>Settings with every value at its default.</summary>
    public ChannelSelectionSettings() : base(StepKind) { }

    /// <summary>The channels kept.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1) =>
        new ChannelSelectionStep(input, Channels.Resolve(input.ChannelNames, "channels"));
}
