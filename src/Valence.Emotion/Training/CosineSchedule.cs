using Valence.Nn.Optimizers;

namespace Valence.Emotion.Training;

/// <summary>Cosine annealing to <see cref="MinimumLearningRate"/> over <see cref="Period"/> epochs (PyTorch's CosineAnnealingLR).</summary>
public sealed record CosineSchedule : LearningRateScheduleSettings
{
    /// <summary>Creates and validates the schedule settings.</summary>
    /// <param name="period">Epochs from the base rate to the minimum (T_max), at least 1.</param>
    /// <param name="minimumLearningRate">The rate reached after the period (eta_min, default 0).</param>
    public CosineSchedule(int period, double minimumLearningRate = 0)
    {
        Period = RequireEpochs(period, nameof(period));
        MinimumLearningRate = RequireNonNegative(minimumLearningRate, nameof(minimumLearningRate));
    }

    /// <summary>Epochs from the base rate to the minimum.</summary>
    public int Period { get; }

    /// <summary>The rate reached after the period.</summary>
    public double MinimumLearningRate { get; }

    internal override ILearningRateSchedule Create(Optimizer optimizer) => new CosineAnnealingLR(optimizer, Period, MinimumLearningRate);
}
