namespace Valence.Emotion.Evaluation;

/// <summary>Where a result comes from: the protocol, and the fold and/or subject it covers (null when it covers all).</summary>
/// <param name="Protocol">The protocol the predictions were made under.</param>
/// <param name="Fold">0-based fold, or null for a result over all folds (pooled, or per subject across folds).</param>
/// <param name="Subject">Participant number (1-based, as in DEAP's file names), or null for a result over all subjects.</param>
public sealed record EvaluationContext(ProtocolInfo Protocol, int? Fold = null, int? Subject = null)
{
    /// <summary>The protocol.</summary>
    public ProtocolInfo Protocol { get; } = Protocol ?? throw new ArgumentNullException(nameof(Protocol));

    /// <summary>Whether the protocol leaks (the result overstates generalisation).</summary>
    public bool Leaky => Protocol.Leaky;
}
