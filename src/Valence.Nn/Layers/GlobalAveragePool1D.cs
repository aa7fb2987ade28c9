using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>The mean over the time axis: [batch, channels, T] → [batch, channels] (PyTorch's <c>x.mean(dim=2)</c>).</summary>
public sealed class GlobalAveragePool1D : Layer
{
    private readonly GlobalAveragePool1DOptions _options;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private TensorShape? _trainingInputShape;

    /// <summary>Creates the layer.</summary>
    public GlobalAveragePool1D(string name, GlobalAveragePool1DOptions? options = null) : base(name)
    {
        _options = options ?? new GlobalAveragePool1DOptions();
    }

    /// <inheritdoc />
    public override string TypeName => "GlobalAveragePool1D";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        ShapeChecks.RequireBatchChannelsTime(this, inputShape);
        if (inputShape[2] == 0)
            throw new ShapeException($"{Describe()}: time axis has no steps to average (input shape {inputShape}).");
        return new TensorShape(inputShape[0], inputShape[1]);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        int length = input.Shape[2];
        var x = input.ReadOnlySpan;
        var y = output.Span;
        // y[r] = (1/T)·Σ_t x[r, t]
        for (int r = 0; r < y.Length; r++) y[r] = TensorPrimitives.Sum(x.Slice(r * length, length)) / length;
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
            int length = inputShape[2];
            var dy = outputGradient.ReadOnlySpan;
            var dx = inputGradient.Span;
            // dx[r, t] = dy[r]/T
            for (int r = 0; r < dy.Length; r++) dx.Slice(r * length, length).Fill(dy[r] / length);
        }
        return inputGradient;
    }
}

/// <summary><see cref="GlobalAveragePool1D"/> has no settings.</summary>
public sealed record GlobalAveragePool1DOptions;
