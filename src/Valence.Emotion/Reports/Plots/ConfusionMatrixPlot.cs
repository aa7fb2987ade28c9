using System.Globalization;
using ScottPlot;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports.Plots;

/// <summary>
/// A confusion matrix as a heat map: true classes down the left (first class at the top), predicted classes along
/// the bottom, each cell annotated with its count and its share of the true class's items (the row, i.e. recall on the diagonal).
/// </summary>
internal static class ConfusionMatrixPlot
{
    /// <summary>The heat map as a PNG of <see cref="RunFiles.ConfusionMatrixSize"/>.</summary>
    public static byte[] Render(ConfusionMatrix confusion, IReadOnlyList<string> classNames, string title)
    {
        int k = confusion.ClassCount;
        var plot = new Plot();
        // Colour by the row share, so that a small class's cells are as readable as a large one's.
        var shares = new double[k, k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                shares[i, j] = RowShare(confusion, i, j);
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        // The heat map draws row 0 at the top, at y = k − 1.
        double[] rows = [.. Enumerable.Range(0, k).Select(i => (double)(k - 1 - i))];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                Annotate(plot, confusion[i, j], shares[i, j], j, rows[i]);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, k).Select(j => (double)j)], [.. classNames]);
        plot.Axes.Left.SetTicks(rows, [.. classNames]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.IsVisible = false;
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        plot.Title(title);
        // The colour is the row share printed in each cell, so the bar needs no title (one would overlap its ticks).
        plot.Add.ColorBar(heatmap);
        PlotStyle.ApplyFont(plot);
        return PlotStyle.Png(plot, RunFiles.ConfusionMatrixSize);
    }

    private static void Annotate(Plot plot, long count, double share, double x, double y)
    {
        string percent = (100 * share).ToString("F1", CultureInfo.InvariantCulture);
        var text = plot.Add.Text($"{count}\n{percent} %", x, y);
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontSize = 15;
        text.LabelBold = true;
        // Viridis is dark below about half and light above it.
        text.LabelFontColor = share > 0.55 ? Colors.Black : Colors.White;
    }

    private static double RowShare(ConfusionMatrix confusion, int actual, int predicted)
    {
        long row = confusion.TrueCount(actual);
        return row == 0 ? 0 : (double)confusion[actual, predicted] / row;
    }
}
