namespace Valence.Emotion.Reports;

/// <summary>What one training epoch measured.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="TrainAccuracy">Training accuracy over the epoch.</param>
/// <param name="ValidationLoss">Validation loss after the epoch, or null when there is no validation set.</param>
/// <param name="ValidationAccuracy">Validation accuracy after the epoch, or null when there is no validation set.</param>
/// <param name="LearningRate">Learning rate the epoch trained with.</param>
/// <param name="Seconds">Wall-clock time of the epoch, in seconds.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy,
    double LearningRate, double Seconds);
