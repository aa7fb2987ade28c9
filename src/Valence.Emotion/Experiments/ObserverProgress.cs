using Valence.Emotion.Training;

namespace Valence.Emotion.Experiments;

/// <summary>Passes the trainer's progress reports to an experiment observer, synchronously.</summary>
internal sealed class ObserverProgress(IExperimentObserver observer) : IProgress<EpochReport>, IProgress<BatchReport>
{
    public void Report(EpochReport value) => observer.Epoch(value);

    public void Report(BatchReport value) => observer.Batch(value);
}
