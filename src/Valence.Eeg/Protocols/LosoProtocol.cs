using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>
/// Leave one subject out: one split per subject, whose test side is all of that subject's windows; validation trials
/// are carved from the other subjects' trials (stratified by subject and class), the rest train. Measures how a
/// model does on a person it has never seen (for DEAP's four classes, close to chance).
/// </summary>
public sealed class LosoProtocol : Protocol
{
    /// <summary>Creates the protocol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">validation is not in [0, 1).</exception>
    public LosoProtocol(double validation = 0.1, int seed = 0) : base(seed)
    {
        RequireRatio(nameof(validation), validation, zeroAllowed: true, oneAllowed: false);
        ValidationRatio = validation;
    }

    /// <inheritdoc />
    public override string Name => "loso";

    /// <inheritdoc />
    public override Disjointness DisjointBy => Disjointness.Subject;

    /// <summary>Fraction of the training subjects' trials moved to validation.</summary>
    public double ValidationRatio { get; }

    /// <inheritdoc />
    public override string Settings => $"validation={ValidationRatio}";

    private protected override IEnumerable<SplitPlan> Plan(WindowSet windows, TrialLabels labels)
    {
        var trials = windows.Trials;
        var subjects = trials.Subjects;
        if (subjects.Count < 2)
            throw new ArgumentException(
                $"{Name}: the trial set holds {subjects.Count} subject ({string.Join(", ", subjects)}); leave-one-subject-out needs at least 2.", nameof(windows));
        var plans = new SplitPlan[subjects.Count];
        for (int i = 0; i < subjects.Count; i++)
        {
            int held = subjects[i];
            int[] others = [.. subjects.Where(s => s != held).SelectMany(s => TrialsOf(trials, s))];
            var (train, validation) = CarveValidation(others, ValidationRatio, BySubjectAndClass(labels), SplitMix64.For(Seed, held),
                $"when subject {held} is held out");
            plans[i] = new SplitPlan(WindowsOf(windows, train), WindowsOf(windows, validation), WindowsOf(windows, TrialsOf(trials, held)), i, subjects.Count, held);
        }
        return plans;
    }
}
