using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Gaussian error linear unit, elementwise on any shape: y = x·Φ(x) with Φ the standard normal CDF (PyTorch
/// <c>nn.GELU</c>), exactly through erf or, with <see cref="GeluApproximation.Tanh"/>, through PyTorch's tanh form.
/// </summary>
public sealed class GELU : Activation
{
    // √(2/π) and the cubic coefficient of the tanh approximation.
    private const float TanhScale = 0.7978845608028654f;
    private const float TanhCubic = 0.044715f;
    private const float InverseSqrt2Pi = 0.3989422804014327f;

    private readonly GELUOptions _options;

    /// <summary>Creates the layer; without <paramref name="options"/> it is the exact (erf) form, PyTorch's default.</summary>
    public GELU(string name, GELUOptions? options = null) : base(name) => _options = options ?? new GELUOptions();

    /// <inheritdoc />
    public override string TypeName => "GELU";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => false;

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output)
    {
        if (_options.Approximate == GeluApproximation.Tanh)
            Elementwise.Map(new TanhFunction(), input.ReadOnlySpan, output.Span);
        else
            Elementwise.Map(new ExactFunction(), input.ReadOnlySpan, output.Span);
    }

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient)
    {
        if (_options.Approximate == GeluApproximation.Tanh)
            Elementwise.Map(new TanhDerivative(), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);
        else
            Elementwise.Map(new ExactDerivative(), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);
    }

    // y = x·Φ(x) = x·½(1 + erf(x/√2)).
    private readonly struct ExactFunction : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) => x * VectorMath.NormalCdf(x);
    }

    // dL/dx = (Φ(x) + x·φ(x))·dL/dy with φ(x) = e^(−x²/2)/√(2π).
    private readonly struct ExactDerivative : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> x, Vector<float> dy) =>
            (VectorMath.NormalCdf(x) + x * InverseSqrt2Pi * Vector.Exp(x * x * -0.5f)) * dy;
    }

    // y = ½x(1 + tanh(u)) = x·σ(2u) with u = √(2/π)(x + 0.044715x³), since ½(1 + tanh u) = σ(2u).
    private readonly struct TanhFunction : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) => x * VectorMath.Sigmoid(TwiceU(x));
    }

    // dL/dx = (s + 2√(2/π)·x·s(1 − s)(1 + 3·0.044715x²))·dL/dy with s = σ(2u).
    private readonly struct TanhDerivative : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> x, Vector<float> dy)
        {
            var s = VectorMath.Sigmoid(TwiceU(x));
            var slope = x * s * (Vector<float>.One - s) * (Vector<float>.One + x * x * (3f * TanhCubic)) * (2f * TanhScale);
            return (s + slope) * dy;
        }
    }

    private static Vector<float> TwiceU(Vector<float> x) => (x + x * x * x * TanhCubic) * (2f * TanhScale);
}

/// <summary>How <see cref="GELU"/> computes Φ(x); the names are PyTorch's <c>approximate</c> values.</summary>
public enum GeluApproximation
{
    /// <summary>Exactly, through erf (PyTorch <c>approximate='none'</c>, the default).</summary>
    None,

    /// <summary>Through ½(1 + tanh(√(2/π)(x + 0.044715x³))) (PyTorch <c>approximate='tanh'</c>).</summary>
    Tanh,
}

/// <summary>Settings of <see cref="GELU"/>.</summary>
public sealed record GELUOptions
{
    /// <summary>Creates the settings; the default is the exact form, as in PyTorch.</summary>
    public GELUOptions(GeluApproximation approximate = GeluApproximation.None) => Approximate = approximate;

    /// <summary>Which form of Φ to use (PyTorch's <c>approximate</c>).</summary>
    public GeluApproximation Approximate
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Approximate), value, "GELU: approximate must be None (exact, erf) or Tanh.");
    }
}
