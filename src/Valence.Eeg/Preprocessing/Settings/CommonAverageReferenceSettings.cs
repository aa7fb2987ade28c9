namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Re-reference the chosen channels to their common average (DEAP: the 32 EEG channels). See <see cref="CommonAverageReferenceStep"/>.</summary>
public sealed record CommonAverageReferenceSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "commonAverageReference";

    /// <summary>Settings with every value at its default.</summary>
    public CommonAverageReferenceSettings() : base(StepKind) { }

    /// <summary>The channels averaged and re-referenced.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1) =>
        new CommonAverageReferenceStep(input, Channels.Resolve(input.ChannelNames, "channels"));
}
