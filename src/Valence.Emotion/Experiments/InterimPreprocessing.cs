using Valence.Eeg.Recordings;

namespace Valence.Emotion.Experiments;

/// <summary>
/// What the runner does to DEAP's preprocessed recordings (already 128 Hz, band-passed 4–45 Hz, re-referenced to the
/// common average) until Valence.Eeg's preprocessing pipeline lands: subtract each trial's baseline mean and drop the
/// baseline, then keep the chosen channels. Stands in for the pipeline's settings behind one seam,
/// <see cref="Apply"/>.
/// </summary>
public sealed record InterimPreprocessing
{
    /// <summary>The channels kept, in this order: <c>emotiv14</c> (default, the Emotiv EPOC layout), <c>eeg32</c>, <c>all</c>, or channel names separated by commas.</summary>
    public string Channels { get; init; } = "emotiv14";

    /// <summary>Whether each trial's baseline mean is subtracted per channel and the baseline dropped (default true).</summary>
    public bool RemoveBaseline { get; init; } = true;

    /// <summary>The canonical text of the settings, for cache keys.</summary>
    public string Canonical => $"interim/1;channels={Channels};removeBaseline={RemoveBaseline}";

    /// <summary>The channel names kept from a recording with <paramref name="available"/> channels.</summary>
    /// <exception cref="ArgumentException">A named channel is not among <paramref name="available"/>.</exception>
    public IReadOnlyList<string> ChannelNames(IReadOnlyList<string> available)
    {
        IReadOnlyList<string> names = Channels.ToLowerInvariant() switch
        {
            "emotiv14" => DeapChannels.Emotiv14,
            "eeg32" => DeapChannels.Eeg,
            "all" => available,
            _ => [.. Channels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        };
        if (names.Count == 0)
            throw new ArgumentException("preprocessing.channels names no channel; give emotiv14, eeg32, all or channel names.");
        var missing = names.Where(n => !available.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException(
                $"preprocessing.channels asks for {string.Join(", ", missing)}, which the data lacks; it has {string.Join(", ", available)}.");
        return names;
    }

    /// <summary>The preprocessed recording: baseline handled, channels picked. Returns a new recording.</summary>
    /// <exception cref="ArgumentException">A chosen channel is missing.</exception>
    public SubjectRecording Apply(SubjectRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var names = ChannelNames(recording.ChannelNames);
        int[] picked = [.. names.Select(recording.ChannelIndex)];
        int baseline = RemoveBaseline ? (int)Math.Round(recording.BaselineSeconds * recording.SampleRate) : 0;
        int kept = recording.SamplesPerTrial - baseline;
        var samples = new float[(long)recording.TrialCount * picked.Length * kept];
        for (int t = 0; t < recording.TrialCount; t++)
            for (int c = 0; c < picked.Length; c++)
            {
                var source = recording.Channel(t, picked[c]);
                var target = samples.AsSpan((t * picked.Length + c) * kept, kept);
                source[baseline..].CopyTo(target);
                if (baseline > 0) Subtract(target, Mean(source[..baseline]));
            }
        return new SubjectRecording(recording.Subject, samples, recording.TrialCount, [.. picked.Select(i => recording.ChannelNames[i])],
            recording.SampleRate, recording.Ratings, RemoveBaseline ? 0 : recording.BaselineSeconds, recording.Source);
    }

    private static float Mean(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values) sum += v;
        return (float)(sum / values.Length);
    }

    private static void Subtract(Span<float> values, float amount)
    {
        for (int i = 0; i < values.Length; i++) values[i] -= amount;
    }
}
