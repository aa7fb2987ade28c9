namespace Valence.Emotion.Training;

/// <summary>What one epoch of training achieved, for training curves and progress displays.</summary>
/// <param name="Epoch">The epoch's number, from 1.</param>
/// <param name="TrainLoss">Mean loss over the epoch's training windows (class-weighted when the loss is), as the weights changed during the epoch.</param>
/// <param name="TrainAccuracy">Share of training windows whose largest logit was the label's, during the epoch.</param>
/// <param name="ValidationLoss">Loss over the validation windows after the epoch; null without validation windows.</param>
/// <param name="ValidationAccuracy">Accuracy over the validation windows after the epoch; null without validation windows.</param>
/// <param name="LearningRate">The learning rate the epoch trained with.</param>
/// <param name="WindowsPerSecond">Training windows per second during the epoch's training steps.</param>
/// <param name="EpochTime">Wall time of the epoch's training and validation (the checkpoint written after it not included).</param>
/// <param name="Elapsed">Wall time of the whole run up to the end of this epoch, across resumptions.</param>
/// <param name="IsBest">Whether this epoch's validation loss was the best so far (counting as an improvement for early stopping).</param>
public sealed record EpochReport(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double WindowsPerSecond,
    TimeSpan EpochTime,
    TimeSpan Elapsed,
    bool IsBest);
