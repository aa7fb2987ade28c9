using Valence.Eeg.Preprocessing.Settings;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// The ordered steps built from <see cref="PreprocessingSettings"/> for one kind of input, every setting already
/// checked; <see cref="Apply"/> runs them in order, each on the previous one's output.
/// </summary>
public sealed class PreprocessingPipeline
{
    private readonly int _maxDegreeOfParallelism;

    internal PreprocessingPipeline(PreprocessingSettings settings, SignalDescription input, IReadOnlyList<IPreprocessingStep> steps, int maxDegreeOfParallelism)
    {
        Settings = settings;
        Input = input;
        Steps = steps;
        Output = steps.Count == 0 ? input : steps[^1].Output;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The settings the pipeline was built from.</summary>
    public PreprocessingSettings Settings { get; }

    /// <summary>The input the pipeline was built for.</summary>
    public SignalDescription Input { get; }

    /// <summary>What the pipeline's output looks like.</summary>
    public SignalDescription Output { get; }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IPreprocessingStep> Steps { get; }

    /// <summary>
    /// Runs every step on <paramref name="recording"/>. A pipeline built without the trial length (from a sample rate
    /// and channel names alone) is first rebuilt for the recording's full description, so that the checks of trial
    /// and baseline lengths too happen before anything runs.
    /// </summary>
    /// <exception cref="ArgumentException">The recording does not match the input the pipeline was built for.</exception>
    /// <exception cref="InvalidSettingException">A setting does not fit the recording's trial length.</exception>
    public SubjectRecording Apply(SubjectRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (Input.SamplesPerTrial is null)
        {
            // Built from the rate and channels alone: check those, then build for the recording's full description.
            (Input with { SamplesPerTrial = recording.SamplesPerTrial, BaselineSeconds = recording.BaselineSeconds }).CheckMatches(recording, "The pipeline");
            return Settings.Build(SignalDescription.Of(recording), _maxDegreeOfParallelism).Apply(recording);
        }
        Input.CheckMatches(recording, "The pipeline");
        foreach (IPreprocessingStep step in Steps) recording = step.Apply(recording);
        return recording;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" → ", Steps.Select(s => s.Name));
}
