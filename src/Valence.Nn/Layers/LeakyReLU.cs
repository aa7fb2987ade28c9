using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Leaky rectified linear unit, elementwise on any shape: y = x for x &gt; 0, else slope·x (PyTorch
/// <c>nn.LeakyReLU</c>).
/// </summary>
/// <remarks>The derivative at 0 is taken as the slope, as PyTorch does.</remarks>
public sealed class LeakyReLU : Activation
{
    private readonly LeakyReLUOptions _options;

    /// <summary>Creates the layer; without <paramref name="options"/> the slope is PyTorch's default, 0.01.</summary>
    public LeakyReLU(string name, LeakyReLUOptions? options = null) : base(name) => _options = options ?? new LeakyReLUOptions();

    /// <inheritdoc />
    public override string TypeName => "LeakyReLU";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => false;

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output) =>
        Elementwise.Map(new Function(_options.NegativeSlope), input.ReadOnlySpan, output.Span);

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient) =>
        Elementwise.Map(new Derivative(_options.NegativeSlope), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);

    // y = x if x > 0, else slope·x.
    private readonly struct Function(float slope) : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), x, x * slope);
    }

    // dL/dx = dL/dy if x > 0, else slope·dL/dy.
    private readonly struct Derivative(float slope) : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> x, Vector<float> dy) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), dy, dy * slope);
    }
}

/// <summary>Settings of <see cref="LeakyReLU"/>.</summary>
public sealed record LeakyReLUOptions
{
    /// <summary>Creates the settings; the default slope is PyTorch's.</summary>
    public LeakyReLUOptions(float negativeSlope = 0.01f) => NegativeSlope = negativeSlope;

    /// <summary>The slope for negative inputs (PyTorch's <c>negative_slope</c>); any finite number.</summary>
    public float NegativeSlope
    {
        get;
        init => field = float.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(NegativeSlope), value, "LeakyReLU: the negative slope must be a finite number.");
    }
}
