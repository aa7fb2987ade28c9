using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>Keeps the named channels, in the order named (e.g. <see cref="DeapChannels.Emotiv14"/>), and drops the rest. Names are matched case-insensitively and keep the input's spelling.</summary>
public sealed class ChannelSelectionStep : IPreprocessingStep
{
    private readonly int[] _channels;

    /// <summary>A step keeping <paramref name="channels"/> of <paramref name="input"/>.</summary>
    /// <exception cref="InvalidSettingException">A name is unknown (the message lists the channels there are) or repeated.</exception>
    public ChannelSelectionStep(SignalDescription input, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(channels);
        Input = input;
        _channels = ChannelLookup.Indices(input.ChannelNames, channels, nameof(channels));
        Output = input with { ChannelNames = Array.ConvertAll(_channels, i => input.ChannelNames[i]) };
        Name = $"select {_channels.Length} channels: {string.Join(", ", Output.ChannelNames)}";
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
        int n = recording.SamplesPerTrial;
        var samples = new float[(long)recording.TrialCount * _channels.Length * n];
        for (int trial = 0; trial < recording.TrialCount; trial++)
            for (int i = 0; i < _channels.Length; i++)
                recording.Channel(trial, _channels[i]).CopyTo(samples.AsSpan((trial * _channels.Length + i) * n, n));
        return recording.Derive(this, samples);
    }
}
