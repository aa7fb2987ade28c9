using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>
/// Whole trials held out: for each subject, round(trials·test) trials go to test and round(trials·validation) to
/// validation, chosen at random but stratified by class, the rest to training. No window of a test or validation
/// trial is ever in training. One split over all subjects.
/// </summary>
public sealed class TrialHoldoutProtocol : Protocol
{
    /// <summary>Creates the protocol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">test is not in (0, 1), validation not in [0, 1), or together they leave nothing for training.</exception>
    public TrialHoldoutProtocol(double test = 0.2, double validation = 0.1, int seed = 0) : base(seed)
    {
        RequireRatio(nameof(test), test, zeroAllowed: false, oneAllowed: false);
        RequireRatio(nameof(validation), validation, zeroAllowed: true, oneAllowed: false);
        if (test + validation >= 1)
            throw new ArgumentOutOfRangeException(nameof(validation), validation,
                $"{Name}: test + validation = {test} + {validation} leaves nothing for training; their sum must be below 1.");
        TestRatio = test;
        ValidationRatio = validation;
    }

    /// <inheritdoc />
    public override string Name => "trial-holdout";

    /// <inheritdoc />
    public override Disjointness DisjointBy => Disjointness.Trial;

    /// <summary>Fraction of each subject's trials held out for test.</summary>
    public double TestRatio { get; }

    /// <summary>Fraction of each subject's trials held out for validation.</summary>
    public double ValidationRatio { get; }

    /// <inheritdoc />
    public override string Settings => $"test={TestRatio};validation={ValidationRatio}";

    private protected override IEnumerable<SplitPlan> Plan(WindowSet windows, TrialLabels labels)
    {
        List<int> train = [], validation = [], test = [];
        foreach (int subject in windows.Trials.Subjects)
        {
            int[] trials = TrialsOf(windows.Trials, subject);
            int n = trials.Length, nTest = Share(n, TestRatio), nValidation = Share(n, ValidationRatio);
            if (nTest < 1 || n - nTest - nValidation < 1)
                throw new ArgumentException(
                    $"{Name}: subject {subject} has {n} trials; test = {TestRatio} and validation = {ValidationRatio} give "
                    + $"{nTest} test and {n - nTest - nValidation} training trials, and each needs at least one. Change the ratios or use more trials.", nameof(windows));
            int[] order = StratifiedOrder.Of(trials, ByClass(labels), SplitMix64.For(Seed, subject));
            test.AddRange(order[..nTest]);
            validation.AddRange(order[nTest..(nTest + nValidation)]);
            train.AddRange(order[(nTest + nValidation)..]);
        }
        yield return new SplitPlan(WindowsOf(windows, train), WindowsOf(windows, validation), WindowsOf(windows, test));
    }
}
