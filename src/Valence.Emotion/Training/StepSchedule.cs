using Valence.Nn.Optimizers;

namespace Valence.Emotion.Training;

/// <summary>Multiplies the rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs (PyTorch's StepLR).</summary>
public sealed record StepSchedule : LearningRateScheduleSettings
{
    /// <summary>Creates and validates the schedule settings.</summary>
    /// <param name="stepSize">Epochs between decays, at least 1.</param>
    /// <param name="gamma">The factor of each decay, positive and finite (default 0.1).</param>
    public StepSchedule(int stepSize, double gamma = 0.1)
    {
        StepSize = RequireEpochs(stepSize, nameof(stepSize));
        Gamma = double.IsFinite(gamma) && gamma > 0 ? gamma
            : throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"gamma must be positive and finite; got {gamma}.");
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor of each decay.</summary>
    public double Gamma { get; }

    internal override ILearningRateSchedule Create(Optimizer optimizer) => new StepLR(optimizer, StepSize, Gamma);
}
