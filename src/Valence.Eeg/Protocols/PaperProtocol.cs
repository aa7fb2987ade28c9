using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>
/// The split most published DEAP results use, kept to reproduce them: all windows shuffled and cut by ratio
/// (default 80/10/10). Leaky: overlapping windows of one trial are near copies, so nearly every test window has a
/// neighbour in training; the name and the manifest say so.
/// </summary>
public sealed class PaperProtocol : Protocol
{
    /// <summary>Creates the protocol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is outside [0, 1) or not finite, training or test is 0, or the three do not sum to 1 (within 1e-6).</exception>
    public PaperProtocol(double train = 0.8, double validation = 0.1, double test = 0.1, int seed = 0) : base(seed)
    {
        RequireRatio(nameof(train), train, zeroAllowed: false, oneAllowed: false);
        RequireRatio(nameof(validation), validation, zeroAllowed: true, oneAllowed: false);
        RequireRatio(nameof(test), test, zeroAllowed: false, oneAllowed: false);
        if (Math.Abs(train + validation + test - 1) > 1e-6)
            throw new ArgumentException(
                $"{Name}: train + validation + test = {train} + {validation} + {test} = {train + validation + test}; the ratios must sum to 1 (within 1e-6).", nameof(train));
        TrainRatio = train;
        ValidationRatio = validation;
        TestRatio = test;
    }

    /// <inheritdoc />
    public override string Name => "paper-leaky";

    /// <inheritdoc />
    public override bool IsLeaky => true;

    /// <inheritdoc />
    public override Disjointness DisjointBy => Disjointness.Window;

    /// <summary>Fraction of windows for training.</summary>
    public double TrainRatio { get; }

    /// <summary>Fraction of windows for validation.</summary>
    public double ValidationRatio { get; }

    /// <summary>Fraction of windows for test.</summary>
    public double TestRatio { get; }

    /// <inheritdoc />
    public override string Settings => $"train={TrainRatio};validation={ValidationRatio};test={TestRatio}";

    private protected override IEnumerable<SplitPlan> Plan(WindowSet windows, TrialLabels labels)
    {
        int n = windows.Count;
        int test = Share(n, TestRatio), validation = Share(n, ValidationRatio);
        if (test < 1 || n - test - validation < 1)
            throw new ArgumentException(
                $"{Name}: {n} windows give {test} test and {n - test - validation} training windows with test = {TestRatio}, validation = {ValidationRatio}; each needs at least one.", nameof(windows));
        int[] order = [.. Enumerable.Range(0, n)];
        SplitMix64.For(Seed).Shuffle(order.AsSpan());
        yield return new SplitPlan(Sorted(order[(test + validation)..]), Sorted(order[test..(test + validation)]), Sorted(order[..test]));
    }

    private static int[] Sorted(int[] indices)
    {
        Array.Sort(indices);
        return indices;
    }
}
