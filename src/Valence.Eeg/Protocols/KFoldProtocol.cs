using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>
/// k-fold cross-validation grouped by trial: trials (never windows) are dealt into k folds, stratified by class, and
/// each fold is the test side of one split; validation trials are carved from the other folds' trials, stratified
/// the same way. Every window is a test window in exactly one split (per subject, for <see cref="FoldScope.PerSubject"/>).
/// </summary>
/// <remarks>Folds are consecutive pieces of a stratified order, so their sizes differ by at most one trial.</remarks>
public sealed class KFoldProtocol : Protocol
{
    /// <summary>Creates the protocol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">folds &lt; 2, an undefined scope, or validation not in [0, 1).</exception>
    public KFoldProtocol(int folds = 5, FoldScope scope = FoldScope.PerSubject, double validation = 0.1, int seed = 0) : base(seed)
    {
        if (folds < 2)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"{Name}: folds = {folds}; it must be at least 2 (and at most the number of trials).");
        if (!Enum.IsDefined(scope))
            throw new ArgumentOutOfRangeException(nameof(scope), scope, $"{Name}: scope must be PerSubject or Pooled.");
        RequireRatio(nameof(validation), validation, zeroAllowed: true, oneAllowed: false);
        Folds = folds;
        Scope = scope;
        ValidationRatio = validation;
    }

    /// <inheritdoc />
    public override string Name => "kfold";

    /// <inheritdoc />
    public override Disjointness DisjointBy => Disjointness.Trial;

    /// <summary>Number of folds, k.</summary>
    public int Folds { get; }

    /// <summary>Within each subject, or pooled.</summary>
    public FoldScope Scope { get; }

    /// <summary>Fraction of each split's training trials moved to validation.</summary>
    public double ValidationRatio { get; }

    /// <inheritdoc />
    public override string Settings => $"folds={Folds};scope={Scope};validation={ValidationRatio}";

    private protected override IEnumerable<SplitPlan> Plan(WindowSet windows, TrialLabels labels)
    {
        var trials = windows.Trials;
        if (Scope == FoldScope.Pooled)
        {
            RequireEnoughTrials(trials.Count, "the pooled subjects have");
            return Folded(windows, [.. Enumerable.Range(0, trials.Count)], BySubjectAndClass(labels), null);
        }
        foreach (int subject in trials.Subjects)
            RequireEnoughTrials(trials.TrialsOf(subject).Count, $"subject {subject} has");
        return trials.Subjects.SelectMany(s => Folded(windows, TrialsOf(trials, s), ByClass(labels), s)).ToArray();
    }

    private IEnumerable<SplitPlan> Folded(WindowSet windows, int[] trials, Func<int, long> stratum, int? subject)
    {
        long stream = subject ?? -1;
        int[] order = StratifiedOrder.Of(trials, stratum, SplitMix64.For(Seed, stream));
        var plans = new SplitPlan[Folds];
        for (int f = 0; f < Folds; f++)
        {
            int start = (int)((long)f * order.Length / Folds), end = (int)((long)(f + 1) * order.Length / Folds);
            int[] rest = [.. order[..start], .. order[end..]];
            var (train, validation) = CarveValidation(rest, ValidationRatio, stratum, SplitMix64.For(Seed, stream, f),
                $"in fold {f + 1}{(subject is int s ? $" of subject {s}" : "")}");
            plans[f] = new SplitPlan(WindowsOf(windows, train), WindowsOf(windows, validation), WindowsOf(windows, order[start..end]), f, Folds, subject);
        }
        return plans;
    }

    private void RequireEnoughTrials(int trials, string who)
    {
        if (Folds > trials)
            throw new ArgumentOutOfRangeException("folds", Folds,
                $"{Name}: folds = {Folds} but {who} only {trials} trials; folds must be in [2, {trials}] so that every fold holds a trial.");
    }
}
