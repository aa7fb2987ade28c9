using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// A parameter-free layer whose output has its input's shape: the elementwise activations and Softmax. This base
/// keeps the shape bookkeeping and the training cache, so that a subclass holds only its formula and derivative.
/// </summary>
/// <remarks>
/// Backward's formula reads either the output (ReLU, Tanh, Sigmoid, Softmax) or the input (LeakyReLU, ELU, GELU),
/// as <see cref="DerivativeUsesOutput"/> says; in the latter case a training Forward keeps a copy of the input,
/// because the caller's tensor may change before Backward.
/// </remarks>
public abstract class Activation : Layer
{
    private Tensor? _output;
    private Tensor? _inputCopy;
    private Tensor? _inputGradient;
    private bool _hasTrainingCache;

    /// <summary>Creates the layer with the given name.</summary>
    protected Activation(string name) : base(name) { }

    /// <summary>Whether <see cref="Differentiate"/> reads the forward output (true) or the forward input (false).</summary>
    protected abstract bool DerivativeUsesOutput { get; }

    /// <summary>Writes the activation of <paramref name="input"/> into <paramref name="output"/>, which has the same shape.</summary>
    protected abstract void Activate(Tensor input, Tensor output);

    /// <summary>
    /// Writes dL/dinput into <paramref name="inputGradient"/> from dL/doutput and <paramref name="saved"/>, which
    /// is the forward output or input as <see cref="DerivativeUsesOutput"/> says. All three have the same shape.
    /// </summary>
    protected abstract void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient);

    /// <summary>Checks that the layer can take an input of this shape; elementwise activations take any.</summary>
    protected virtual void ValidateInputShape(TensorShape inputShape) { }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        ValidateInputShape(inputShape);
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        _hasTrainingCache = false;
        var shape = GetOutputShape(input.Shape);
        if (training && !DerivativeUsesOutput)
            input.CopyTo(Tensor.Reuse(ref _inputCopy, shape));
        var output = Tensor.Reuse(ref _output, shape);
        Activate(input, output);
        _hasTrainingCache = training;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        if (!_hasTrainingCache)
            throw NoTrainingForward();
        var output = _output!;
        ShapeChecks.RequireOutputGradient(this, outputGradient.Shape, output.Shape);
        var inputGradient = Tensor.Reuse(ref _inputGradient, output.Shape);
        if (InputGradientRequired)
            Differentiate(DerivativeUsesOutput ? output : _inputCopy!, outputGradient, inputGradient);
        return inputGradient;
    }
}
