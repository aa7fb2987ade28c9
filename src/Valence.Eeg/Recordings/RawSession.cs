namespace Valence.Eeg.Recordings;

/// <summary>
/// One participant's continuous recording as a BDF file holds it: signal channels of equal length at one sample
/// rate, and the integer Status channel whose low 16 bits carry the trigger codes (<see cref="DeapStatusCode"/>).
/// Immutable.
/// </summary>
public sealed class RawSession
{
    private readonly int[] _status;

    /// <summary>Creates the session; checks that every channel has as many samples as the status.</summary>
    /// <param name="status">The Status channel's values, as stored (with any offset). Kept, not copied.</param>
    /// <param name="source">Where the data came from, for provenance and errors.</param>
    /// <exception cref="ArgumentException">Lengths differ, labels repeat, or there are no channels.</exception>
    public RawSession(int subject, double sampleRate, IReadOnlyList<RawChannel> channels, int[] status, string statusLabel, string source)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentException.ThrowIfNullOrWhiteSpace(statusLabel);
        if (!double.IsFinite(sampleRate) || sampleRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive and finite.");
        if (channels.Count == 0)
            throw new ArgumentException("A session needs at least one signal channel.", nameof(channels));
        foreach (var channel in channels)
            if (channel.Length != status.Length)
                throw new ArgumentException($"Channel '{channel.Label}' has {channel.Length} samples but the status has {status.Length}.", nameof(channels));
        var labels = channels.Select(c => c.Label).Append(statusLabel).ToArray();
        if (labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Length)
            throw new ArgumentException($"Channel labels repeat: {string.Join(", ", labels)}.", nameof(channels));
        Subject = subject;
        SampleRate = sampleRate;
        Channels = channels.ToArray();
        _status = status;
        StatusLabel = statusLabel;
        Source = source;
    }

    /// <summary>Participant number (1-based).</summary>
    public int Subject { get; }

    /// <summary>Samples per second, in Hz, of every channel.</summary>
    public double SampleRate { get; }

    /// <summary>The signal channels in file order (the Status channel is separate).</summary>
    public IReadOnlyList<RawChannel> Channels { get; }

    /// <summary>The Status channel's values as stored.</summary>
    public ReadOnlySpan<int> Status => _status;

    /// <summary>The Status channel's label.</summary>
    public string StatusLabel { get; }

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>Samples in every channel.</summary>
    public int SampleCount => _status.Length;

    /// <summary>Length of the recording, in seconds.</summary>
    public double DurationSeconds => SampleCount / SampleRate;

    /// <summary>The channel labelled <paramref name="label"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No channel has that label; the message lists the labels there are.</exception>
    public RawChannel Channel(string label) =>
        Channels.FirstOrDefault(c => string.Equals(c.Label, label, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Subject {Subject} ({Source}) has no channel '{label}'; it has: {string.Join(", ", Channels.Select(c => c.Label))}.", nameof(label));

    /// <inheritdoc />
    public override string ToString() =>
        $"Subject {Subject}: {Channels.Count} channels + {StatusLabel}, {SampleCount} samples at {SampleRate} Hz ({Source})";
}
