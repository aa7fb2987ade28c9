using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Reports;

namespace Valence.Cli.Output;

/// <summary>The tables the commands end with: one run's scores, or several runs side by side.</summary>
internal static class ResultTables
{
    /// <summary>A run's scores: mean ± sd over folds and the pooled value of each metric, the chance levels, and the leak warning.</summary>
    public static Table Run(RunReport run)
    {
        var aggregate = run.Evaluation.Aggregate;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{run.Name}: {run.Model}, {run.Protocol.Name}{(run.Leaky ? " (LEAKY)" : "")}, {aggregate.Count} fold{(aggregate.Count == 1 ? "" : "s")}"))
            .AddColumn("metric").AddColumn(new TableColumn("mean ± sd over folds").RightAligned()).AddColumn(new TableColumn("pooled").RightAligned());
        table.AddRow("accuracy", Summary(aggregate.Accuracy), Percent(aggregate.Pooled.Accuracy));
        table.AddRow("balanced accuracy", Summary(aggregate.BalancedAccuracy), Percent(aggregate.Pooled.BalancedAccuracy));
        table.AddRow("macro-F1", Summary(aggregate.MacroF1, percent: false), Number(aggregate.Pooled.MacroF1));
        table.AddRow("Cohen's kappa", Summary(aggregate.Kappa, percent: false), Number(aggregate.Pooled.Kappa));
        table.AddRow("chance (majority class)", Summary(aggregate.ChanceLevel), Percent(aggregate.Pooled.ChanceLevel));
        table.AddRow("chance (1/k)", "", Percent(aggregate.Pooled.UniformChance));
        if (run.Leaky) table.Caption(Markup.Escape(ProtocolInfo.LeakWarning));
        return table;
    }

    /// <summary>Runs side by side, grouped by protocol with the baseline first; leaky rows marked.</summary>
    public static Table Comparison(RunComparison comparison)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("comparison of runs (accuracy: mean ± sd over folds)")
            .AddColumn("model").AddColumn("protocol").AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("balanced acc.").RightAligned()).AddColumn(new TableColumn("macro-F1").RightAligned())
            .AddColumn(new TableColumn("kappa").RightAligned()).AddColumn(new TableColumn("chance").RightAligned())
            .AddColumn(new TableColumn("vs baseline").RightAligned());
        foreach (var row in comparison.Rows)
            table.AddRow(
                Markup.Escape(row.Kind == ModelKind.Baseline ? $"{row.Model} (baseline)" : row.Model),
                Markup.Escape(row.Leaky ? $"{row.Protocol} (LEAKY)" : row.Protocol),
                Summary(row.Accuracy), Summary(row.BalancedAccuracy), Summary(row.MacroF1, percent: false), Summary(row.Kappa, percent: false),
                Percent(row.ChanceLevel),
                row.AccuracyOverBaseline is double d ? (d >= 0 ? "+" : "−") + Percent(Math.Abs(d)) : "–");
        if (comparison.Rows.Any(r => r.Leaky)) table.Caption(Markup.Escape($"LEAKY rows: {ProtocolInfo.LeakWarning}"));
        return table;
    }

    /// <summary>A run's headline scores as JSON, for the "result" event.</summary>
    public static JsonObject Json(RunReport run, string folder)
    {
        var aggregate = run.Evaluation.Aggregate;
        return new JsonObject
        {
            ["run"] = run.Name, ["folder"] = folder, ["model"] = run.Model, ["protocol"] = run.Protocol.Name, ["leaky"] = run.Leaky,
            ["folds"] = aggregate.Count, ["accuracy"] = aggregate.Accuracy.Mean, ["accuracySd"] = Nullable(aggregate.Accuracy.StandardDeviation),
            ["balancedAccuracy"] = aggregate.BalancedAccuracy.Mean, ["macroF1"] = aggregate.MacroF1.Mean, ["kappa"] = Nullable(aggregate.Kappa.Mean),
            ["pooledAccuracy"] = aggregate.Pooled.Accuracy, ["chanceLevel"] = aggregate.Pooled.ChanceLevel,
        };
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static string Summary(MetricSummary s, bool percent = true)
    {
        string mean = percent ? Percent(s.Mean) : Number(s.Mean);
        if (double.IsNaN(s.StandardDeviation)) return mean;
        return $"{mean} ± {(percent ? Percent(s.StandardDeviation) : Number(s.StandardDeviation))}";
    }

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);
}
