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
