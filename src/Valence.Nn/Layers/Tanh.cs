using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Nn.Layers;

/// <summary>Hyperbolic tangent, elementwise on any shape (PyTorch <c>nn.Tanh</c>).</summary>
public sealed class Tanh : Activation
{
    /// <summary>Creates the layer; <paramref name="options"/> has no settings and may be left out.</summary>
    public Tanh(string name, TanhOptions? options = null) : base(name) => Options = options ?? new TanhOptions();

    /// <inheritdoc />
    public override string TypeName => "Tanh";

    /// <inheritdoc />
    public override object Options { get; }

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => true;

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output) =>
        TensorPrimitives.Tanh(input.ReadOnlySpan, output.Span);

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient) =>
        Elementwise.Map(new Derivative(), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);

    // dL/dx = (1 − y²)·dL/dy.
    private readonly struct Derivative : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> y, Vector<float> dy) => (Vector<float>.One - y * y) * dy;
    }
}

/// <summary>Tanh has no settings.</summary>
public sealed record TanhOptions;
