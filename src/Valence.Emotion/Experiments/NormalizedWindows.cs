using Valence.Eeg.Datasets;
using Valence.Emotion.Training;

namespace Valence.Emotion.Experiments;

/// <summary>
/// A <see cref="WindowSet"/> as the trainer sees it: each window copied out of its trial and normalised with a
/// normaliser fitted on one fold's training windows, labelled with its trial's class. Allocates nothing per batch.
/// </summary>
public sealed class NormalizedWindows : ILabelledWindows
{
    /// <summary>Pairs the windows with their labels and the fold's normaliser.</summary>
    /// <exception cref="ArgumentException">The labels describe other trials, or the normaliser has another number of channels.</exception>
    public NormalizedWindows(WindowSet windows, TrialLabels labels, Normalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(normalizer);
        labels.RequireSameTrials(windows);
        if (normalizer.ChannelCount != windows.ChannelCount)
            throw new ArgumentException($"The normaliser has {normalizer.ChannelCount} channels; the windows have {windows.ChannelCount}.", nameof(normalizer));
        Windows = windows;
        Labels = labels;
        Normalizer = normalizer;
    }

    /// <summary>The windows.</summary>
    public WindowSet Windows { get; }

    /// <summary>The trials' classes.</summary>
    public TrialLabels Labels { get; }

    /// <summary>The normaliser applied to every batch.</summary>
    public Normalizer Normalizer { get; }

    /// <inheritdoc />
    public int Count => Windows.Count;

    /// <inheritdoc />
    public int Channels => Windows.ChannelCount;

    /// <inheritdoc />
    public int Samples => Windows.Length;

    /// <inheritdoc />
    public int ClassCount => Labels.ClassCount;

    /// <inheritdoc />
    public int Label(int index) => Labels[Windows.TrialOf(index)];

    /// <summary>The subject window <paramref name="index"/> comes from.</summary>
    public int Subject(int index) => Windows.Trials.Subject(Windows.TrialOf(index));

    /// <inheritdoc />
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination)
    {
        Windows.CopyBatch(indices, destination);
        if (indices.Length > 0) Normalizer.Apply(destination, indices.Length);
    }
}
