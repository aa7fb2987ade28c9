using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Regress the EOG channels out of the chosen channels, per subject. See <see cref="EogRegressionStep"/>.</summary>
public sealed record EogRegressionSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "eogRegression";

    /// <summary>Settings with every value at its default.</summary>
    public EogRegressionSettings() : base(StepKind) { }

    /// <summary>The EOG channels (DEAP: hEOG and vEOG, bipolar derivations).</summary>
    public EquatableList<string> EogChannels { get; init; } = [DeapChannels.Peripheral[0], DeapChannels.Peripheral[1]];

    /// <summary>The channels to clean.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1) =>
        new EogRegressionStep(input, EogChannels, Channels.Resolve(input.ChannelNames, "channels"));
}
