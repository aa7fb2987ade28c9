using ScottPlot;

namespace Valence.Emotion.Reports.Plots;

/// <summary>Loss (left) and accuracy (right) per epoch, training solid and validation dashed, one line per fold.</summary>
internal static class TrainingCurvesPlot
{
    /// <summary>The two panels as a PNG of <see cref="RunFiles.TrainingCurvesSize"/>.</summary>
    public static byte[] Render(IReadOnlyList<FoldHistory> history)
    {
        // Loss falls and accuracy rises: the legends go where the curves usually are not.
        var loss = Panel(history, "Loss per epoch", "loss", Alignment.UpperRight, e => e.TrainLoss, e => e.ValidationLoss);
        var accuracy = Panel(history, "Accuracy per epoch", "accuracy", Alignment.LowerRight, e => e.TrainAccuracy, e => e.ValidationAccuracy);
        var panels = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Columns() };
        panels.Reset(loss);
        panels.AddPlot(accuracy);
        var size = RunFiles.TrainingCurvesSize;
        using var image = panels.Render(size.Width, size.Height);
        return image.GetImageBytes(ImageFormat.Png, 100);
    }

    private static Plot Panel(IReadOnlyList<FoldHistory> history, string title, string label, Alignment legend, Func<EpochRecord, double> train,
        Func<EpochRecord, double?> validation)
    {
        var plot = new Plot();
        bool several = history.Count > 1;
        bool first = true;
        foreach (var fold in history)
        {
            double[] epochs = [.. fold.Epochs.Select(e => (double)e.Epoch)];
            AddLine(plot, epochs, [.. fold.Epochs.Select(train)], PlotStyle.Train, LinePattern.Solid, several, first ? "training" : null);
            var validated = fold.Epochs.Where(e => validation(e) is not null).ToArray();
            if (validated.Length > 0)
                AddLine(plot, [.. validated.Select(e => (double)e.Epoch)], [.. validated.Select(e => validation(e)!.Value)],
                    PlotStyle.Validation, LinePattern.Dashed, several, first ? "validation" : null);
            first = false;
        }
        plot.Title(several ? $"{title} ({history.Count} folds)" : title);
        plot.XLabel("epoch");
        plot.YLabel(label);
        plot.ShowLegend(legend);
        PlotStyle.ApplyFont(plot);
        return plot;
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, Color color, LinePattern pattern, bool thin, string? legend)
    {
        var line = plot.Add.ScatterLine(xs, ys, thin ? color.WithAlpha(0.6) : color);
        line.LineWidth = thin ? 1.5f : 2.5f;
        line.LinePattern = pattern;
        if (legend is not null) line.LegendText = legend;
    }
}
