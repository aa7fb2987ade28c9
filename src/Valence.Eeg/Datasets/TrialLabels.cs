namespace Valence.Eeg.Datasets;

/// <summary>The class of every trial of a <see cref="TrialSet"/> under one <see cref="LabelScheme"/>; a window's class is its trial's.</summary>
public sealed class TrialLabels
{
    private readonly int[] _labels;

    /// <summary>Labels every trial of <paramref name="trials"/> with <paramref name="scheme"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A needed rating is NaN (the message names the trial).</exception>
    public TrialLabels(TrialSet trials, LabelScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(scheme);
        Trials = trials;
        Scheme = scheme;
        _labels = new int[trials.Count];
        for (int t = 0; t < trials.Count; t++)
        {
            try
            {
                _labels[t] = scheme.Label(trials.Ratings(t));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentOutOfRangeException($"Trial {trials.Key(t)}: {e.Message}", e);
            }
        }
    }

    /// <summary>The trials labelled.</summary>
    public TrialSet Trials { get; }

    /// <summary>The scheme the labels were made with.</summary>
    public LabelScheme Scheme { get; }

    /// <summary>Class names, indexed by class number.</summary>
    public IReadOnlyList<string> ClassNames => Scheme.ClassNames;

    /// <summary>Number of classes.</summary>
    public int ClassCount => Scheme.ClassCount;

    /// <summary>Each trial's class, in trial order.</summary>
    public ReadOnlySpan<int> All => _labels;

    /// <summary>The class of trial <paramref name="trial"/>.</summary>
    public int this[int trial] => _labels[trial];

    /// <summary>
    /// Writes the class of each window named by <paramref name="windowIndices"/> into <paramref name="destination"/>,
    /// in the same order as <see cref="WindowSet.CopyBatch"/> writes their samples. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The windows are cut from another trial set, or the lengths differ.</exception>
    public void CopyBatch(WindowSet windows, ReadOnlySpan<int> windowIndices, Span<int> destination)
    {
        RequireSameTrials(windows);
        if (destination.Length != windowIndices.Length)
            throw new ArgumentException($"{windowIndices.Length} windows need {windowIndices.Length} labels; the destination holds {destination.Length}.", nameof(destination));
        for (int i = 0; i < windowIndices.Length; i++)
            destination[i] = _labels[windows.TrialOf(windowIndices[i])];
    }

    /// <summary>Refuses windows cut from a different trial set than these labels describe.</summary>
    /// <exception cref="ArgumentException">They differ.</exception>
    public void RequireSameTrials(WindowSet windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (!ReferenceEquals(windows.Trials, Trials))
            throw new ArgumentException("The windows are cut from a different trial set than the labels describe.", nameof(windows));
    }
}
