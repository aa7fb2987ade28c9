using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Re-references chosen channels to a named channel, or to the mean of several (e.g. linked mastoids): at every
/// sample the reference is subtracted from each chosen channel. A reference channel among the chosen ones becomes
/// zero (one reference) or its difference from the others' mean. Other channels pass unchanged.
/// </summary>
public sealed class ReReferenceStep : IPreprocessingStep
{
    private readonly int[] _references;
    private readonly int[] _channels;

    /// <summary>A step subtracting the mean of <paramref name="reference"/> from <paramref name="channels"/> of <paramref name="input"/>.</summary>
    /// <exception cref="InvalidSettingException">A channel is unknown or repeated.</exception>
    public ReReferenceStep(SignalDescription input, IReadOnlyList<string> reference, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(channels);
        Input = Output = input;
        _references = ChannelLookup.Indices(input.ChannelNames, reference, nameof(reference));
        _channels = ChannelLookup.Indices(input.ChannelNames, channels, nameof(channels));
        Name = $"re-reference {_channels.Length} channels to {(reference.Count == 1 ? reference[0] : $"the mean of {string.Join(", ", reference)}")}";
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
        Reference.SubtractMean(samples, recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial, _references, _channels);
        return recording.Derive(this, samples);
    }
}
