using Valence.Nn.Optimizers;

namespace Valence.Emotion.Training;

/// <summary>
/// Multiplies the rate by <see cref="Factor"/> when the monitored loss (the validation loss, or the training loss
/// without validation windows) has not improved for more than <see cref="Patience"/> epochs (PyTorch's
/// ReduceLROnPlateau in min mode, relative threshold 1e-4).
/// </summary>
public sealed record PlateauSchedule : LearningRateScheduleSettings
{
    /// <summary>Creates and validates the schedule settings.</summary>
    /// <param name="factor">The factor of each reduction, in (0, 1) (default 0.1).</param>
    /// <param name="patience">Epochs without improvement tolerated, at least 0 (default 10).</param>
    /// <param name="minimumLearningRate">The rate below which no reduction goes (default 0).</param>
    public PlateauSchedule(double factor = 0.1, int patience = 10, double minimumLearningRate = 0)
    {
        Factor = factor is > 0 and < 1 ? factor
            : throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor must be in (0, 1); got {factor}.");
        Patience = patience >= 0 ? patience
            : throw new ArgumentOutOfRangeException(nameof(patience), patience, $"patience is a number of epochs and must be at least 0; got {patience}.");
        MinimumLearningRate = RequireNonNegative(minimumLearningRate, nameof(minimumLearningRate));
    }

    /// <summary>The factor of each reduction.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement tolerated.</summary>
    public int Patience { get; }

    /// <summary>The rate below which no reduction goes.</summary>
    public double MinimumLearningRate { get; }

    internal override ILearningRateSchedule Create(Optimizer optimizer) =>
        new ReduceLROnPlateau(optimizer, factor: Factor, patience: Patience, minLearningRate: MinimumLearningRate);
}
