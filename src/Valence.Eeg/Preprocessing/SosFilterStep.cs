using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Filters chosen channels of every trial forwards and backwards through second-order sections
/// (<see cref="ZeroPhaseSosFilter"/>, SciPy's <c>sosfiltfilt</c>); the other channels pass unchanged. The Butterworth
/// band-, high- and low-pass and the notch steps are this step with their designs.
/// </summary>
/// <remarks>
/// Each trial is filtered on its own, padded by odd reflection as <c>sosfiltfilt</c> pads; DEAP filtered the
/// continuous recording, so the edges of a trial can differ slightly from theirs.
/// </remarks>
public sealed class SosFilterStep : IPreprocessingStep
{
    private readonly int[] _channels;
    private readonly int _maxDegreeOfParallelism;

    /// <summary>A step filtering <paramref name="channels"/> of <paramref name="input"/> through <paramref name="sos"/>, named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidSettingException">A channel is unknown, or the trials are too short for the filter's padding.</exception>
    public SosFilterStep(SignalDescription input, SecondOrderSections sos, string name, IReadOnlyList<string> channels, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sos);
        ArgumentNullException.ThrowIfNull(channels);
        Input = Output = input;
        Sections = sos;
        Name = name;
        _channels = ChannelLookup.Indices(input.ChannelNames, channels, nameof(channels));
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        if (input.SamplesPerTrial is int n && n <= sos.DefaultPadLength)
            throw new InvalidSettingException("samplesPerTrial", n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"trials of {n} samples are too short for {name}: they must be longer than its padding of {sos.DefaultPadLength} samples");
    }

    /// <summary>The filter.</summary>
    public SecondOrderSections Sections { get; }

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
        float[] samples;
        if (_channels.Length == recording.ChannelCount)
        {
            // Every row is written, so the output needs no copy of the input first.
            samples = GC.AllocateUninitializedArray<float>(recording.Samples.Length);
            ZeroPhaseSosFilter.ApplyToRows(Sections, recording.Samples, samples, recording.SamplesPerTrial, _maxDegreeOfParallelism);
            return recording.Derive(this, samples);
        }
        samples = recording.Samples.ToArray();
        var rows = new int[recording.TrialCount * _channels.Length];
        for (int trial = 0, i = 0; trial < recording.TrialCount; trial++)
            foreach (int channel in _channels) rows[i++] = trial * recording.ChannelCount + channel;
        ZeroPhaseSosFilter.ApplyToRows(Sections, samples, recording.SamplesPerTrial, rows, _maxDegreeOfParallelism);
        return recording.Derive(this, samples);
    }
}
