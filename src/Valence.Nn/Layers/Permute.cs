using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Swaps the last two axes of a rank-3 tensor: [batch, channels, time] → [batch, time, channels] and back. It joins
/// a convolution (PyTorch's NCT layout) to a recurrent layer ([batch, time, features]), like Keras's
/// <c>Permute((2, 1))</c> or PyTorch's <c>x.transpose(1, 2)</c>.
/// </summary>
public sealed class Permute : Layer
{
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer.</summary>
    public Permute(string name) : base(name) { }

    /// <inheritdoc />
    public override string TypeName => "Permute";

    /// <inheritdoc />
    public override object Options => new PermuteOptions();

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        ShapeChecks.RequireRank3(this, inputShape, "[batch, a, b]");
        return new TensorShape(inputShape[0], inputShape[2], inputShape[1]);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        SwapLastAxes(input, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        var shape = GetOutputShape(outputGradient.Shape);
        var inputGradient = Tensor.Reuse(ref _inputGradient, shape);
        if (InputGradientRequired) SwapLastAxes(outputGradient, inputGradient);
        return inputGradient;
    }

    /// <summary>destination[b, j, i] = source[b, i, j], in 8×8 register blocks, slices of the batch on the threads.</summary>
    private static unsafe void SwapLastAxes(Tensor source, Tensor destination)
    {
        int batch = source.Shape[0], rows = source.Shape[1], cols = source.Shape[2];
        var slices = new BatchSlices(batch, Math.Max(1, PermuteJob.MinimumElementsPerThread / Math.Max(1, rows * cols)),
            BatchSlices.SharedLoadSlices);
        fixed (float* src = source.ReadOnlySpan, dst = destination.Span)
        {
            var job = new PermuteJob(src, dst, rows, cols, slices);
            Workers.Run(ref job, slices.Count);
        }
    }
}

/// <summary>Permute has no settings: it always swaps the last two axes of a rank-3 tensor.</summary>
public sealed record PermuteOptions;
