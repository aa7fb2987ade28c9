using System.Text.Json.Serialization;

namespace Valence.Emotion.Training;

/// <summary>
/// How the loss weighs each class; no weighting weighs all classes 1. Written in JSON with a <c>kind</c> of
/// <c>balanced</c> or <c>explicit</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BalancedClassWeights), "balanced")]
[JsonDerivedType(typeof(ExplicitClassWeights), "explicit")]
public abstract record ClassWeighting
{
    /// <summary>One weight per class, given the training labels.</summary>
    /// <exception cref="ArgumentException">The weights cannot be formed for these labels; the message says why.</exception>
    public abstract float[] Resolve(ReadOnlySpan<int> trainingLabels, int classCount);
}
