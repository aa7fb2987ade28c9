using System.Globalization;
using Spectre.Console;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Experiments;
using Valence.Emotion.Training;

namespace Valence.Cli.Output;

/// <summary>Progress as plain lines, for output that is not a terminal (logs, pipes): a line per stage, fold and epoch.</summary>
internal sealed class TextObserver(IAnsiConsole console) : IExperimentObserver
{
    private int _epochs;

    public void Stage(string description) => console.WriteLine($"{description}…");

    public void SubjectReady(int subject, int done, int total, Valence.Eeg.Datasets.CacheOutcome? cache)
    {
        if (done == total) console.WriteLine($"  {total} subject{(total == 1 ? "" : "s")} ready");
    }

    public void FoldStarted(FoldStart fold)
    {
        _epochs = fold.Epochs;
        console.WriteLine($"{fold.Run}: {fold.Split} (fold {fold.Fold + 1}/{fold.FoldCount}): {fold.TrainWindows} training, {fold.ValidationWindows} validation, "
            + $"{fold.TestWindows} test windows{(fold.Resumed ? "; resuming from the checkpoint" : "")}");
    }

    public void Epoch(EpochReport report) => console.WriteLine("  " + EpochText.Of(report, _epochs));

    public void FoldFinished(int fold, ClassificationMetrics test) =>
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  test accuracy {100 * test.Accuracy:F1}% (balanced {100 * test.BalancedAccuracy:F1}%, macro-F1 {test.MacroF1:F3}, chance {100 * test.ChanceLevel:F1}%)"));
}
