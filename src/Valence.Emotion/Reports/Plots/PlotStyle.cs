using ScottPlot;
using SkiaSharp;

namespace Valence.Emotion.Reports.Plots;

/// <summary>What every report image shares: the font, the colours and rendering to PNG bytes.</summary>
internal static class PlotStyle
{
    // ScottPlot's own guess for a sans-serif font can land on a serif one on Linux (it did on Debian with DejaVu), so
    // the first installed of these is chosen by name.
    private static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans"];

    private static readonly Lazy<string> Font = new(() =>
    {
        var installed = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return SansFonts.FirstOrDefault(installed.Contains) ?? Fonts.Default;
    });

    /// <summary>Training curves.</summary>
    public static readonly Color Train = Color.FromHex("#1f77b4");

    /// <summary>Validation curves.</summary>
    public static readonly Color Validation = Color.FromHex("#ff7f0e");

    /// <summary>Chance-level lines.</summary>
    public static readonly Color Chance = Color.FromHex("#d62728");

    /// <summary>Sets the report font on everything in <paramref name="plot"/>; call after adding the plottables.</summary>
    public static void ApplyFont(Plot plot) => plot.Font.Set(Font.Value);

    /// <summary>The plot rendered to a PNG of the given size.</summary>
    public static byte[] Png(Plot plot, (int Width, int Height) size) => plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
}
