using System.Text;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports;

/// <summary>
/// The report.md of a run folder: what ran, under which protocol (with the leak warning when it leaks), the results
/// (aggregate, per fold, per subject, per class, confusion matrix) and the images beside it.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The report's text; <paramref name="images"/> are the image files written beside it.</summary>
    public static string Build(RunReport run, IReadOnlyCollection<string> images)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(images);
        var text = new StringBuilder();
        var evaluation = run.Evaluation;
        text.Append($"# Run {run.Name}\n\n");
        AppendProtocol(text, run.Protocol);
        text.Append($"Model: **{run.Model}** ({(run.Kind == ModelKind.Baseline ? "baseline" : "deep model")}). ");
        text.Append($"Classes: {string.Join(", ", evaluation.ClassNames)}. ");
        text.Append($"Test windows: {evaluation.Aggregate.Pooled.Count} in {evaluation.Folds.Count} fold(s)");
        text.Append(evaluation.Subjects.Count > 0 ? $" from {evaluation.Subjects.Count} subject(s).\n\n" : ".\n\n");
        AppendSettings(text, run.Settings);
        AppendResults(text, evaluation);
        AppendFolds(text, evaluation.Folds);
        AppendSubjects(text, evaluation, images);
        AppendClasses(text, evaluation.Aggregate.Pooled);
        AppendConfusion(text, evaluation.Aggregate.Pooled, images);
        AppendTraining(text, run.History, images);
        return text.ToString();
    }

    private static void AppendProtocol(StringBuilder text, ProtocolInfo protocol)
    {
        text.Append($"Protocol: **{protocol.Name}**{(protocol.Description.Length > 0 ? " — " + protocol.Description : "")}\n\n");
        if (protocol.Leaky)
            text.Append($"> **{ProtocolInfo.LeakWarning}.** Windows of one trial are near copies of each other, so these scores ")
                .Append("measure recognition of trials already seen in training, not generalisation to new trials or people. ")
                .Append("Compare with the trial-holdout, kfold or loso protocols.\n\n");
    }

    private static void AppendSettings(StringBuilder text, IReadOnlyList<RunSetting> settings)
    {
        if (settings.Count == 0) return;
        text.Append("## Settings\n\n");
        var table = new MarkdownTable(textColumns: 2, "setting", "value");
        foreach (var setting in settings) table.Add(setting.Name, setting.Value);
        table.AppendTo(text);
    }

    private static void AppendResults(StringBuilder text, RunEvaluation evaluation)
    {
        var aggregate = evaluation.Aggregate;
        var pooled = aggregate.Pooled;
        text.Append(evaluation.Leaky ? "## Results (LEAKY protocol)\n\n" : "## Results\n\n");
        text.Append($"Mean ± sample standard deviation (n − 1) over {aggregate.Count} fold(s), and the metric of all test windows pooled. ")
            .Append("Chance level is the majority-class rate of the evaluated windows; uniform chance is 1/k.\n\n");
        var table = new MarkdownTable("metric", "mean ± sd over folds", "pooled");
        table.Add("accuracy", ReportFormat.MeanSd(aggregate.Accuracy), ReportFormat.Number(pooled.Accuracy));
        table.Add("balanced accuracy", ReportFormat.MeanSd(aggregate.BalancedAccuracy), ReportFormat.Number(pooled.BalancedAccuracy));
        table.Add("macro-F1", ReportFormat.MeanSd(aggregate.MacroF1), ReportFormat.Number(pooled.MacroF1));
        table.Add("Cohen's kappa", ReportFormat.MeanSd(aggregate.Kappa), ReportFormat.Number(pooled.Kappa));
        table.Add("chance level (majority class)", ReportFormat.MeanSd(aggregate.ChanceLevel), ReportFormat.Number(pooled.ChanceLevel));
        table.Add("uniform chance (1/k)", ReportFormat.Number(pooled.UniformChance), ReportFormat.Number(pooled.UniformChance));
        table.AppendTo(text);
    }

    private static void AppendFolds(StringBuilder text, IReadOnlyList<EvaluationResult> folds)
    {
        if (folds.Count < 2) return;
        text.Append("## Per fold\n\n");
        AppendResultTable(text, folds, r => ReportFormat.Integer(r.Context.Fold!.Value), "fold");
    }

    private static void AppendSubjects(StringBuilder text, RunEvaluation evaluation, IReadOnlyCollection<string> images)
    {
        if (evaluation.SubjectAggregate is not { } aggregate) return;
        text.Append("## Per subject\n\n");
        text.Append($"Each subject's test windows of all folds together. Accuracy over subjects: {ReportFormat.MeanSd(aggregate.Accuracy)}.\n\n");
        if (images.Contains(RunFiles.SubjectAccuracy)) text.Append($"![Per-subject accuracy]({RunFiles.SubjectAccuracy})\n\n");
        AppendResultTable(text, evaluation.Subjects, r => ReportFormat.Subject(r.Context.Subject!.Value), "subject");
    }

    private static void AppendResultTable(StringBuilder text, IReadOnlyList<EvaluationResult> results, Func<EvaluationResult, string> label, string title)
    {
        var table = new MarkdownTable(title, "windows", "accuracy", "balanced accuracy", "macro-F1", "kappa", "chance level");
        foreach (var result in results)
        {
            var m = result.Metrics;
            table.Add(label(result), ReportFormat.Integer(m.Count), ReportFormat.Number(m.Accuracy),
                ReportFormat.Number(m.BalancedAccuracy), ReportFormat.Number(m.MacroF1), ReportFormat.Number(m.Kappa), ReportFormat.Number(m.ChanceLevel));
        }
        table.AppendTo(text);
    }

    private static void AppendClasses(StringBuilder text, ClassificationMetrics pooled)
    {
        text.Append("## Per class (all test windows pooled)\n\n");
        var table = new MarkdownTable("class", "precision", "recall", "F1", "support", "predicted");
        foreach (var c in pooled.PerClass)
            table.Add(c.Name, ReportFormat.Number(c.Precision), ReportFormat.Number(c.Recall), ReportFormat.Number(c.F1),
                ReportFormat.Integer(c.Support), ReportFormat.Integer(c.Predicted));
        table.AppendTo(text);
        text.Append("A ratio with nothing to divide by (a class never predicted, or absent) is 0, as in scikit-learn.\n\n");
    }

    private static void AppendConfusion(StringBuilder text, ClassificationMetrics pooled, IReadOnlyCollection<string> images)
    {
        text.Append("## Confusion matrix (all test windows pooled)\n\n");
        text.Append("Rows are true classes, columns predicted classes.\n\n");
        var names = pooled.ClassNames;
        var table = new MarkdownTable([@"true \ predicted", .. names]);
        for (int i = 0; i < names.Count; i++)
            table.Add([names[i], .. Enumerable.Range(0, names.Count).Select(j => ReportFormat.Integer(pooled.Confusion[i, j]))]);
        table.AppendTo(text);
        if (images.Contains(RunFiles.ConfusionMatrix)) text.Append($"![Confusion matrix]({RunFiles.ConfusionMatrix})\n\n");
    }

    private static void AppendTraining(StringBuilder text, IReadOnlyList<FoldHistory> history, IReadOnlyCollection<string> images)
    {
        text.Append("## Training\n\n");
        if (history.All(h => h.Epochs.Count == 0))
        {
            text.Append("No training history: this model is not trained by epochs.\n\n");
            return;
        }
        if (images.Contains(RunFiles.TrainingCurves)) text.Append($"![Loss and accuracy per epoch]({RunFiles.TrainingCurves})\n\n");
        var table = new MarkdownTable("fold", "epochs", "last train loss", "last train accuracy", "last validation loss",
            "last validation accuracy", "last learning rate", "time");
        foreach (var fold in history.Where(h => h.Epochs.Count > 0))
        {
            var last = fold.Epochs[^1];
            table.Add(ReportFormat.Integer(fold.Fold), ReportFormat.Integer(fold.Epochs.Count),
                ReportFormat.Number(last.TrainLoss), ReportFormat.Number(last.TrainAccuracy), ReportFormat.Optional(last.ValidationLoss),
                ReportFormat.Optional(last.ValidationAccuracy), ReportFormat.LearningRate(last.LearningRate),
                ReportFormat.Seconds(fold.Epochs.Sum(e => e.Seconds)));
        }
        table.AppendTo(text);
    }
}
