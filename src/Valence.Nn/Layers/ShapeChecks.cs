using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Shape checks that layers run on every call. Messages are built only when a check fails, so that a passing
/// check allocates nothing (an interpolated message passed as an argument would be built every time).
/// </summary>
internal static class ShapeChecks
{
    /// <summary>Throws unless <paramref name="inputShape"/> is a rank-3 [batch, channels, time] shape.</summary>
    public static void RequireBatchChannelsTime(Layer layer, TensorShape inputShape) =>
        RequireRank3(layer, inputShape, "[batch, channels, time]");

    /// <summary>Throws unless <paramref name="inputShape"/> has rank 3; <paramref name="layout"/> names the axes for the message.</summary>
    public static void RequireRank3(Layer layer, TensorShape inputShape, string layout)
    {
        if (inputShape.Rank != 3)
            throw new ShapeException($"{layer} input: expected a rank-3 tensor {layout}, got shape {inputShape}.");
    }

    /// <summary>Throws unless the gradient handed to Backward has the shape of the last output.</summary>
    public static void RequireOutputGradient(Layer layer, TensorShape gradientShape, TensorShape outputShape)
    {
        if (gradientShape != outputShape)
            throw new ShapeException($"{layer} output gradient: expected the output's shape {outputShape}, got {gradientShape}.");
    }
}
