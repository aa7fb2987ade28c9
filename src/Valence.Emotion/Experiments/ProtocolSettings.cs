using System.Globalization;
using Valence.Eeg.Protocols;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Which evaluation protocol an experiment uses and its settings: <c>paper</c> (the paper's random window split,
/// leaky), <c>trial-holdout</c> (default), <c>kfold</c> or <c>loso</c>. See Valence.Eeg's <see cref="Protocol"/>.
/// </summary>
public sealed record ProtocolSettings
{
    /// <summary>The protocol names accepted, the paper's first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["paper", "trial-holdout", "kfold", "loso"];

    /// <summary>The protocol (default <c>trial-holdout</c>); <c>paper-leaky</c> is accepted for <c>paper</c>.</summary>
    public string Name
    {
        get;
        init => field = value == "paper-leaky" ? "paper"
            : Names.Contains(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Name), value, $"protocol.name is '{value}'; it must be one of {string.Join(", ", Names)}.");
    } = "trial-holdout";

    /// <summary>Fraction held out for test: windows for <c>paper</c> (default 0.1), each subject's trials for <c>trial-holdout</c> (default 0.2); null takes the protocol's default. Folds decide it for <c>kfold</c> and <c>loso</c>.</summary>
    public double? TestRatio { get; init; }

    /// <summary>Fraction taken for validation from what is not test (default 0.1): windows for <c>paper</c>, trials otherwise.</summary>
    public double ValidationRatio { get; init; } = 0.1;

    /// <summary>Folds of <c>kfold</c> (default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Whether <c>kfold</c> runs within each subject (default) or over all subjects pooled.</summary>
    public FoldScope Scope { get; init; } = FoldScope.PerSubject;

    /// <summary>The seed of the split's random choices (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Whether the protocol leaks (only <c>paper</c>).</summary>
    public bool Leaky => Name == "paper";

    /// <summary>Builds the protocol; its constructor validates the ratios and folds.</summary>
    /// <exception cref="ArgumentException">A ratio or fold count is out of range, or a test ratio is given to a protocol that takes none.</exception>
    public Protocol Create()
    {
        if (TestRatio is not null && Name is "kfold" or "loso")
            throw new ArgumentException($"protocol.testRatio does not apply to {Name}, whose folds decide the test set; leave it out.", nameof(TestRatio));
        return Name switch
        {
            "paper" => new PaperProtocol(1 - ValidationRatio - (TestRatio ?? 0.1), ValidationRatio, TestRatio ?? 0.1, Seed),
            "trial-holdout" => new TrialHoldoutProtocol(TestRatio ?? 0.2, ValidationRatio, Seed),
            "kfold" => new KFoldProtocol(Folds, Scope, ValidationRatio, Seed),
            _ => new LosoProtocol(ValidationRatio, Seed),
        };
    }

    /// <summary>The protocol as evaluation results carry it: name as manifests write it, leakiness, and what it holds out.</summary>
    public ProtocolInfo Info()
    {
        var protocol = Create();
        string test = (TestRatio ?? (Name == "paper" ? 0.1 : 0.2)).ToString(CultureInfo.InvariantCulture);
        string validation = ValidationRatio.ToString(CultureInfo.InvariantCulture);
        string description = Name switch
        {
            "paper" => $"all windows shuffled and split at random ({test} test, {validation} validation): overlapping windows of one trial fall on both sides",
            "trial-holdout" => $"whole trials held out: {test} of each subject's trials for test, {validation} for validation",
            "kfold" => $"{Folds} folds of whole trials {(Scope == FoldScope.PerSubject ? "within each subject" : "over all subjects pooled")}; {validation} of the training trials for validation",
            _ => $"one subject held out per fold; {validation} of the other subjects' trials for validation",
        };
        return new ProtocolInfo(protocol.Name, protocol.IsLeaky, description);
    }
}
