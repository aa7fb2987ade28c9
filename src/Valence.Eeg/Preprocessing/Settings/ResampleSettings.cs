namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Resample every channel to <see cref="TargetSampleRate"/> (DEAP: 128 Hz); nothing happens when the data already has that rate. See <see cref="ResampleStep"/>.</summary>
public sealed record ResampleSettings : StepSettings
{
    /// <summary>The JSON name of this step.</summary>
    public const string StepKind = "resample";

    /// <summary>Settings with every value at its default.</summary>
    public ResampleSettings() : base(StepKind) { }

    /// <summary>The sample rate to produce, in Hz.</summary>
    public double TargetSampleRate { get; init; } = 128;

    /// <inheritdoc />
    public override IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1) =>
        new ResampleStep(input, TargetSampleRate, maxDegreeOfParallelism);
}
