namespace Valence.Emotion.Experiments;

/// <summary>What a fold is about to train.</summary>
/// <param name="Run">The run's name.</param>
/// <param name="Fold">0-based fold.</param>
/// <param name="FoldCount">Folds in the run.</param>
/// <param name="Split">The split, as "trial-holdout" or "kfold fold 2/5 s03".</param>
/// <param name="TrainWindows">Training windows.</param>
/// <param name="ValidationWindows">Validation windows.</param>
/// <param name="TestWindows">Test windows.</param>
/// <param name="Epochs">The most epochs the fold trains.</param>
/// <param name="BatchesPerEpoch">Training steps per epoch.</param>
/// <param name="Resumed">Whether the fold continues from a checkpoint.</param>
public sealed record FoldStart(string Run, int Fold, int FoldCount, string Split, int TrainWindows, int ValidationWindows, int TestWindows,
    int Epochs, int BatchesPerEpoch, bool Resumed);
