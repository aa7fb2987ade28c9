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
        // Checked before building the message, which would otherwise allocate on every Forward and Backward.
        if (inputShape.Rank != 3)
            ShapeException.ThrowIfRankIsNot(inputShape, 3, Describe(), "[batch, a, b]");
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

    /// <summary>destination[b, j, i] = source[b, i, j], in cache-friendly tiles.</summary>
    private static void SwapLastAxes(Tensor source, Tensor destination)
    {
        const int Tile = 16;
        int batch = source.Shape[0], rows = source.Shape[1], cols = source.Shape[2];
        var src = source.ReadOnlySpan;
        var dst = destination.Span;
        for (int b = 0; b < batch; b++)
        {
            var s = src.Slice(b * rows * cols, rows * cols);
            var d = dst.Slice(b * rows * cols, rows * cols);
            for (int i0 = 0; i0 < rows; i0 += Tile)
            {
                int i1 = Math.Min(i0 + Tile, rows);
                for (int j0 = 0; j0 < cols; j0 += Tile)
                {
                    int j1 = Math.Min(j0 + Tile, cols);
                    for (int i = i0; i < i1; i++)
                        for (int j = j0; j < j1; j++)
                            d[j * rows + i] = s[i * cols + j];
                }
            }
        }
    }
}

/// <summary>Permute has no settings: it always swaps the last two axes of a rank-3 tensor.</summary>
public sealed record PermuteOptions;
