using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>Rectified linear unit, elementwise on any shape: y = max(x, 0) (PyTorch <c>nn.ReLU</c>).</summary>
/// <remarks>The derivative at 0 is taken as 0, as PyTorch does.</remarks>
public sealed class ReLU : Activation
{
    /// <summary>Creates the layer; <paramref name="options"/> has no settings and may be left out.</summary>
    public ReLU(string name, ReLUOptions? options = null) : base(name) => Options = options ?? new ReLUOptions();

    /// <inheritdoc />
    public override string TypeName => "ReLU";

    /// <inheritdoc />
    public override object Options { get; }

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => true;

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output) =>
        Elementwise.Map(new Function(), input.ReadOnlySpan, output.Span);

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient) =>
        Elementwise.Map(new Derivative(), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);

    // y = max(x, 0), NaN staying NaN.
    private readonly struct Function : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) => Vector.Max(x, Vector<float>.Zero);
    }

    // dL/dx = dL/dy where y > 0, else 0.
    private readonly struct Derivative : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> y, Vector<float> dy) =>
            Vector.ConditionalSelect(Vector.GreaterThan(y, Vector<float>.Zero), dy, Vector<float>.Zero);
    }
}

/// <summary>ReLU has no settings.</summary>
public sealed record ReLUOptions;
