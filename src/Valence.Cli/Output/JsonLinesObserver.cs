using System.Text.Json.Nodes;
using Valence.Eeg.Datasets;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Experiments;
using Valence.Emotion.Training;

namespace Valence.Cli.Output;

/// <summary>Progress as JSON lines: "stage", "subject", "fold", "epoch" and "test" events (not every batch).</summary>
internal sealed class JsonLinesObserver(JsonLines json) : IExperimentObserver
{
    public void Stage(string description) => json.Write("stage", new JsonObject { ["stage"] = description });

    public void SubjectReady(int subject, int done, int total, CacheOutcome? cache) =>
        json.Write("subject", new JsonObject { ["subject"] = subject, ["done"] = done, ["total"] = total, ["cache"] = cache?.ToString() });

    public void FoldStarted(FoldStart fold) => json.Write("fold", new JsonObject
    {
        ["run"] = fold.Run, ["fold"] = fold.Fold + 1, ["folds"] = fold.FoldCount, ["split"] = fold.Split, ["trainWindows"] = fold.TrainWindows,
        ["validationWindows"] = fold.ValidationWindows, ["testWindows"] = fold.TestWindows, ["epochs"] = fold.Epochs, ["resumed"] = fold.Resumed,
    });

    public void Epoch(EpochReport e) => json.Write("epoch", new JsonObject
    {
        ["epoch"] = e.Epoch, ["trainLoss"] = e.TrainLoss, ["trainAccuracy"] = e.TrainAccuracy, ["validationLoss"] = e.ValidationLoss,
        ["validationAccuracy"] = e.ValidationAccuracy, ["learningRate"] = e.LearningRate, ["windowsPerSecond"] = e.WindowsPerSecond,
        ["seconds"] = e.EpochTime.TotalSeconds, ["best"] = e.IsBest,
    });

    public void FoldFinished(int fold, ClassificationMetrics test) => json.Write("test", new JsonObject
    {
        ["fold"] = fold + 1, ["accuracy"] = test.Accuracy, ["balancedAccuracy"] = test.BalancedAccuracy, ["macroF1"] = test.MacroF1,
        ["kappa"] = double.IsNaN(test.Kappa) ? null : test.Kappa, ["chanceLevel"] = test.ChanceLevel,
    });
}
