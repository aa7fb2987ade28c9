namespace Valence.Nn.Optimizers;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs, as PyTorch's
/// <c>torch.optim.lr_scheduler.StepLR</c>: η(e) = η₀·γ^⌊e / stepSize⌋.
/// </summary>
public sealed class StepLR : EpochLearningRateSchedule
{
    /// <summary>Creates the schedule; arguments and defaults are PyTorch's (<c>step_size</c>, <c>gamma</c> = 0.1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> is not positive, or <paramref name="gamma"/> is not positive and finite.</exception>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        if (stepSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, $"StepLR: stepSize must be a positive number of epochs; got {stepSize}.");
        if (!double.IsFinite(gamma) || gamma <= 0)
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"StepLR: gamma must be positive and finite; got {gamma}.");
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>The number of epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override double LearningRateAt(int epoch) => BaseLearningRate * Math.Pow(Gamma, epoch / StepSize);
}
