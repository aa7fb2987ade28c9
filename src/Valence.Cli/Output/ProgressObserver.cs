using System.Globalization;
using Spectre.Console;
using Valence.Eeg.Datasets;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Experiments;
using Valence.Emotion.Training;

namespace Valence.Cli.Output;

/// <summary>
/// Progress bars on a terminal: one for reading the data, one per fold whose description shows the epoch, loss,
/// accuracy and throughput; the bar advances per training step, with elapsed time and ETA beside it.
/// </summary>
internal sealed class ProgressObserver(ProgressContext progress) : IExperimentObserver
{
    private ProgressTask? _data, _fold;
    private FoldStart? _current;
    private string _epochText = "";

    public void SubjectReady(int subject, int done, int total, CacheOutcome? cache)
    {
        _data ??= progress.AddTask("reading data", maxValue: total);
        _data.Value = done;
        _data.Description = $"reading data: s{subject:D2}{(cache is null ? "" : $" ({cache.ToString()!.ToLowerInvariant()})")}";
        if (done == total) _data.Description = $"data: {total} subject{(total == 1 ? "" : "s")}";
    }

    public void FoldStarted(FoldStart fold)
    {
        _current = fold;
        _epochText = fold.Resumed ? "resuming" : "starting";
        _fold = progress.AddTask(Describe(), maxValue: (double)fold.Epochs * fold.BatchesPerEpoch);
    }

    public void Batch(BatchReport report)
    {
        if (_fold is null || _current is null) return;
        _fold.Value = (double)(report.Epoch - 1) * _current.BatchesPerEpoch + report.Batch;
    }

    public void Epoch(EpochReport report)
    {
        if (_fold is null || _current is null) return;
        _epochText = EpochText.Of(report, _current.Epochs);
        _fold.Value = (double)report.Epoch * _current.BatchesPerEpoch;
        _fold.Description = Describe();
    }

    public void FoldFinished(int fold, ClassificationMetrics test)
    {
        if (_fold is null) return;
        _epochText += string.Create(CultureInfo.InvariantCulture, $"  → test {100 * test.Accuracy:F1}%");
        _fold.Description = Describe();
        _fold.Value = _fold.MaxValue;
        _fold.StopTask();
    }

    private string Describe() => Markup.Escape($"{(_current!.FoldCount == 1 ? _current.Run : $"{_current.Run} {_current.Split}")}  {_epochText}");
}
