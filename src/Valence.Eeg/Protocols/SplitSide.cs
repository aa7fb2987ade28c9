using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>What one side of a split (training, validation or test) holds, for its manifest.</summary>
/// <param name="Subjects">The subjects with windows on this side, ascending.</param>
/// <param name="Trials">The trials with windows on this side, ascending.</param>
/// <param name="WindowCount">Windows on this side.</param>
/// <param name="ClassCounts">Windows per class, indexed by class number.</param>
public sealed record SplitSide(IReadOnlyList<int> Subjects, IReadOnlyList<TrialKey> Trials, int WindowCount, IReadOnlyList<long> ClassCounts)
{
    internal static SplitSide Of(WindowSet windows, TrialLabels labels, ReadOnlySpan<int> indices)
    {
        var trials = new SortedSet<int>();
        var counts = new long[labels.ClassCount];
        foreach (int w in indices)
        {
            int t = windows.TrialOf(w);
            trials.Add(t);
            counts[labels[t]]++;
        }
        TrialKey[] keys = [.. trials.Select(windows.Trials.Key)];
        return new SplitSide([.. keys.Select(k => k.Subject).Distinct()], keys, indices.Length, counts);
    }
}
