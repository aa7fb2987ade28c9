namespace Valence.Emotion.Training;

/// <summary>The numbers of a training run between epochs, as a checkpoint's <c>state</c> JSON holds them.</summary>
/// <param name="CompletedEpochs">Epochs done; also the random state, since every epoch's randomness derives from (seed, epoch).</param>
/// <param name="Stopped">Whether early stopping has ended the run.</param>
/// <param name="OptimizerSteps">The optimiser's step count (Adam's bias correction depends on it).</param>
/// <param name="LearningRate">The learning rate of the next epoch.</param>
/// <param name="Schedule">The schedule's named state, or null without a schedule.</param>
/// <param name="BestLoss">The lowest validation loss so far (+∞ before the first).</param>
/// <param name="BestEpoch">Its epoch, from 1; 0 before the first.</param>
/// <param name="BadEpochs">Consecutive epochs without improvement.</param>
/// <param name="HasBestWeights">Whether the file holds the best epoch's weights (tensors <c>best/…</c>).</param>
/// <param name="Elapsed">Wall time of the completed epochs.</param>
/// <param name="Data">The fingerprint of the training split (<see cref="TrainingData"/>).</param>
/// <param name="History">One report per completed epoch.</param>
internal sealed record CheckpointState(
    int CompletedEpochs,
    bool Stopped,
    long OptimizerSteps,
    double LearningRate,
    IReadOnlyDictionary<string, double>? Schedule,
    double BestLoss,
    int BestEpoch,
    int BadEpochs,
    bool HasBestWeights,
    TimeSpan Elapsed,
    string Data,
    IReadOnlyList<EpochReport> History);
