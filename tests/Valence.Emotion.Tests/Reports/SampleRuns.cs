using Valence.Emotion.Evaluation;
using Valence.Emotion.Reports;

namespace Valence.Emotion.Tests.Reports;

/// <summary>Small, deterministic runs for report tests: predictions drawn from a seeded generator.</summary>
public static class SampleRuns
{
    public static readonly string[] Classes = ["HVHA", "HVLA", "LVHA", "LVLA"];

    public static readonly ProtocolInfo Paper = new("paper-leaky", Leaky: true, "windows split at random, as in the paper");
    public static readonly ProtocolInfo TrialHoldout = new("trial-holdout", Leaky: false, "whole trials of every subject held out");
    public static readonly ProtocolInfo Loso = new("loso", Leaky: false, "one subject held out per fold");

    /// <summary>A run whose predictions are right with probability <paramref name="skill"/>, over the given folds and subjects.</summary>
    public static RunReport Create(string name, string model, ProtocolInfo protocol, double skill, int folds = 3, int subjects = 6,
        int windowsPerFold = 48, int epochs = 12, ModelKind kind = ModelKind.Deep, int seed = 1)
    {
        var random = new Random(seed);
        var predictions = new List<FoldPredictions>();
        for (int f = 0; f < folds; f++)
        {
            var truth = new int[windowsPerFold];
            var predicted = new int[windowsPerFold];
            var subject = new int[windowsPerFold];
            for (int i = 0; i < windowsPerFold; i++)
            {
                truth[i] = random.NextDouble() < 0.4 ? 0 : random.Next(4);
                predicted[i] = random.NextDouble() < skill ? truth[i] : random.Next(4);
                subject[i] = 1 + (i + f) % subjects;
            }
            predictions.Add(new FoldPredictions(f, truth, predicted, subject));
        }
        var evaluation = RunEvaluation.Evaluate(protocol, Classes, predictions);
        var history = kind == ModelKind.Baseline ? [] : Enumerable.Range(0, folds).Select(f => History(f, epochs, random)).ToArray();
        RunSetting[] settings = [new("model", model), new("epochs", epochs.ToString()), new("batch size", "32"), new("note", "a | pipe")];
        return new RunReport(name, model, kind, settings, evaluation, history);
    }

    private static FoldHistory History(int fold, int epochs, Random random) => new(fold, [.. Enumerable.Range(1, epochs).Select(e =>
        new EpochRecord(e, 1.4 * Math.Exp(-e / 5.0) + 0.05 * random.NextDouble(), 0.3 + 0.6 * (1 - Math.Exp(-e / 4.0)),
            1.45 * Math.Exp(-e / 7.0) + 0.2 + 0.05 * random.NextDouble(), 0.28 + 0.4 * (1 - Math.Exp(-e / 5.0)),
            1e-3 * Math.Pow(0.9, e - 1), 2.5 + random.NextDouble()))]);
}
