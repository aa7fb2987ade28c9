using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>Max pooling over time, PyTorch's <c>nn.MaxPool1d(kernel_size, stride)</c> (no padding, floor mode).</summary>
/// <remarks>
/// y[b, c, t] = max_k x[b, c, t·stride + k]. The gradient goes to the position of the maximum; on ties to the first
/// one, and a NaN counts as the maximum, as in PyTorch.
/// </remarks>
public sealed class MaxPool1D : Pool1D
{
    private int[] _argmax = [];

    /// <summary>Creates the layer.</summary>
    public MaxPool1D(string name, Pool1DOptions options) : base(name, options) { }

    /// <inheritdoc />
    public override string TypeName => "MaxPool1D";

    /// <inheritdoc />
    protected override unsafe void Pool(Tensor input, Tensor output, bool training)
    {
        if (training && _argmax.Length < output.Length) _argmax = new int[output.Length];
        fixed (float* x = input.ReadOnlySpan, y = output.Span)
        fixed (int* argmax = _argmax)
            Run(x, y, training ? argmax : null, input.Shape, output.Shape[2], backward: false);
    }

    /// <inheritdoc />
    protected override unsafe void Unpool(Tensor outputGradient, Tensor inputGradient)
    {
        fixed (float* dx = inputGradient.Span, dy = outputGradient.ReadOnlySpan)
        fixed (int* argmax = _argmax)
            Run(dx, dy, argmax, inputGradient.Shape, outputGradient.Shape[2], backward: true);
    }

    // Rows (batch × channels) are pooled independently: slices of them go to the threads.
    private unsafe void Run(float* input, float* output, int* argmax, TensorShape inputShape, int outputLength, bool backward)
    {
        int rows = inputShape[0] * inputShape[1];
        var slices = new BatchSlices(rows, MaxPoolJob.MinimumRowsPerThread, BatchSlices.SharedLoadSlices);
        var job = new MaxPoolJob(input, output, argmax, inputShape[2], outputLength, PoolOptions, backward, slices);
        Workers.Run(ref job, slices.Count);
    }
}
