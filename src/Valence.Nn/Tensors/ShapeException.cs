namespace Valence.Nn.Tensors;

/// <summary>
/// Thrown when a tensor's shape does not fit where it is used. The message names the thing, both shapes and the rule.
/// </summary>
public sealed class ShapeException : ArgumentException
{
    /// <summary>Creates the exception with a message that should name the layer, the shapes and the rule broken.</summary>
    public ShapeException(string message) : base(message) { }

    /// <summary>
    /// Throws unless <paramref name="actual"/> equals <paramref name="expected"/>. Pass a constant
    /// <paramref name="what"/> on hot paths: an interpolated one is built on every call, even when the check passes.
    /// </summary>
    /// <param name="what">What is being checked, for example "Dense 'fc1' input".</param>
    public static void ThrowIfNotEqual(TensorShape actual, TensorShape expected, string what)
    {
        if (actual != expected)
            throw new ShapeException($"{what}: expected shape {expected}, got {actual}.");
    }

    /// <summary>Throws unless <paramref name="actual"/> has rank <paramref name="rank"/> (a constant <paramref name="what"/> on hot paths, as above).</summary>
    public static void ThrowIfRankIsNot(TensorShape actual, int rank, string what, string layout)
    {
        if (actual.Rank != rank)
            throw new ShapeException($"{what}: expected a rank-{rank} tensor {layout}, got shape {actual}.");
    }
}
