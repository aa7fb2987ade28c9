using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Nn.Layers;

/// <summary>Logistic sigmoid, y = 1 / (1 + e^−x), elementwise on any shape (PyTorch <c>nn.Sigmoid</c>).</summary>
public sealed class Sigmoid : Activation
{
    /// <summary>Creates the layer; <paramref name="options"/> has no settings and may be left out.</summary>
    public Sigmoid(string name, SigmoidOptions? options = null) : base(name) => Options = options ?? new SigmoidOptions();

    /// <inheritdoc />
    public override string TypeName => "Sigmoid";

    /// <inheritdoc />
    public override object Options { get; }

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => true;

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output) =>
        TensorPrimitives.Sigmoid(input.ReadOnlySpan, output.Span);

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient) =>
        Elementwise.Map(new Derivative(), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);

    // dL/dx = y(1 − y)·dL/dy.
    private readonly struct Derivative : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> y, Vector<float> dy) => y * (Vector<float>.One - y) * dy;
    }
}

/// <summary>Sigmoid has no settings.</summary>
public sealed record SigmoidOptions;
