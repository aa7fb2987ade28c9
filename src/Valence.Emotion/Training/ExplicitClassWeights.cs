namespace Valence.Emotion.Training;

/// <summary>Weights given one per class.</summary>
public sealed record ExplicitClassWeights : ClassWeighting
{
    /// <summary>Creates the weighting.</summary>
    /// <exception cref="ArgumentException">No weights, or a weight that is negative or not finite, or all zero.</exception>
    public ExplicitClassWeights(IReadOnlyList<float> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => !float.IsFinite(w) || w < 0) || weights.All(w => w == 0))
            throw new ArgumentException($"Class weights must be finite, at least 0 and not all 0; got [{string.Join(", ", weights)}].", nameof(weights));
        Weights = weights.ToArray();
    }

    /// <summary>The weight of each class.</summary>
    public IReadOnlyList<float> Weights { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The number of weights is not the number of classes.</exception>
    public override float[] Resolve(ReadOnlySpan<int> trainingLabels, int classCount) =>
        Weights.Count == classCount ? Weights.ToArray()
            : throw new ArgumentException($"{Weights.Count} class weights for {classCount} classes; give one weight per class.", nameof(classCount));

    /// <inheritdoc />
    public bool Equals(ExplicitClassWeights? other) => other is not null && Weights.SequenceEqual(other.Weights);

    /// <inheritdoc />
    public override int GetHashCode() => Weights.Count;
}
