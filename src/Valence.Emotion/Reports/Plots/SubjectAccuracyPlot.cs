using System.Globalization;
using ScottPlot;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports.Plots;

/// <summary>
/// Each subject's test accuracy as a bar, with a marker at that subject's own majority-class rate, a line at the
/// pooled majority-class rate and a dotted line at 1/k.
/// </summary>
internal static class SubjectAccuracyPlot
{
    /// <summary>The bar chart as a PNG of <see cref="RunFiles.SubjectAccuracySize"/>.</summary>
    public static byte[] Render(IReadOnlyList<EvaluationResult> subjects, ClassificationMetrics pooled, string title)
    {
        var plot = new Plot();
        double[] positions = [.. Enumerable.Range(0, subjects.Count).Select(i => (double)i)];
        var bars = plot.Add.Bars(positions, [.. subjects.Select(s => s.Metrics.Accuracy)]);
        bars.Color = PlotStyle.Train;
        bars.LegendText = "accuracy";
        var own = plot.Add.Markers(positions, [.. subjects.Select(s => s.Metrics.ChanceLevel)], MarkerShape.HorizontalBar, 20, Colors.Black);
        own.MarkerStyle.LineWidth = 3;
        own.LegendText = "subject's majority-class rate";
        AddLevel(plot, pooled.ChanceLevel, LinePattern.Dashed, PlotStyle.Chance, "majority-class rate (all subjects)");
        AddLevel(plot, pooled.UniformChance, LinePattern.Dotted, Colors.Gray, $"uniform 1/{pooled.ClassNames.Count}");
        plot.Axes.Bottom.SetTicks(positions, [.. subjects.Select(s => ReportFormat.Subject(s.Context.Subject!.Value))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = subjects.Count > 24 ? 10 : 12;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.75, subjects.Count - 0.25, 0, 1.25);
        plot.Axes.Left.SetTicks([0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0", "0.2", "0.4", "0.6", "0.8", "1"]);
        plot.XLabel("subject");
        plot.YLabel("test accuracy");
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        PlotStyle.ApplyFont(plot);
        return PlotStyle.Png(plot, RunFiles.SubjectAccuracySize);
    }

    private static void AddLevel(Plot plot, double level, LinePattern pattern, Color color, string legend)
    {
        var line = plot.Add.HorizontalLine(level, 2, color, pattern);
        line.LegendText = $"{legend} {level.ToString("F3", CultureInfo.InvariantCulture)}";
    }
}
