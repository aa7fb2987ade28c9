using System.Numerics.Tensors;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Tensor = Valence.Nn.Tensors.Tensor;

namespace Valence.Nn.Optimizers;

/// <summary>
/// Adam with optional L2 weight decay and AMSGrad, computed as PyTorch 1.13's <c>torch.optim.Adam</c> computes it
/// (including the order of its float32 operations and its bias correction).
/// </summary>
/// <remarks>
/// Per parameter p with gradient g at step t, learning rate η, betas β₁ and β₂, epsilon ε, weight decay λ:
/// <code>
/// g = g + λ·p                                   (Adam; AdamW instead starts with p = p·(1 − η·λ))
/// m = β₁·m + (1 − β₁)·g
/// v = β₂·v + (1 − β₂)·g²
/// v̂ = max(v̂, v)                                 (AMSGrad, which then uses v̂ in place of v below)
/// p = p − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// State per parameter: <c>{index}.exp_avg</c> (m), <c>{index}.exp_avg_sq</c> (v) and, with AMSGrad,
/// <c>{index}.max_exp_avg_sq</c> (v̂); the step t is <see cref="Optimizer.StepCount"/>.
/// </remarks>
public class Adam : Optimizer
{
    private readonly Tensor[] _expAvg;
    private readonly Tensor[] _expAvgSq;
    private readonly Tensor[] _maxExpAvgSq;
    private readonly Tensor _gradient;
    private readonly Tensor _denominator;

    /// <summary>Creates the optimiser; arguments and defaults are PyTorch's (<c>lr</c>, <c>betas</c>, <c>eps</c>, <c>weight_decay</c>, <c>amsgrad</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A negative or non-finite learning rate or weight decay, a beta outside [0, 1), or an epsilon that is not
    /// positive and finite.
    /// </exception>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0, bool amsgrad = false)
        : this(parameters, learningRate, beta1, beta2, epsilon, weightDecay, amsgrad, decoupledWeightDecay: false) { }

    private protected Adam(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2,
        double epsilon, double weightDecay, bool amsgrad, bool decoupledWeightDecay) : base(parameters, learningRate)
    {
        RequireBeta(beta1, nameof(beta1));
        RequireBeta(beta2, nameof(beta2));
        if (!double.IsFinite(epsilon) || epsilon <= 0)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"{GetType().Name}: epsilon must be positive and finite; got {epsilon}.");
        RequireNonNegative(weightDecay, nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        Amsgrad = amsgrad;
        DecoupledWeightDecay = decoupledWeightDecay;

        int count = Parameters.Count;
        _expAvg = new Tensor[count];
        _expAvgSq = new Tensor[count];
        _maxExpAvgSq = new Tensor[amsgrad ? count : 0];
        for (int i = 0; i < count; i++)
        {
            _expAvg[i] = AddState(i, "exp_avg");
            _expAvgSq[i] = AddState(i, "exp_avg_sq");
            if (amsgrad) _maxExpAvgSq[i] = AddState(i, "max_exp_avg_sq");
        }
        _gradient = CreateScratch();
        _denominator = CreateScratch();
    }

    /// <summary>The decay β₁ of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>The decay β₂ of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>The term ε added to the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>The weight decay λ: an L2 penalty added to the gradient (Adam) or a decay of the weights (AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>Whether the running maximum of the second moment is used (AMSGrad).</summary>
    public bool Amsgrad { get; }

    /// <summary>Whether weight decay shrinks the weights directly (AdamW) instead of adding λ·p to the gradient (Adam).</summary>
    public bool DecoupledWeightDecay { get; }

    /// <inheritdoc />
    protected override void Update()
    {
        float beta1 = (float)Beta1, beta2 = (float)Beta2, epsilon = (float)Epsilon, weightDecay = (float)WeightDecay;
        float oneMinusBeta1 = (float)(1 - Beta1), oneMinusBeta2 = (float)(1 - Beta2);
        // PyTorch computes the bias corrections and the step size in double, then uses them as float32 scalars.
        double biasCorrection1 = 1 - Math.Pow(Beta1, StepCount);
        double biasCorrection2 = 1 - Math.Pow(Beta2, StepCount);
        float negativeStepSize = (float)-(LearningRate / biasCorrection1);
        float biasCorrection2Sqrt = (float)Math.Sqrt(biasCorrection2);
        float decay = (float)(1 - LearningRate * WeightDecay);

        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i].Value.Span;
            var m = _expAvg[i].Span;
            var v = _expAvgSq[i].Span;
            var scratch = _gradient.Span[..p.Length];
            var denominator = _denominator.Span[..p.Length];
            ReadOnlySpan<float> g = Parameters[i].Gradient.ReadOnlySpan;

            if (DecoupledWeightDecay)
            {
                // p = p·(1 − η·λ)
                TensorPrimitives.Multiply(p, decay, p);
            }
            else if (weightDecay != 0)
            {
                // g = g + λ·p
                TensorPrimitives.MultiplyAdd(p, weightDecay, g, scratch);
                g = scratch;
            }

            // m = β₁·m + (1 − β₁)·g
            TensorPrimitives.Multiply(m, beta1, m);
            TensorPrimitives.MultiplyAdd(g, oneMinusBeta1, m, m);

            // v = β₂·v + (1 − β₂)·g·g
            TensorPrimitives.Multiply(v, beta2, v);
            TensorPrimitives.Multiply(g, oneMinusBeta2, denominator);
            TensorPrimitives.MultiplyAdd(denominator, g, v, v);

            ReadOnlySpan<float> secondMoment = v;
            if (Amsgrad)
            {
                // v̂ = max(v̂, v)
                var maximum = _maxExpAvgSq[i].Span;
                TensorPrimitives.Max(maximum, v, maximum);
                secondMoment = maximum;
            }

            // denominator = √v / √(1 − β₂ᵗ) + ε
            TensorPrimitives.Sqrt(secondMoment, denominator);
            TensorPrimitives.Divide(denominator, biasCorrection2Sqrt, denominator);
            TensorPrimitives.Add(denominator, epsilon, denominator);

            // p = p + (−η/(1 − β₁ᵗ))·m / denominator
            TensorPrimitives.Multiply(m, negativeStepSize, scratch);
            TensorPrimitives.Divide(scratch, denominator, scratch);
            TensorPrimitives.Add(p, scratch, p);
        }
    }

    private void RequireBeta(double beta, string name)
    {
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentOutOfRangeException(name, beta, $"{GetType().Name}: {name} must be in [0, 1); got {beta}.");
    }
}
