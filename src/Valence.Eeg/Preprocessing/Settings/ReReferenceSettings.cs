namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Re-reference the chosen channels to a named channel or the mean of several. See <see cref="ReReferenceStep"/>.</summary>
public sealed record ReReferenceSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "reReference";

    /// <summary>Settings with every value at its default.</summary>
    public ReReferenceSettings() : base(StepKind) { }

    /// <summary>The reference channel, or channels whose mean is the reference.</summary>
    public EquatableList<string> Reference { get; init; } = ["Cz"];

    /// <summary>The channels re-referenced.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1) =>
        new ReReferenceStep(input, Reference, Channels.Resolve(input.ChannelNames, "channels"));
}
