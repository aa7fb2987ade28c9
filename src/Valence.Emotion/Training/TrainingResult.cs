using Valence.Nn.Layers;

namespace Valence.Emotion.Training;

/// <summary>The outcome of a training run.</summary>
/// <param name="Model">The trained model: the best epoch's weights when early stopping restores them, else the last epoch's.</param>
/// <param name="History">One report per completed epoch, across resumptions.</param>
/// <param name="BestEpoch">The epoch (from 1) with the lowest validation loss; null without validation windows.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before its last epoch.</param>
public sealed record TrainingResult(Sequential Model, IReadOnlyList<EpochReport> History, int? BestEpoch, bool StoppedEarly);
