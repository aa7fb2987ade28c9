namespace Valence.Eeg.Recordings;

/// <summary>
/// One participant's trials as read from a file: trials × channels × samples of float32 signal, with the sample
/// rate, the channel names, each trial's ratings and where the data came from. Immutable: transforms return new
/// recordings.
/// </summary>
/// <remarks>
/// The signal is stored as one contiguous array, trial-major then channel-major, so that
/// <see cref="Trial"/> and <see cref="Channel"/> return views without copying.
/// </remarks>
public sealed class SubjectRecording
{
    private readonly float[] _samples;

    /// <summary>Creates a recording; checks that every size agrees.</summary>
    /// <param name="subject">Participant number (1-based, as in DEAP's file names).</param>
    /// <param name="samples">trials·channels·samplesPerTrial values, trial-major then channel-major. Kept, not copied.</param>
    /// <param name="baselineSeconds">How many seconds at the start of each trial are pre-trial baseline (DEAP: 3).</param>
    /// <param name="source">Where the data came from (a file path or "synthetic seed=…"), for provenance and errors.</param>
    /// <exception cref="ArgumentException">Sizes disagree, the sample rate is not positive and finite, or a channel name repeats.</exception>
    public SubjectRecording(int subject, float[] samples, int trialCount, IReadOnlyList<string> channelNames,
        double sampleRate, IReadOnlyList<Ratings> ratings, double baselineSeconds, string source)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trialCount);
        if (channelNames.Count == 0)
            throw new ArgumentException("A recording needs at least one channel.", nameof(channelNames));
        if (!double.IsFinite(sampleRate) || sampleRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive and finite.");
        if (channelNames.Distinct().Count() != channelNames.Count)
            throw new ArgumentException($"Channel names repeat: {string.Join(", ", channelNames)}.", nameof(channelNames));
        if (samples.Length % ((long)trialCount * channelNames.Count) != 0)
            throw new ArgumentException($"{samples.Length} samples do not divide into {trialCount} trials × {channelNames.Count} channels.", nameof(samples));
        if (ratings.Count != trialCount)
            throw new ArgumentException($"{ratings.Count} ratings for {trialCount} trials.", nameof(ratings));
        if (!double.IsFinite(baselineSeconds) || baselineSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(baselineSeconds), baselineSeconds, "The baseline length must be zero or positive.");

        Subject = subject;
        _samples = samples;
        TrialCount = trialCount;
        ChannelNames = channelNames.ToArray();
        SamplesPerTrial = samples.Length / (trialCount * channelNames.Count);
        SampleRate = sampleRate;
        Ratings = ratings.ToArray();
        BaselineSeconds = baselineSeconds;
        Source = source;
    }

    /// <summary>Participant number (1-based).</summary>
    public int Subject { get; }

    /// <summary>Number of trials.</summary>
    public int TrialCount { get; }

    /// <summary>Channel names in storage order.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => ChannelNames.Count;

    /// <summary>Samples in each trial, baseline included.</summary>
    public int SamplesPerTrial { get; }

    /// <summary>Samples per second, in Hz.</summary>
    public double SampleRate { get; }

    /// <summary>Each trial's ratings, in trial order.</summary>
    public IReadOnlyList<Ratings> Ratings { get; }

    /// <summary>Seconds of pre-trial baseline at the start of each trial.</summary>
    public double BaselineSeconds { get; }

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>Length of each trial (baseline included), in seconds.</summary>
    public double TrialSeconds => SamplesPerTrial / SampleRate;

    /// <summary>All samples, trial-major then channel-major.</summary>
    public ReadOnlySpan<float> Samples => _samples;

    /// <summary>One trial's samples, channel-major (channels × samples), as a view.</summary>
    public ReadOnlySpan<float> Trial(int trial)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)trial, (uint)TrialCount, nameof(trial));
        int size = ChannelCount * SamplesPerTrial;
        return _samples.AsSpan(trial * size, size);
    }

    /// <summary>One channel of one trial, as a view.</summary>
    public ReadOnlySpan<float> Channel(int trial, int channel)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)channel, (uint)ChannelCount, nameof(channel));
        return Trial(trial).Slice(channel * SamplesPerTrial, SamplesPerTrial);
    }

    /// <summary>The index of the channel called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No channel has that name; the message lists the channels there are.</exception>
    public int ChannelIndex(string name)
    {
        for (int i = 0; i < ChannelNames.Count; i++)
            if (string.Equals(ChannelNames[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new ArgumentException($"Subject {Subject} ({Source}) has no channel '{name}'; it has: {string.Join(", ", ChannelNames)}.", nameof(name));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Subject {Subject}: {TrialCount} trials × {ChannelCount} channels × {SamplesPerTrial} samples at {SampleRate} Hz ({Source})";
}
