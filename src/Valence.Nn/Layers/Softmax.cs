using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Nn.Layers;

/// <summary>
/// Softmax over the last axis (PyTorch <c>nn.Softmax(dim=-1)</c>): each row of the last axis becomes
/// probabilities, yᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x). Subtracting the row maximum keeps every exponent ≤ 0,
/// so large inputs cannot overflow.
/// </summary>
public sealed class Softmax : Activation
{
    /// <summary>Creates the layer; <paramref name="options"/> has no settings and may be left out.</summary>
    public Softmax(string name, SoftmaxOptions? options = null) : base(name) => Options = options ?? new SoftmaxOptions();

    /// <inheritdoc />
    public override string TypeName => "Softmax";

    /// <inheritdoc />
    public override object Options { get; }

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => true;

    /// <inheritdoc />
    protected override void ValidateInputShape(TensorShape inputShape)
    {
        if (inputShape.Rank == 0)
            throw new ShapeException($"{Describe()}: softmax runs over the last axis, but the input is a scalar (shape {inputShape}).");
    }

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output)
    {
        int width = input.Shape[-1];
        for (int start = 0; start < input.Length; start += width)
        {
            var x = input.ReadOnlySpan.Slice(start, width);
            var y = output.Span.Slice(start, width);
            // y = e^(x − max x) / Σ e^(x − max x)
            TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), y);
            TensorPrimitives.Exp(y, y);
            TensorPrimitives.Divide(y, TensorPrimitives.Sum(y), y);
        }
    }

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient)
    {
        int width = saved.Shape[-1];
        for (int start = 0; start < saved.Length; start += width)
        {
            var y = saved.ReadOnlySpan.Slice(start, width);
            var dy = outputGradient.ReadOnlySpan.Slice(start, width);
            var dx = inputGradient.Span.Slice(start, width);
            // dL/dxᵢ = yᵢ·(dL/dyᵢ − Σⱼ yⱼ·dL/dyⱼ)
            TensorPrimitives.Subtract(dy, TensorPrimitives.Dot(y, dy), dx);
            TensorPrimitives.Multiply(dx, y, dx);
        }
    }
}

/// <summary>Softmax has no settings: it always runs over the last axis.</summary>
public sealed record SoftmaxOptions;
