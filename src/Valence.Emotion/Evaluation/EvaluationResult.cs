namespace Valence.Emotion.Evaluation;

/// <summary>Metrics together with where they come from (protocol, fold, subject), so that no score travels alone.</summary>
/// <param name="Context">Protocol, fold and subject of the evaluated items.</param>
/// <param name="Metrics">The scores.</param>
public sealed record EvaluationResult(EvaluationContext Context, ClassificationMetrics Metrics)
{
    /// <summary>Protocol, fold and subject of the evaluated items.</summary>
    public EvaluationContext Context { get; } = Context ?? throw new ArgumentNullException(nameof(Context));

    /// <summary>The scores.</summary>
    public ClassificationMetrics Metrics { get; } = Metrics ?? throw new ArgumentNullException(nameof(Metrics));

    /// <summary>Whether the protocol leaks.</summary>
    public bool Leaky => Context.Leaky;
}
