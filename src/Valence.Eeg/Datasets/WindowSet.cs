namespace Valence.Eeg.Datasets;

/// <summary>
/// The windows cut from every trial of a <see cref="TrialSet"/>: trial-major, then by start. A window is a trial, an
/// offset and a length; its samples are read from the trial's memory, so the set costs no signal memory at all.
/// </summary>
/// <remarks>
/// Each trial gives ⌊(usable − length) / stride⌋ + 1 windows, where usable is the trial after the baseline (or the
/// whole trial when <see cref="WindowSettings.IncludeBaseline"/> is set). The last partial window, which would
/// reach past the end of the trial, is dropped rather than padded: padding would invent signal.
/// Example: a 60 s trial at 128 Hz, 2 s windows, 1 s stride: (7680 − 256) / 128 + 1 = 59 windows.
/// </remarks>
public sealed class WindowSet
{
    private readonly int _firstOffset;

    /// <summary>Cuts the trials of <paramref name="trials"/> as <paramref name="settings"/> say.</summary>
    /// <exception cref="ArgumentException">The length or stride is not a positive whole number of samples at the
    /// trials' sample rate, or the window is longer than the usable part of a trial.</exception>
    public WindowSet(TrialSet trials, WindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(settings);
        Trials = trials;
        Settings = settings;
        Length = settings.Length.ToSamples(trials.SampleRate, "window length");
        Stride = settings.Stride.ToSamples(trials.SampleRate, "window stride");
        _firstOffset = settings.IncludeBaseline ? 0 : trials.BaselineSamples;
        int usable = trials.SamplesPerTrial - _firstOffset;
        if (Length > usable)
            throw new ArgumentException(
                $"The window length {settings.Length} ({Length} samples at {trials.SampleRate} Hz) is longer than the "
                + $"{usable} samples ({usable / trials.SampleRate} s) of each trial{(settings.IncludeBaseline ? "" : " after the baseline")}.",
                nameof(settings));
        WindowsPerTrial = (usable - Length) / Stride + 1;
        long count = (long)WindowsPerTrial * trials.Count;
        if (count > int.MaxValue)
            throw new ArgumentException($"{count} windows do not fit in one window set; use a longer stride or fewer trials.", nameof(settings));
        Count = (int)count;
    }

    /// <summary>The trials the windows are cut from.</summary>
    public TrialSet Trials { get; }

    /// <summary>The settings the windows were cut with.</summary>
    public WindowSettings Settings { get; }

    /// <summary>Samples in each window.</summary>
    public int Length { get; }

    /// <summary>Samples between the starts of consecutive windows of a trial.</summary>
    public int Stride { get; }

    /// <summary>Windows cut from each trial.</summary>
    public int WindowsPerTrial { get; }

    /// <summary>Number of windows.</summary>
    public int Count { get; }

    /// <summary>Samples per second, in Hz.</summary>
    public double SampleRate => Trials.SampleRate;

    /// <summary>Length of each window in seconds.</summary>
    public double LengthSeconds => Length / SampleRate;

    /// <summary>Number of channels.</summary>
    public int ChannelCount => Trials.ChannelCount;

    /// <summary>Channel names in storage order.</summary>
    public IReadOnlyList<string> ChannelNames => Trials.ChannelNames;

    /// <summary>Window <paramref name="index"/>.</summary>
    public Window this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            (int trial, int within) = Math.DivRem(index, WindowsPerTrial);
            return new Window(trial, _firstOffset + within * Stride, Length);
        }
    }

    /// <summary>The trial window <paramref name="index"/> is cut from.</summary>
    public int TrialOf(int index) => this[index].Trial;

    /// <summary>The windows of trial <paramref name="trial"/>: they are consecutive.</summary>
    public (int Start, int Count) WindowsOf(int trial)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)trial, (uint)Trials.Count, nameof(trial));
        return (trial * WindowsPerTrial, WindowsPerTrial);
    }

    /// <summary>One channel of window <paramref name="index"/>, as a view of the trial's memory.</summary>
    public ReadOnlySpan<float> Channel(int index, int channel)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)channel, (uint)ChannelCount, nameof(channel));
        var w = this[index];
        return Trials.Samples(w.Trial).Slice(channel * Trials.SamplesPerTrial + w.Offset, Length);
    }

    /// <summary>
    /// Copies the windows named by <paramref name="indices"/>, in that order, into <paramref name="destination"/>
    /// laid out [batch, channels, samples] (row-major): the layout a convolution takes. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not exactly indices × channels × length long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is not a window of this set.</exception>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination)
    {
        long needed = (long)indices.Length * ChannelCount * Length;
        if (destination.Length != needed)
            throw new ArgumentException(
                $"A batch of {indices.Length} windows × {ChannelCount} channels × {Length} samples needs {needed} floats; the destination holds {destination.Length}.",
                nameof(destination));
        int windowSize = ChannelCount * Length;
        for (int b = 0; b < indices.Length; b++)
        {
            var w = this[indices[b]];
            var trial = Trials.Samples(w.Trial);
            var target = destination.Slice(b * windowSize, windowSize);
            for (int c = 0; c < ChannelCount; c++)
                trial.Slice(c * Trials.SamplesPerTrial + w.Offset, Length).CopyTo(target.Slice(c * Length, Length));
        }
    }
}
