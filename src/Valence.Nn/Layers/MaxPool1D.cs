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
    protected override void Pool(Tensor input, Tensor output, bool training)
    {
        int rows = input.Shape[0] * input.Shape[1], length = input.Shape[2], outputLength = output.Shape[2];
        int kernel = PoolOptions.KernelSize, stride = PoolOptions.Stride;
        if (training && _argmax.Length < output.Length) _argmax = new int[output.Length];
        var x = input.ReadOnlySpan;
        var y = output.Span;
        // y[r, t] = max_k x[r, t·stride + k], keeping the first of equal maxima
        for (int r = 0; r < rows; r++)
        {
            var argmax = training ? _argmax.AsSpan(r * outputLength, outputLength) : Span<int>.Empty;
            MaxPoolRow.Pool(x.Slice(r * length, length), y.Slice(r * outputLength, outputLength), argmax, r * length, kernel, stride);
        }
    }

    /// <inheritdoc />
    protected override void Unpool(Tensor outputGradient, Tensor inputGradient)
    {
        // dx[argmax(r, t)] += dy[r, t]; overlapping windows add up
        var dy = outputGradient.ReadOnlySpan;
        var dx = inputGradient.Span;
        for (int o = 0; o < dy.Length; o++) dx[_argmax[o]] += dy[o];
    }
}
