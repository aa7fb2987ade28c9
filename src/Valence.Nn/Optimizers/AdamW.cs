using Valence.Nn.Layers;

namespace Valence.Nn.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter), as PyTorch 1.13's <c>torch.optim.AdamW</c>: each step
/// first shrinks the weights, p = p·(1 − η·λ), then applies Adam's update with the plain gradient.
/// </summary>
/// <remarks>The update and the state are <see cref="Adam"/>'s; only the weight decay and its default (0.01) differ.</remarks>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimiser; arguments and defaults are PyTorch's (<c>lr</c>, <c>betas</c>, <c>eps</c>, <c>weight_decay</c> = 0.01, <c>amsgrad</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Adam"/>.</exception>
    public AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0.01, bool amsgrad = false)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay, amsgrad, decoupledWeightDecay: true) { }
}
