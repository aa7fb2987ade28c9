using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// What 1-D pooling layers share: windows of <see cref="Pool1DOptions.KernelSize"/> steps every
/// <see cref="Pool1DOptions.Stride"/> steps over the time axis of [batch, channels, T], giving
/// [batch, channels, ⌊(T − kernel)/stride⌋ + 1] (PyTorch's floor mode, no padding).
/// </summary>
public abstract class Pool1D : Layer
{
    private Tensor? _output;
    private Tensor? _inputGradient;
    private TensorShape? _trainingInputShape;

    /// <summary>Creates the layer with its settings.</summary>
    protected Pool1D(string name, Pool1DOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        PoolOptions = options;
    }

    /// <inheritdoc />
    public override object Options => PoolOptions;

    /// <summary>The layer's settings.</summary>
    protected Pool1DOptions PoolOptions { get; }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        ShapeChecks.RequireBatchChannelsTime(this, inputShape);
        int length = inputShape[2];
        if (length < PoolOptions.KernelSize)
            throw new ShapeException($"{Describe()}: time axis of {length} steps is shorter than the kernel of {PoolOptions.KernelSize} steps (input shape {inputShape}).");
        return new TensorShape(inputShape[0], inputShape[1], (length - PoolOptions.KernelSize) / PoolOptions.Stride + 1);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        Pool(input, output, training);
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
        if (InputGradientRequired)
        {
            inputGradient.Clear();
            Unpool(outputGradient, inputGradient);
        }
        return inputGradient;
    }

    /// <summary>Fills <paramref name="output"/> [batch, channels, T'] from <paramref name="input"/> [batch, channels, T], caching what <see cref="Unpool"/> needs when training.</summary>
    protected abstract void Pool(Tensor input, Tensor output, bool training);

    /// <summary>Adds the gradient with respect to the last training input into <paramref name="inputGradient"/>, which is cleared.</summary>
    protected abstract void Unpool(Tensor outputGradient, Tensor inputGradient);
}
