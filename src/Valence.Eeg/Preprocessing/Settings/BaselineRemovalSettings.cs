namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Subtract each trial's pre-trial baseline from the chosen channels, then optionally drop it. See <see cref="BaselineRemovalStep"/>.</summary>
public sealed record BaselineRemovalSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "baselineRemoval";

    /// <summary>Settings with every value at its default.</summary>
    public BaselineRemovalSettings() : base(StepKind) { }

    /// <summary>The trial mean, or TorchEEG's chunk template.</summary>
    public BaselineRemovalMode Mode { get; init; } = BaselineRemovalMode.TrialMean;

    /// <summary>Chunk length for <see cref="BaselineRemovalMode.ChunkTemplate"/>, in seconds (TorchEEG: 128 samples at 128 Hz).</summary>
    public double ChunkSeconds { get; init; } = 1;

    /// <summary>Whether to drop the baseline samples afterwards.</summary>
    public bool DropBaseline { get; init; } = true;

    /// <summary>The channels whose baseline is subtracted.</summary>
    public ChannelSet Channels { get; init; } = ChannelSet.Eeg32;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1) =>
        new BaselineRemovalStep(input, Mode, Channels.Resolve(input.ChannelNames, "channels"), DropBaseline, ChunkSeconds);
}
