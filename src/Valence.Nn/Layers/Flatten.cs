using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Flattens every axis after the first: [batch, d1, …] → [batch, d1·…], row-major, like PyTorch's
/// <c>torch.flatten(x, 1)</c>.
/// </summary>
public sealed class Flatten : Layer
{
    private readonly FlattenOptions _options;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private TensorShape? _trainingInputShape;

    /// <summary>Creates the layer.</summary>
    public Flatten(string name, FlattenOptions? options = null) : base(name)
    {
        _options = options ?? new FlattenOptions();
    }

    /// <inheritdoc />
    public override string TypeName => "Flatten";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (inputShape.Rank < 2)
            throw new ShapeException($"{Describe()}: expected an input [batch, …] of rank 2 or more, got shape {inputShape}.");
        return new TensorShape(inputShape[0], FeatureCount(inputShape));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        // The row-major layout is already flat: the output is a copy under the new shape.
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        input.CopyTo(output);
        _trainingInputShape = training ? input.Shape : null;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        var inputShape = _trainingInputShape
            ?? throw NoTrainingForward();
        ShapeChecks.RequireOutputGradient(this, outputGradient.Shape, _output!.Shape);
        var inputGradient = Tensor.Reuse(ref _inputGradient, inputShape);
        if (InputGradientRequired) outputGradient.CopyTo(inputGradient);
        return inputGradient;
    }

    private static int FeatureCount(TensorShape shape)
    {
        int count = 1;
        for (int axis = 1; axis < shape.Rank; axis++) count *= shape[axis];
        return count;
    }
}

/// <summary><see cref="Flatten"/> has no settings: it always keeps the first (batch) axis.</summary>
public sealed record FlattenOptions;
