using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Exponential linear unit, elementwise on any shape: y = x for x &gt; 0, else α(eˣ − 1) (PyTorch <c>nn.ELU</c>).
/// </summary>
/// <remarks>The derivative at 0 is taken as α, as PyTorch does.</remarks>
public sealed class ELU : Activation
{
    private readonly ELUOptions _options;

    /// <summary>Creates the layer; without <paramref name="options"/> α is PyTorch's default, 1.</summary>
    public ELU(string name, ELUOptions? options = null) : base(name) => _options = options ?? new ELUOptions();

    /// <inheritdoc />
    public override string TypeName => "ELU";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    protected override bool DerivativeUsesOutput => false;

    /// <inheritdoc />
    protected override void Activate(Tensor input, Tensor output) =>
        Elementwise.Map(new Function(_options.Alpha), input.ReadOnlySpan, output.Span);

    /// <inheritdoc />
    protected override void Differentiate(Tensor saved, Tensor outputGradient, Tensor inputGradient) =>
        Elementwise.Map(new Derivative(_options.Alpha), saved.ReadOnlySpan, outputGradient.ReadOnlySpan, inputGradient.Span);

    // y = x if x > 0, else α·expm1(x).
    private readonly struct Function(float alpha) : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), x, VectorMath.ExpM1(x) * alpha);
    }

    // dL/dx = dL/dy if x > 0, else α·eˣ·dL/dy.
    private readonly struct Derivative(float alpha) : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> x, Vector<float> dy) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), dy, Vector.Exp(x) * alpha * dy);
    }
}

/// <summary>Settings of <see cref="ELU"/>.</summary>
public sealed record ELUOptions
{
    /// <summary>Creates the settings; the default α is PyTorch's.</summary>
    public ELUOptions(float alpha = 1f) => Alpha = alpha;

    /// <summary>α, the scale of the negative branch: y → −α as x → −∞ (PyTorch's <c>alpha</c>); any finite number.</summary>
    public float Alpha
    {
        get;
        init => field = float.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Alpha), value, "ELU: alpha must be a finite number.");
    }
}
