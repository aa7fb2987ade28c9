namespace Valence.Nn.Optimizers;

/// <summary>
/// Cosine annealing from the base rate down to <see cref="MinimumLearningRate"/> over <see cref="Period"/> epochs,
/// as PyTorch's <c>torch.optim.lr_scheduler.CosineAnnealingLR</c>:
/// η(e) = η_min + (η₀ − η_min)·(1 + cos(π·e / T_max)) / 2.
/// </summary>
/// <remarks>Past T_max the rate rises again along the same cosine, as PyTorch's does.</remarks>
public sealed class CosineAnnealingLR : EpochLearningRateSchedule
{
    /// <summary>Creates the schedule; arguments and defaults are PyTorch's (<c>T_max</c>, <c>eta_min</c> = 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive, or <paramref name="minimumLearningRate"/> is negative or not finite.</exception>
    public CosineAnnealingLR(Optimizer optimizer, int period, double minimumLearningRate = 0) : base(optimizer)
    {
        if (period <= 0)
            throw new ArgumentOutOfRangeException(nameof(period), period, $"CosineAnnealingLR: period (T_max) must be a positive number of epochs; got {period}.");
        if (!double.IsFinite(minimumLearningRate) || minimumLearningRate < 0)
            throw new ArgumentOutOfRangeException(nameof(minimumLearningRate), minimumLearningRate, $"CosineAnnealingLR: minimumLearningRate (eta_min) must be finite and at least 0; got {minimumLearningRate}.");
        Period = period;
        MinimumLearningRate = minimumLearningRate;
    }

    /// <summary>The number of epochs T_max from the base rate to the minimum.</summary>
    public int Period { get; }

    /// <summary>The rate η_min reached after <see cref="Period"/> epochs.</summary>
    public double MinimumLearningRate { get; }

    /// <inheritdoc />
    public override double LearningRateAt(int epoch) =>
        MinimumLearningRate + (BaseLearningRate - MinimumLearningRate) * (1 + Math.Cos(Math.PI * epoch / Period)) / 2;
}
