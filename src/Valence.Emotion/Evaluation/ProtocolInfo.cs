namespace Valence.Emotion.Evaluation;

/// <summary>
/// The evaluation protocol a result was produced under, carried by every result so that no number travels without
/// it. Mirrors what Valence.Eeg's split manifests say (name and leakiness) without depending on its protocol classes.
/// </summary>
/// <param name="Name">The protocol's name, as its split manifests write it ("paper-leaky", "trial-holdout", "kfold", "loso").</param>
/// <param name="Leaky">Whether test windows have near copies in training (the paper's random window split): its scores overstate generalisation.</param>
/// <param name="Description">What the protocol holds out, in a sentence, for reports.</param>
public sealed record ProtocolInfo(string Name, bool Leaky, string Description)
{
    /// <summary>The warning reports print for a leaky protocol.</summary>
    public const string LeakWarning = "LEAKY: random window split, neighbours of every test window are in training";

    /// <summary>The protocol's name.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(Name)
        ? throw new ArgumentException("the protocol name is empty; name the protocol the results come from.", nameof(Name))
        : Name;

    /// <summary>What the protocol holds out.</summary>
    public string Description { get; } = Description ?? throw new ArgumentNullException(nameof(Description));
}
