using Valence.Eeg.Datasets;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Training;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Told what an experiment is doing, for progress displays and logs. Every method has an empty default, so an
/// observer implements only what it shows. Calls come from the thread running the experiment.
/// </summary>
public interface IExperimentObserver
{
    /// <summary>A stage begins ("reading data", "splitting", …).</summary>
    void Stage(string description) { }

    /// <summary>A subject's recording is ready; <paramref name="cache"/> says what the preprocessed cache did (null without a cache).</summary>
    void SubjectReady(int subject, int done, int total, CacheOutcome? cache) { }

    /// <summary>A fold's training begins.</summary>
    void FoldStarted(FoldStart fold) { }

    /// <summary>A training step finished.</summary>
    void Batch(BatchReport report) { }

    /// <summary>An epoch finished (its checkpoint is written).</summary>
    void Epoch(EpochReport report) { }

    /// <summary>A fold's test windows were evaluated.</summary>
    void FoldFinished(int fold, ClassificationMetrics test) { }
}

/// <summary>What a fold is about to train.</summary>
/// <param name="Fold">0-based fold.</param>
/// <param name="FoldCount">Folds in the run.</param>
/// <param name="Split">The split, as "trial-holdout" or "kfold fold 2/5 s03".</param>
/// <param name="TrainWindows">Training windows.</param>
/// <param name="ValidationWindows">Validation windows.</param>
/// <param name="TestWindows">Test windows.</param>
/// <param name="Epochs">The most epochs the fold trains.</param>
/// <param name="BatchesPerEpoch">Training steps per epoch.</param>
/// <param name="Resumed">Whether the fold continues from a checkpoint.</param>
public sealed record FoldStart(int Fold, int FoldCount, string Split, int TrainWindows, int ValidationWindows, int TestWindows,
    int Epochs, int BatchesPerEpoch, bool Resumed);

/// <summary>An observer that shows nothing.</summary>
public sealed class SilentObserver : IExperimentObserver
{
    /// <summary>The one instance.</summary>
    public static SilentObserver Instance { get; } = new();
}
