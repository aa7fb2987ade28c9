using Valence.Eeg.Recordings;

namespace Valence.Eeg.Datasets;

/// <summary>
/// The preprocessed trials of one or more subjects, ordered by subject then trial, each with its ratings. Every
/// subject must share the sample rate, channel names (same order), trial length and baseline length.
/// </summary>
/// <remarks>
/// The set keeps the recordings it was given and hands out views of their arrays: it never copies signal data.
/// Recordings are sorted by subject whatever order they arrive in, so file discovery order cannot change the
/// trial numbering (and with it every split built on top).
/// </remarks>
public sealed class TrialSet
{
    private readonly SubjectRecording[] _recordings;
    private readonly int[] _firstTrialOfRecording;

    /// <summary>Gathers the trials of <paramref name="recordings"/>.</summary>
    /// <exception cref="ArgumentException">No recordings, a subject appears twice, or the recordings disagree on
    /// sample rate, channels, trial length or baseline; or the baseline is not a whole number of samples.</exception>
    public TrialSet(IEnumerable<SubjectRecording> recordings)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        _recordings = [.. recordings.OrderBy(r => r.Subject)];
        if (_recordings.Length == 0)
            throw new ArgumentException("A trial set needs at least one recording.", nameof(recordings));
        var first = _recordings[0];
        for (int i = 1; i < _recordings.Length; i++)
            CheckAgrees(first, _recordings[i], _recordings[i - 1]);

        SampleRate = first.SampleRate;
        ChannelNames = first.ChannelNames;
        SamplesPerTrial = first.SamplesPerTrial;
        BaselineSamples = WholeSamples(first.BaselineSeconds, first.SampleRate, first);
        _firstTrialOfRecording = new int[_recordings.Length + 1];
        for (int i = 0; i < _recordings.Length; i++)
            _firstTrialOfRecording[i + 1] = _firstTrialOfRecording[i] + _recordings[i].TrialCount;
        Count = _firstTrialOfRecording[^1];
        Subjects = [.. _recordings.Select(r => r.Subject)];
    }

    /// <summary>Number of trials over all subjects.</summary>
    public int Count { get; }

    /// <summary>The subjects, ascending.</summary>
    public IReadOnlyList<int> Subjects { get; }

    /// <summary>Samples per second, in Hz.</summary>
    public double SampleRate { get; }

    /// <summary>Channel names in storage order.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => ChannelNames.Count;

    /// <summary>Samples in each trial, baseline included.</summary>
    public int SamplesPerTrial { get; }

    /// <summary>Samples of pre-trial baseline at the start of each trial (DEAP: 384, i.e. 3 s at 128 Hz).</summary>
    public int BaselineSamples { get; }

    /// <summary>The recordings the trials come from, ascending by subject.</summary>
    public IReadOnlyList<SubjectRecording> Recordings => _recordings;

    /// <summary>Which subject and recording trial the set's trial <paramref name="trial"/> is.</summary>
    public TrialKey Key(int trial)
    {
        int r = RecordingOf(trial);
        return new TrialKey(_recordings[r].Subject, trial - _firstTrialOfRecording[r]);
    }

    /// <summary>The subject of trial <paramref name="trial"/>.</summary>
    public int Subject(int trial) => _recordings[RecordingOf(trial)].Subject;

    /// <summary>The four ratings of trial <paramref name="trial"/>.</summary>
    public Ratings Ratings(int trial)
    {
        int r = RecordingOf(trial);
        return _recordings[r].Ratings[trial - _firstTrialOfRecording[r]];
    }

    /// <summary>Trial <paramref name="trial"/>'s samples, channel-major (channels × <see cref="SamplesPerTrial"/>), baseline included, as a view of the recording.</summary>
    public ReadOnlySpan<float> Samples(int trial)
    {
        int r = RecordingOf(trial);
        return _recordings[r].Trial(trial - _firstTrialOfRecording[r]);
    }

    /// <summary>The set's trial indices that belong to <paramref name="subject"/>, as a start and a count.</summary>
    /// <exception cref="ArgumentException">The set holds no such subject.</exception>
    public (int Start, int Count) TrialsOf(int subject)
    {
        for (int r = 0; r < _recordings.Length; r++)
            if (_recordings[r].Subject == subject)
                return (_firstTrialOfRecording[r], _recordings[r].TrialCount);
        throw new ArgumentException($"The trial set holds no subject {subject}; it holds {string.Join(", ", Subjects)}.", nameof(subject));
    }

    private int RecordingOf(int trial)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)trial, (uint)Count, nameof(trial));
        int r = Array.BinarySearch(_firstTrialOfRecording, trial);
        // Recordings hold at least one trial, so the boundaries are distinct and an exact hit is a recording's first trial.
        return r >= 0 ? r : ~r - 1;
    }

    private static void CheckAgrees(SubjectRecording first, SubjectRecording r, SubjectRecording previous)
    {
        if (r.Subject == previous.Subject)
            throw new ArgumentException($"Subject {r.Subject} appears twice ({previous.Source} and {r.Source}).", "recordings");
        string? disagreement =
            r.SampleRate != first.SampleRate ? $"sample rate {r.SampleRate} Hz, not {first.SampleRate} Hz" :
            !r.ChannelNames.SequenceEqual(first.ChannelNames) ? $"channels {string.Join(", ", r.ChannelNames)}, not {string.Join(", ", first.ChannelNames)}" :
            r.SamplesPerTrial != first.SamplesPerTrial ? $"{r.SamplesPerTrial} samples per trial, not {first.SamplesPerTrial}" :
            r.BaselineSeconds != first.BaselineSeconds ? $"a {r.BaselineSeconds} s baseline, not {first.BaselineSeconds} s" :
            null;
        if (disagreement is not null)
            throw new ArgumentException(
                $"Subject {r.Subject} ({r.Source}) has {disagreement} as subject {first.Subject} ({first.Source}); a trial set needs them to agree.", "recordings");
    }

    private static int WholeSamples(double seconds, double sampleRate, SubjectRecording r)
    {
        double samples = seconds * sampleRate;
        double whole = Math.Round(samples);
        if (Math.Abs(samples - whole) > 1e-9 * Math.Max(1, samples) || whole > r.SamplesPerTrial)
            throw new ArgumentException(
                $"Subject {r.Subject} ({r.Source}): a {seconds} s baseline at {sampleRate} Hz is {samples} samples, not a whole number within the {r.SamplesPerTrial}-sample trial.", "recordings");
        return (int)whole;
    }
}
