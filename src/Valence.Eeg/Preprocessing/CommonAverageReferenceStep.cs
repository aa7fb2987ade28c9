using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Common average reference: at every sample, subtracts the mean of the chosen channels from each of them, so that
/// their mean becomes zero (DEAP: over the 32 EEG channels). Other channels pass unchanged. The mean is taken in
/// double precision.
/// </summary>
public sealed class CommonAverageReferenceStep : IPreprocessingStep
{
    private readonly int[] _channels;

    /// <summary>A step re-referencing <paramref name="channels"/> of <paramref name="input"/> to their common average.</summary>
    /// <exception cref="InvalidSettingException">A channel is unknown or repeated.</exception>
    public CommonAverageReferenceStep(SignalDescription input, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(channels);
        Input = Output = input;
        _channels = ChannelLookup.Indices(input.ChannelNames, channels, nameof(channels));
        Name = $"common average reference over {_channels.Length} channels";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public SignalDescription Input { get; }

    /// <inheritdoc />
    public SignalDescription Output { get; }

    /// <inheritdoc />
    public SubjectRecording Apply(SubjectRecording recording)
    {
        Input.CheckMatches(recording, Name);
        float[] samples = recording.Samples.ToArray();
        Reference.SubtractMean(samples, recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial, _channels, _channels);
        return recording.Derive(this, samples);
    }
}
