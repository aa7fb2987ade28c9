namespace Valence.Eeg.Protocols;

/// <summary>
/// Orders trials so that every stratum (a class, or a subject and a class) is spread evenly along the order: any
/// run of consecutive positions then holds each stratum in about its overall proportion, so cutting the order into
/// consecutive pieces (test, validation, folds) stratifies them.
/// </summary>
/// <remarks>
/// Each stratum's trials are shuffled, then the r-th of m gets position key (r + u) / m with a random u ∈ [0, 1) per
/// stratum; trials are sorted by key. A piece of length p then holds p·m/n ± 1 trials of a stratum of m among n.
/// </remarks>
internal static class StratifiedOrder
{
    public static int[] Of(IReadOnlyList<int> trials, Func<int, long> stratum, SplitMix64 random)
    {
        var keyed = new List<(double Key, long Stratum, int Trial)>(trials.Count);
        foreach (var group in trials.GroupBy(stratum).OrderBy(g => g.Key))
        {
            int[] members = [.. group.Order()];
            random.Shuffle(members.AsSpan());
            double u = random.NextDouble();
            for (int r = 0; r < members.Length; r++)
                keyed.Add(((r + u) / members.Length, group.Key, members[r]));
        }
        return [.. keyed.OrderBy(k => k.Key).ThenBy(k => k.Stratum).ThenBy(k => k.Trial).Select(k => k.Trial)];
    }
}
