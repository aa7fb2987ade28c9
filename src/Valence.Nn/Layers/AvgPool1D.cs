using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>Average pooling over time, PyTorch's <c>nn.AvgPool1d(kernel_size, stride)</c> (no padding, floor mode).</summary>
/// <remarks>y[b, c, t] = (1/kernel)·Σ_k x[b, c, t·stride + k].</remarks>
public sealed class AvgPool1D : Pool1D
{
    /// <summary>Creates the layer.</summary>
    public AvgPool1D(string name, Pool1DOptions options) : base(name, options) { }

    /// <inheritdoc />
    public override string TypeName => "AvgPool1D";

    /// <inheritdoc />
    protected override void Pool(Tensor input, Tensor output, bool training)
    {
        int rows = input.Shape[0] * input.Shape[1], length = input.Shape[2], outputLength = output.Shape[2];
        int kernel = PoolOptions.KernelSize, stride = PoolOptions.Stride;
        var x = input.ReadOnlySpan;
        var y = output.Span;
        for (int r = 0; r < rows; r++)
        {
            for (int t = 0; t < outputLength; t++)
            {
                // y[r, t] = (1/kernel)·Σ_k x[r, t·stride + k]
                var window = x.Slice(r * length + t * stride, kernel);
                float sum = 0;
                foreach (float v in window) sum += v;
                y[r * outputLength + t] = sum / kernel;
            }
        }
    }

    /// <inheritdoc />
    protected override void Unpool(Tensor outputGradient, Tensor inputGradient)
    {
        int rows = inputGradient.Shape[0] * inputGradient.Shape[1], length = inputGradient.Shape[2];
        int outputLength = outputGradient.Shape[2], kernel = PoolOptions.KernelSize, stride = PoolOptions.Stride;
        float scale = 1f / kernel;
        var dy = outputGradient.ReadOnlySpan;
        var dx = inputGradient.Span;
        for (int r = 0; r < rows; r++)
        {
            for (int t = 0; t < outputLength; t++)
            {
                // dx[r, t·stride + k] += dy[r, t]/kernel for every k
                float share = dy[r * outputLength + t] * scale;
                var window = dx.Slice(r * length + t * stride, kernel);
                for (int k = 0; k < window.Length; k++) window[k] += share;
            }
        }
    }
}
