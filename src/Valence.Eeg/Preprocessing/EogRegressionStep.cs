using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Removes EOG leakage from chosen channels by <see cref="EogRegression"/>, fitted per subject over all its samples
/// (DEAP: hEOG and vEOG out of the 32 EEG channels). The EOG channels themselves pass unchanged.
/// </summary>
public sealed class EogRegressionStep : IPreprocessingStep
{
    private readonly int[] _eog;
    private readonly int[] _channels;

    /// <summary>A step regressing <paramref name="eogChannels"/> out of <paramref name="channels"/> of <paramref name="input"/>.</summary>
    /// <exception cref="InvalidSettingException">A channel is unknown or repeated, or an EOG channel is also a target.</exception>
    public EogRegressionStep(SignalDescription input, IReadOnlyList<string> eogChannels, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(eogChannels);
        ArgumentNullException.ThrowIfNull(channels);
        Input = Output = input;
        _eog = ChannelLookup.Indices(input.ChannelNames, eogChannels, nameof(eogChannels));
        _channels = ChannelLookup.Indices(input.ChannelNames, channels, nameof(channels));
        foreach (int e in _eog)
            if (_channels.Contains(e))
                throw new InvalidSettingException(nameof(channels), $"[{string.Join(", ", channels)}]",
                    $"EOG channel '{input.ChannelNames[e]}' cannot also be a channel to clean");
        Name = $"EOG regression of {string.Join(", ", _eog.Select(i => input.ChannelNames[i]))} out of {_channels.Length} channels";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public SignalDescription Input { get; }

    /// <inheritdoc />
    public SignalDescription Output { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The subject's EOG channels are constant or linearly dependent.</exception>
    public SubjectRecording Apply(SubjectRecording recording)
    {
        Input.CheckMatches(recording, Name);
        float[] samples = recording.Samples.ToArray();
        int trials = recording.TrialCount, channels = recording.ChannelCount, n = recording.SamplesPerTrial;
        EogRegressionFit fit;
        try
        {
            fit = EogRegression.Fit(samples, trials, channels, n, _eog, _channels);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Subject {recording.Subject} ({recording.Source}): {e.Message}", e);
        }
        EogRegression.Subtract(samples, trials, channels, n, _eog, _channels, fit);
        return recording.Derive(this, samples);
    }
}
