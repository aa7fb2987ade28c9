namespace Valence.Eeg.Datasets;

/// <summary>
/// Class counts and fractions per subject and pooled over subjects, for a whole trial set or for the windows of one
/// side of a split. Imbalance matters: DEAP's ratings lean to high valence, so "accuracy" must be read against the
/// largest class's fraction.
/// </summary>
public sealed class ClassBalance
{
    private ClassBalance(IReadOnlyList<string> classNames, SortedDictionary<int, ClassCounts> bySubject, ClassCounts pooled)
    {
        ClassNames = classNames;
        BySubject = bySubject;
        Pooled = pooled;
    }

    /// <summary>Class names, indexed by class number.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Counts per subject, ascending by subject.</summary>
    public IReadOnlyDictionary<int, ClassCounts> BySubject { get; }

    /// <summary>Counts over all subjects.</summary>
    public ClassCounts Pooled { get; }

    /// <summary>Counts trials.</summary>
    public static ClassBalance OfTrials(TrialLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var tally = new Tally(labels);
        for (int t = 0; t < labels.Trials.Count; t++) tally.Add(t, 1);
        return tally.ToBalance();
    }

    /// <summary>Counts the windows named by <paramref name="windowIndices"/> (for example one side of a split).</summary>
    public static ClassBalance OfWindows(TrialLabels labels, WindowSet windows, ReadOnlySpan<int> windowIndices)
    {
        ArgumentNullException.ThrowIfNull(labels);
        labels.RequireSameTrials(windows);
        var tally = new Tally(labels);
        foreach (int w in windowIndices) tally.Add(windows.TrialOf(w), 1);
        return tally.ToBalance();
    }

    /// <summary>One line pooled, then one line per subject.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine,
            [$"pooled: {Pooled.Describe(ClassNames)}", .. BySubject.Select(p => $"s{p.Key:00}: {p.Value.Describe(ClassNames)}")]);

    private sealed class Tally(TrialLabels labels)
    {
        private readonly Dictionary<int, long[]> _bySubject = [];
        private readonly long[] _pooled = new long[labels.ClassCount];

        public void Add(int trial, long count)
        {
            int subject = labels.Trials.Subject(trial);
            if (!_bySubject.TryGetValue(subject, out var counts))
                _bySubject[subject] = counts = new long[labels.ClassCount];
            counts[labels[trial]] += count;
            _pooled[labels[trial]] += count;
        }

        public ClassBalance ToBalance() => new(labels.ClassNames,
            new SortedDictionary<int, ClassCounts>(_bySubject.ToDictionary(p => p.Key, p => new ClassCounts(p.Value))),
            new ClassCounts(_pooled));
    }
}
