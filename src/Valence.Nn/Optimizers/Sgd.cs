using System.Numerics.Tensors;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Tensor = Valence.Nn.Tensors.Tensor;

namespace Valence.Nn.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay, computed
/// as PyTorch's <c>torch.optim.SGD</c> computes it.
/// </summary>
/// <remarks>
/// Per parameter p with gradient g, learning rate η, momentum μ, dampening τ, weight decay λ:
/// <code>
/// d = g + λ·p
/// b = d on the first step, else μ·b + (1 − τ)·d      (when μ ≠ 0)
/// d = d + μ·b with Nesterov, else d = b              (when μ ≠ 0)
/// p = p − η·d
/// </code>
/// The momentum buffer is state <c>{index}.momentum_buffer</c>; the first step copies d into it undampened, as
/// PyTorch does when it creates the buffer.
/// </remarks>
public sealed class Sgd : Optimizer
{
    private readonly Tensor[] _momentumBuffers;
    private readonly Tensor _scratch;

    /// <summary>Creates the optimiser; arguments are PyTorch's (<c>lr</c>, <c>momentum</c>, <c>dampening</c>, <c>weight_decay</c>, <c>nesterov</c>).</summary>
    /// <exception cref="ArgumentException">
    /// A negative or non-finite learning rate, momentum or weight decay; dampening outside [0, 1]; Nesterov without
    /// momentum or with dampening.
    /// </exception>
    public Sgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false) : base(parameters, learningRate)
    {
        RequireNonNegative(momentum, nameof(momentum));
        RequireNonNegative(weightDecay, nameof(weightDecay));
        if (!(dampening >= 0 && dampening <= 1))
            throw new ArgumentOutOfRangeException(nameof(dampening), dampening, $"Sgd: dampening must be in [0, 1]; got {dampening}.");
        if (nesterov && (momentum == 0 || dampening != 0))
            throw new ArgumentException($"Sgd: Nesterov momentum needs momentum > 0 and dampening 0; got momentum {momentum}, dampening {dampening}.", nameof(nesterov));
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _momentumBuffers = new Tensor[momentum == 0 ? 0 : Parameters.Count];
        for (int i = 0; i < _momentumBuffers.Length; i++) _momentumBuffers[i] = AddState(i, "momentum_buffer");
        _scratch = CreateScratch();
    }

    /// <summary>The momentum factor μ (0: none).</summary>
    public double Momentum { get; }

    /// <summary>The dampening τ of the gradient's contribution to the momentum buffer.</summary>
    public double Dampening { get; }

    /// <summary>The L2 penalty λ added to the gradient as λ·p.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    protected override void Update()
    {
        float lr = (float)LearningRate, momentum = (float)Momentum, weightDecay = (float)WeightDecay;
        float keep = (float)(1 - Dampening);
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i].Value.Span;
            var scratch = _scratch.Span[..p.Length];
            ReadOnlySpan<float> d = Parameters[i].Gradient.ReadOnlySpan;
            if (weightDecay != 0)
            {
                // d = g + λ·p
                TensorPrimitives.MultiplyAdd(p, weightDecay, d, scratch);
                d = scratch;
            }
            if (momentum != 0)
            {
                var buffer = _momentumBuffers[i].Span;
                if (StepCount == 1)
                {
                    // b = d
                    d.CopyTo(buffer);
                }
                else
                {
                    // b = μ·b + (1 − τ)·d
                    TensorPrimitives.Multiply(buffer, momentum, buffer);
                    TensorPrimitives.MultiplyAdd(d, keep, buffer, buffer);
                }
                if (Nesterov)
                {
                    // d = d + μ·b
                    TensorPrimitives.MultiplyAdd(buffer, momentum, d, scratch);
                    d = scratch;
                }
                else
                {
                    d = buffer;
                }
            }
            // p = p − η·d
            TensorPrimitives.MultiplyAdd(d, -lr, p, p);
        }
    }
}
